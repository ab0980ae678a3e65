package com.relationship.projection.churn;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.bonding.BondDocuments;
import com.relationship.projection.churn.ChurnInputs.Complaint;
import com.relationship.projection.churn.ChurnInputs.Dated;
import com.relationship.projection.churn.ChurnInputs.Survey;
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
                .append("facts", facts(view.facts()))
                .append("history", view.history().stream().map(ChurnDocuments::change).toList())
                .append("lastAppliedSequence", view.lastAppliedSequence());
    }

    static ChurnView read(Document from) {
        ChurnScore score = new ChurnScore(from.getInteger("score"), ChurnBand.valueOf(from.getString("band")),
                from.getList("factors", Document.class).stream().map(p -> new ChurnScore.Points(
                        ChurnFactor.valueOf(p.getString("factor")), p.getInteger("points"), p.getString("reason"),
                        p.getList("eventIds", String.class))).toList(),
                from.getString("modelVersion"), instant(from, "scoredAt"), instant(from, "nextRescoreAt"));
        return new ChurnView(UUID.fromString(from.getString("accountId")), facts(from.get("facts", Document.class)),
                score, from.getList("history", Document.class, List.of()).stream().map(ChurnDocuments::change).toList(),
                ((Number) from.get("lastAppliedSequence")).longValue());
    }

    private static Document facts(AccountFacts facts) {
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
                .append("purchases", in.purchases().stream().map(ChurnDocuments::dated).toList())
                .append("lastInteraction", last == null ? null : new Document("at", instant(last.at()))
                        .append("channel", last.channel().name()).append("direction", last.direction().name())
                        .append("eventId", last.eventId()));
    }

    private static AccountFacts facts(Document d) {
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
                d.getList("purchases", Document.class).stream().map(ChurnDocuments::dated).toList());
        return new AccountFacts(in, last == null ? null : new AccountFacts.LastInteraction(instant(last, "at"),
                InteractionChannel.valueOf(last.getString("channel")),
                InteractionDirection.valueOf(last.getString("direction")), last.getString("eventId")));
    }

    private static Document dated(Dated dated) {
        return dated == null ? null : new Document("at", instant(dated.at())).append("eventId", dated.eventId());
    }

    private static Dated dated(Document d) {
        return d == null ? null : new Dated(instant(d, "at"), d.getString("eventId"));
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
