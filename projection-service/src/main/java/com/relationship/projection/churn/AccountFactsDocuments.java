package com.relationship.projection.churn;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.projection.bonding.BondDocuments;
import com.relationship.projection.churn.ChurnInputs.Complaint;
import com.relationship.projection.churn.ChurnInputs.Dated;
import com.relationship.projection.churn.ChurnInputs.Purchase;
import com.relationship.projection.churn.ChurnInputs.Survey;
import org.bson.Document;

import java.util.UUID;

import static com.relationship.projection.bonding.BondDocuments.instant;

/**
 * The document form of {@link AccountFacts}, one subdocument kept by every read model that scores
 * an account on them (the churn risk, and the status for its standing). Instants as ISO-8601
 * strings (microseconds kept, see {@link BondDocuments}), enums by name.
 */
public final class AccountFactsDocuments {

    private AccountFactsDocuments() {
    }

    public static Document write(AccountFacts facts) {
        ChurnInputs in = facts.inputs();
        AccountFacts.LastInteraction last = facts.lastInteraction();
        return new Document("stage", in.stage().name())
                .append("lapsedFrom", in.lapsedFrom() == null ? null : in.lapsedFrom().name())
                .append("stageEventId", in.stageEventId()).append("keyAccount", in.keyAccount())
                .append("registeredAt", instant(in.registeredAt()))
                .append("lastTwoWayInteraction", dated(in.lastTwoWayInteraction()))
                .append("openComplaints", in.openComplaints().stream().map(c -> new Document("complaintId",
                        c.complaintId().toString()).append("dueBy", instant(c.dueBy())).append("eventId", c.eventId()))
                        .toList())
                .append("latestSurvey", in.latestSurvey() == null ? null : new Document("score", in.latestSurvey().score())
                        .append("instrument", in.latestSurvey().instrument().name())
                        .append("at", instant(in.latestSurvey().at())).append("eventId", in.latestSurvey().eventId()))
                .append("bonds", BondDocuments.bonds(in.bonds()))
                .append("purchases", in.purchases().stream().map(AccountFactsDocuments::purchase).toList())
                .append("lastInteraction", last == null ? null : new Document("at", instant(last.at()))
                        .append("channel", last.channel().name()).append("direction", last.direction().name())
                        .append("eventId", last.eventId()))
                .append(OWNER, facts.owner());
    }

    /** The owner's subject, what the watch list's {@code owner} filter compares. */
    static final String OWNER = "owner";

    public static AccountFacts read(Document d) {
        Document survey = d.get("latestSurvey", Document.class);
        Document last = d.get("lastInteraction", Document.class);
        ChurnInputs in = new ChurnInputs(LifecycleStage.valueOf(d.getString("stage")),
                d.getString("lapsedFrom") == null ? null : LifecycleStage.valueOf(d.getString("lapsedFrom")),
                d.getString("stageEventId"), d.getBoolean("keyAccount"), instant(d, "registeredAt"),
                dated(d.get("lastTwoWayInteraction", Document.class)),
                d.getList("openComplaints", Document.class).stream().map(c -> new Complaint(
                        UUID.fromString(c.getString("complaintId")), instant(c, "dueBy"), c.getString("eventId"))).toList(),
                survey == null ? null : new Survey(survey.getInteger("score"),
                        SurveyInstrument.valueOf(survey.getString("instrument")), instant(survey, "at"),
                        survey.getString("eventId")),
                BondDocuments.bonds(d, "bonds"),
                d.getList("purchases", Document.class).stream().map(AccountFactsDocuments::purchase).toList());
        return new AccountFacts(in, last == null ? null : new AccountFacts.LastInteraction(instant(last, "at"),
                InteractionChannel.valueOf(last.getString("channel")),
                InteractionDirection.valueOf(last.getString("direction")), last.getString("eventId")),
                d.getString(OWNER));
    }

    /** The amount as its decimal text: exact, whatever the server makes of numbers. */
    private static Document purchase(Purchase p) {
        return new Document("at", instant(p.at())).append("amount", p.amount() == null ? null : p.amount().toPlainString())
                .append("currency", p.currency()).append("eventId", p.eventId());
    }

    /** A purchase stored before amounts were kept reads with none. */
    private static Purchase purchase(Document d) {
        String amount = d.getString("amount");
        return new Purchase(instant(d, "at"), amount == null ? null : new java.math.BigDecimal(amount),
                d.getString("currency"), d.getString("eventId"));
    }

    private static Document dated(Dated dated) {
        return dated == null ? null : new Document("at", instant(dated.at())).append("eventId", dated.eventId());
    }

    private static Dated dated(Document d) {
        return d == null ? null : new Dated(instant(d, "at"), d.getString("eventId"));
    }

}
