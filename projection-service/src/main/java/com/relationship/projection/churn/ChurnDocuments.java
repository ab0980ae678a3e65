package com.relationship.projection.churn;

import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.bonding.BondDocuments;
import com.relationship.projection.churn.ChurnView.Cause;
import com.relationship.projection.churn.ChurnView.CauseKind;
import com.relationship.projection.churn.ChurnView.ScoreChange;
import org.bson.Document;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.relationship.projection.bonding.BondDocuments.instant;

/**
 * The document form of a churn view, by hand: instants as ISO-8601 strings (microseconds kept, see
 * {@link BondDocuments}), enums by name. {@code score}, {@code band} and {@code nextRescoreAt} sit
 * at the top level so the watch list filters on band and sorts on score.
 */
final class ChurnDocuments {

    private ChurnDocuments() {
    }

    static void write(ChurnView view, Document into) {
        ChurnScore s = view.score();
        into.append("accountId", view.accountId().toString())
                .append("score", s.score()).append("band", s.band().name())
                .append("factors", s.factors().stream().map(p -> new Document("factor", p.factor().name())
                        .append("points", p.points()).append("reason", p.reason()).append("eventIds", p.eventIds()))
                        .toList())
                .append("modelVersion", s.modelVersion()).append("scoredAt", instant(s.at()))
                .append("nextRescoreAt", instant(s.nextRescoreAt()))
                .append("revenueAtRisk", revenueAtRisk(s.revenueAtRisk()))
                // Flat, for the watch list's revenue-at-risk order within one currency (the atRisk index).
                .append(AT_RISK_CURRENCY, s.revenueAtRisk() == null ? null : s.revenueAtRisk().currency())
                .append(AT_RISK_AMOUNT, s.revenueAtRisk() == null ? null : s.revenueAtRisk().amount().doubleValue())
                .append("facts", AccountFactsDocuments.write(view.facts()))
                .append("history", view.history().stream().map(ChurnDocuments::change).toList())
                .append("lastAppliedSequence", view.lastAppliedSequence());
    }

    static ChurnView read(Document from) {
        ChurnScore score = new ChurnScore(from.getInteger("score"), ChurnBand.valueOf(from.getString("band")),
                from.getList("factors", Document.class).stream().map(p -> new ChurnScore.Points(
                        ChurnFactor.valueOf(p.getString("factor")), p.getInteger("points"), p.getString("reason"),
                        p.getList("eventIds", String.class))).toList(),
                from.getString("modelVersion"), instant(from, "scoredAt"), instant(from, "nextRescoreAt"),
                revenueAtRisk(from.get("revenueAtRisk", Document.class)));
        return new ChurnView(UUID.fromString(from.getString("accountId")), AccountFactsDocuments.read(from.get("facts", Document.class)),
                score, from.getList("history", Document.class, List.of()).stream().map(ChurnDocuments::change).toList(),
                ((Number) from.get("lastAppliedSequence")).longValue());
    }

    /** The watch list's fields for its revenue-at-risk order. */
    static final String AT_RISK_CURRENCY = "atRiskCurrency";
    static final String AT_RISK_AMOUNT = "atRiskAmount";

    /** Amounts as decimal text: exact, whatever the server makes of numbers. */
    private static Document revenueAtRisk(ChurnScore.RevenueAtRisk r) {
        return r == null ? null : new Document("revenue", r.revenue().toPlainString()).append("currency", r.currency())
                .append("lapseProbability", r.lapseProbability()).append("amount", r.amount().toPlainString())
                .append("basis", r.basis()).append("calibratedBy", r.calibratedBy());
    }

    private static ChurnScore.RevenueAtRisk revenueAtRisk(Document d) {
        return d == null ? null : new ChurnScore.RevenueAtRisk(new java.math.BigDecimal(d.getString("revenue")),
                d.getString("currency"), ((Number) d.get("lapseProbability")).doubleValue(),
                new java.math.BigDecimal(d.getString("amount")), d.getString("basis"), d.getString("calibratedBy"));
    }

    private static Document change(ScoreChange c) {
        Document points = new Document();
        for (ChurnFactor factor : ChurnFactor.values()) {
            if (c.points().containsKey(factor)) {
                points.append(factor.name(), c.points().get(factor));
            }
        }
        return new Document("at", instant(c.at())).append("score", c.score()).append("band", c.band().name())
                .append("modelVersion", c.modelVersion())
                .append("cause", new Document("kind", c.cause().kind().name()).append("eventId", c.cause().eventId()))
                .append("points", points);
    }

    private static ScoreChange change(Document d) {
        Document cause = d.get("cause", Document.class);
        Map<ChurnFactor, Integer> points = new EnumMap<>(ChurnFactor.class);
        d.get("points", Document.class).forEach((k, v) -> points.put(ChurnFactor.valueOf(k), ((Number) v).intValue()));
        return new ScoreChange(instant(d, "at"), d.getInteger("score"), ChurnBand.valueOf(d.getString("band")),
                d.getString("modelVersion"), new Cause(CauseKind.valueOf(cause.getString("kind")),
                cause.getString("eventId")), points);
    }
}
