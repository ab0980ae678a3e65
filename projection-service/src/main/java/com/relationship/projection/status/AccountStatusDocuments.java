package com.relationship.projection.status;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ExchangeType;
import com.relationship.contracts.status.Firmographics;
import com.relationship.contracts.status.AccountOwner;
import com.relationship.contracts.status.ProfitabilityStance;
import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.contracts.status.LastInteraction;
import com.relationship.contracts.status.OpenComplaint;
import com.relationship.contracts.status.StagePeriod;
import com.relationship.projection.readmodel.ReadModelDocuments;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static com.relationship.projection.readmodel.MoneyDocuments.bigDecimal;
import static com.relationship.projection.readmodel.MoneyDocuments.decimal;

/**
 * The Mongo form of an account status: its fields at the top level of the read model's document
 * (so list and funnel queries filter on {@code stage} and {@code kamStage}); the pipeline adds its
 * own ({@link com.relationship.projection.readmodel.ReadModelDocuments}).
 * <p>
 * Mapped by hand, on purpose: money is {@code Decimal128} (exact, scale kept) and instants are
 * ISO-8601 strings, because a BSON date would cut the events' microseconds to milliseconds and the
 * stored status would then differ from the one published on Kafka.
 */
public final class AccountStatusDocuments {

    public static final String ID = ReadModelDocuments.ID;
    public static final String STAGE = "stage";
    public static final String KAM_STAGE = "kamStage";
    public static final String NAME = "name";
    public static final String CHURN_BAND = "churnBand";
    public static final String CHURN_SCORE = "churnScore";
    /** The owner's subject, what the lists' {@code owner} filter compares. */
    public static final String OWNER_SUBJECT = "owner.subject";

    private AccountStatusDocuments() {
    }

    public static void write(AccountStatus s, Document doc) {
        doc.append(NAME, s.name())
                .append("firmographics", s.firmographics() == null ? null : new Document()
                        .append("industry", s.firmographics().industry())
                        .append("employeeCount", s.firmographics().employeeCount())
                        .append("annualRevenue", decimal(s.firmographics().annualRevenue()))
                        .append("region", s.firmographics().region())
                        .append("annualRevenueCurrency", s.firmographics().annualRevenueCurrency()))
                .append(STAGE, name(s.stage()))
                .append("stageSince", instant(s.stageSince()))
                .append("lapsedFrom", name(s.lapsedFrom()))
                .append("stagePeriods", s.stagePeriods().stream().map(p -> new Document()
                        .append("stage", name(p.stage()))
                        .append("enteredAt", instant(p.enteredAt()))
                        .append("leftAt", instant(p.leftAt()))).toList())
                .append(KAM_STAGE, name(s.kamStage()))
                .append("kamStageSince", instant(s.kamStageSince()))
                .append("classification", name(s.classification()))
                .append("exchangeType", name(s.exchangeType()))
                .append("purchaseCount", s.purchaseCount())
                .append("purchaseTotals", totals(s.purchaseTotals()))
                .append("openComplaints", s.openComplaints().stream().map(c -> new Document()
                        .append("complaintId", c.complaintId().toString())
                        .append("summary", c.summary())
                        .append("dueBy", instant(c.dueBy()))
                        .append("openedAt", instant(c.openedAt()))).toList())
                .append("lastAppliedSequence", s.lastAppliedSequence())
                .append("updatedAt", instant(s.updatedAt()))
                .append("bondingLevel", name(s.bondingLevel()))
                .append("bondStrength", s.bondStrength())
                .append(CHURN_SCORE, s.churnScore())
                .append(CHURN_BAND, name(s.churnBand()))
                .append("lastInteraction", s.lastInteraction() == null ? null : new Document()
                        .append("at", instant(s.lastInteraction().at()))
                        .append("channel", name(s.lastInteraction().channel()))
                        .append("direction", name(s.lastInteraction().direction()))
                        .append("eventId", s.lastInteraction().eventId()))
                .append("standingAt", instant(s.standingAt()))
                .append("complianceHold", s.complianceHold())
                .append("owner", s.owner() == null ? null : new Document()
                        .append("subject", s.owner().subject())
                        .append("kind", name(s.owner().kind()))
                        .append("since", instant(s.owner().since())))
                .append("profitability", s.profitability() == null ? null : new Document()
                        .append("decision", name(s.profitability().decision()))
                        .append("levers", s.profitability().levers().stream().map(Enum::name).toList())
                        .append("since", instant(s.profitability().since()))
                        .append("eventId", s.profitability().eventId()));
    }

    /**
     * The folded status in a document, never marked stale (the read model's {@code visible} adds
     * that), or null when the document holds none yet ({@code stage} unset: parked events only). A
     * status stored before its firmographics named the annual revenue's currency reads with
     * {@code reportingCurrency}, as the registration it was folded from does.
     */
    public static AccountStatus read(Document doc, String reportingCurrency) {
        if (doc.getString(STAGE) == null) {
            return null;
        }
        Document f = doc.get("firmographics", Document.class);
        BigDecimal revenue = f == null ? null : bigDecimal(f.get("annualRevenue"));
        return new AccountStatus(UUID.fromString(doc.getString(ID)), doc.getString(NAME),
                f == null ? null : new Firmographics(f.getString("industry"),
                        f.get("employeeCount", Number.class).intValue(), revenue, f.getString("region"),
                        AccountStatusProjector.revenueCurrency(revenue, f.getString("annualRevenueCurrency"),
                                reportingCurrency)),
                enumOf(LifecycleStage::valueOf, doc.getString(STAGE)),
                instant(doc.getString("stageSince")),
                enumOf(LifecycleStage::valueOf, doc.getString("lapsedFrom")),
                doc.getList("stagePeriods", Document.class, List.of()).stream().map(p -> new StagePeriod(
                        enumOf(LifecycleStage::valueOf, p.getString("stage")), instant(p.getString("enteredAt")),
                        instant(p.getString("leftAt")))).toList(),
                enumOf(KamStage::valueOf, doc.getString(KAM_STAGE)),
                instant(doc.getString("kamStageSince")),
                enumOf(Classification::valueOf, doc.getString("classification")),
                enumOf(ExchangeType::valueOf, doc.getString("exchangeType")),
                doc.get("purchaseCount", Number.class).intValue(),
                totals(doc.get("purchaseTotals", Document.class)),
                doc.getList("openComplaints", Document.class, List.of()).stream().map(c -> new OpenComplaint(
                        UUID.fromString(c.getString("complaintId")), c.getString("summary"),
                        instant(c.getString("dueBy")), instant(c.getString("openedAt")))).toList(),
                doc.get("lastAppliedSequence", Number.class).longValue(),
                instant(doc.getString("updatedAt")), false, null,
                enumOf(BondKind::valueOf, doc.getString("bondingLevel")),
                doc.get("bondStrength", 0), doc.get("churnScore", 0),
                enumOf(ChurnBand::valueOf, doc.getString("churnBand")),
                lastInteraction(doc.get("lastInteraction", Document.class)),
                instant(doc.getString("standingAt")), doc.get("complianceHold", false),
                owner(doc.get("owner", Document.class)), profitability(doc.get("profitability", Document.class)));
    }

    private static ProfitabilityStance profitability(Document d) {
        return d == null ? null : new ProfitabilityStance(ProfitabilityDecision.valueOf(d.getString("decision")),
                d.getList("levers", String.class, List.of()).stream().map(ConversionLever::valueOf).toList(),
                instant(d.getString("since")), d.getString("eventId"));
    }

    private static AccountOwner owner(Document d) {
        return d == null ? null : new AccountOwner(d.getString("subject"), OwnerKind.valueOf(d.getString("kind")),
                instant(d.getString("since")));
    }

    private static LastInteraction lastInteraction(Document d) {
        return d == null ? null : new LastInteraction(instant(d.getString("at")),
                InteractionChannel.valueOf(d.getString("channel")), InteractionDirection.valueOf(d.getString("direction")),
                d.getString("eventId"));
    }

    private static Document totals(Map<String, BigDecimal> totals) {
        Document doc = new Document();
        totals.forEach((currency, amount) -> doc.append(currency, decimal(amount)));
        return doc;
    }

    private static Map<String, BigDecimal> totals(Document doc) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        if (doc != null) {
            doc.forEach((currency, amount) -> totals.put(currency, bigDecimal(amount)));
        }
        return totals;
    }


    private static String instant(Instant value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E> E enumOf(Function<String, E> valueOf, String name) {
        return name == null ? null : valueOf.apply(name);
    }
}
