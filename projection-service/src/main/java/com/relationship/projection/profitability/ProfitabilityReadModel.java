package com.relationship.projection.profitability;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.readmodel.InconsistentEventStreamException;
import com.relationship.projection.readmodel.ReadModel;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.relationship.projection.readmodel.MoneyDocuments.bigDecimal;
import static com.relationship.projection.readmodel.MoneyDocuments.decimal;

/**
 * Each account's profitability ledger (issue 29): the lines its purchases, costed interactions,
 * complaints, customization bonds and service activities give, unpriced. Prices are applied when figures
 * are asked for ({@link ProfitabilityReport}), with the exchange rates and rate cards known then, so a
 * rate set later reprices every account without a replay, and a rebuilt ledger equals the live one.
 */
public final class ProfitabilityReadModel implements ReadModel<ProfitabilityView> {

    @Override
    public String name() {
        return "profitability";
    }

    @Override
    public String collection() {
        return "account_profitability";
    }

    @Override
    public ProfitabilityView apply(ProfitabilityView view, EnvelopedAccountEvent event) {
        if (view == null && !(event.event() instanceof AccountRegistered)) {
            throw new InconsistentEventStreamException("account " + event.accountId() + ": event " + event.eventId()
                    + " (" + event.type() + ") before its AccountRegistered");
        }
        ProfitabilityFold.Step step = ProfitabilityFold.of(event);
        List<Ledger> ledger = new ArrayList<>(view == null ? List.of() : view.ledger());
        ledger.addAll(step.lines());
        List<Decision> decisions = new ArrayList<>(view == null ? List.of() : view.decisions());
        if (step.decision() != null) {
            decisions.add(step.decision());
        }
        String name = event.event() instanceof AccountRegistered registered ? registered.name() : view.name();
        return new ProfitabilityView(event.accountId(), name, ledger, decisions, event.sequence());
    }

    @Override
    public long lastAppliedSequence(ProfitabilityView view) {
        return view.lastAppliedSequence();
    }

    /** Money as {@code Decimal128} (exact, scale kept), instants as ISO-8601 strings, as the other read models. */
    @Override
    public void write(ProfitabilityView view, Document into) {
        into.append("accountId", view.accountId().toString()).append("name", view.name())
                .append("ledger", view.ledger().stream().map(line -> new Document("eventId", line.eventId())
                        .append("at", line.at().toString()).append("kind", line.kind().name())
                        .append("activity", line.activity()).append("amount", decimal(line.amount()))
                        .append("currency", line.currency()).append("quantity", decimal(line.quantity()))
                        .append("grossMargin", decimal(line.grossMargin()))).toList())
                .append("decisions", view.decisions().stream().map(d -> new Document("at", d.at().toString())
                        .append("decision", d.decision().name())
                        .append("levers", d.levers().stream().map(Enum::name).toList())
                        .append("rationale", d.rationale()).append("eventId", d.eventId())).toList())
                .append("lastAppliedSequence", view.lastAppliedSequence());
    }

    @Override
    public ProfitabilityView read(Document from) {
        if (from.getString("accountId") == null) {
            return null;
        }
        List<Ledger> ledger = from.getList("ledger", Document.class, List.of()).stream()
                .map(line -> new Ledger(line.getString("eventId"), Instant.parse(line.getString("at")),
                        Ledger.Kind.valueOf(line.getString("kind")), line.getString("activity"),
                        bigDecimal(line.get("amount")), line.getString("currency"), bigDecimal(line.get("quantity")),
                        bigDecimal(line.get("grossMargin")))).toList();
        List<Decision> decisions = from.getList("decisions", Document.class, List.of()).stream()
                .map(d -> new Decision(Instant.parse(d.getString("at")), ProfitabilityDecision.valueOf(d.getString("decision")),
                        d.getList("levers", String.class, List.of()).stream().map(ConversionLever::valueOf).toList(),
                        d.getString("rationale"), d.getString("eventId"))).toList();
        return new ProfitabilityView(UUID.fromString(from.getString("accountId")), from.getString("name"), ledger,
                decisions, ((Number) from.get("lastAppliedSequence")).longValue());
    }
}
