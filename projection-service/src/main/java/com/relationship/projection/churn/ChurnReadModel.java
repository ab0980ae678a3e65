package com.relationship.projection.churn;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnView.Cause;
import com.relationship.projection.churn.ChurnView.CauseKind;
import com.relationship.projection.churn.ChurnView.ScoreChange;
import com.relationship.projection.readmodel.ReadModel;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The churn risk of each account (issue 8, "Churn risk"). An event re-scores the account at the
 * event's time; time passing re-scores it at {@link #nextChangeAt} (silence grows, a complaint falls
 * due, a bond ends), and a new model version re-scores every account once ({@link #fingerprint}).
 * <p>
 * The history records an entry only when the score, the band, a factor's points or the model version
 * changed, each with its cause (the event, time passing, or the model); it keeps the newest
 * {@code historyCap} entries, the oldest are dropped (so the trend of an account with a long, busy
 * history may have no entry 30 days back).
 */
public final class ChurnReadModel implements ReadModel<ChurnView> {

    private final ChurnModel model;
    private final ChurnScoring scoring;
    private final int historyCap;
    private final ChurnBandChanges bandChanges;

    public ChurnReadModel(ChurnModel model, BondingModel bonding, int historyCap, ChurnBandChanges bandChanges) {
        this(model, bonding, historyCap, bandChanges, () -> null);
    }

    /** @param calibration the latest backtest's calibration of the active model, read at each score */
    public ChurnReadModel(ChurnModel model, BondingModel bonding, int historyCap, ChurnBandChanges bandChanges,
                          java.util.function.Supplier<LapseCalibration> calibration) {
        this(model, bonding, historyCap, bandChanges, calibration, TierCadences.NONE);
    }

    /** @param tiers the cadence each account's value tier calls for, as last published, read at each score */
    public ChurnReadModel(ChurnModel model, BondingModel bonding, int historyCap, ChurnBandChanges bandChanges,
                          java.util.function.Supplier<LapseCalibration> calibration, TierCadences tiers) {
        if (historyCap < 1) {
            throw new IllegalArgumentException("historyCap must be at least 1");
        }
        this.model = model;
        this.scoring = new ChurnScoring(model, bonding, calibration, tiers);
        this.historyCap = historyCap;
        this.bandChanges = bandChanges;
    }

    @Override
    public String name() {
        return "churn-risk";
    }

    @Override
    public String collection() {
        return "account_churn_risk";
    }

    @Override
    public ChurnView apply(ChurnView view, EnvelopedAccountEvent event) {
        AccountFacts facts = AccountFacts.apply(view == null ? null : view.facts(), event)
                .trimmed(event.occurredAt(), model.purchasesKept());
        ChurnScore score = scoring.score(event.accountId(), facts.inputs(), event.occurredAt());
        List<ScoreChange> history = view == null ? List.of() : view.history();
        return new ChurnView(event.accountId(), facts, score,
                changed(history, view == null ? null : view.score(), score, new Cause(CauseKind.EVENT, event.eventId())),
                event.sequence());
    }

    @Override
    public long lastAppliedSequence(ChurnView view) {
        return view.lastAppliedSequence();
    }

    /** {@link ChurnScore#nextRescoreAt()}, or the score's own time (due at once) when it was made by another model version. */
    @Override
    public Instant nextChangeAt(ChurnView view) {
        boolean current = model.version().equals(view.score().modelVersion()) && calibratedAsNow(view.score());
        return current ? view.score().nextRescoreAt() : view.score().at();
    }

    /**
     * Whether its revenue at risk is weighed by the calibration in use now. Checked on the view itself: a
     * calibration that arrives between scoring and writing must not leave the account weighed by the old one.
     */
    private boolean calibratedAsNow(ChurnScore score) {
        if (score.revenueAtRisk() == null) {
            return true;
        }
        LapseCalibration calibration = scoring.calibration();
        String expected = calibration != null && calibration.calibrates(score.band()) ? calibration.backtestId() : null;
        return java.util.Objects.equals(score.revenueAtRisk().calibratedBy(), expected);
    }

    @Override
    public ChurnView advance(ChurnView view, Instant now) {
        boolean newModel = !model.version().equals(view.score().modelVersion());
        // Not back in time: at its own instant it is scored again all the same, for what no event carries and time
        // does not move (the cadence of the account's value tier, published since).
        Instant at = !newModel && !now.isAfter(view.score().at()) ? view.score().at() : now;
        AccountFacts facts = view.facts().trimmed(at, model.purchasesKept());
        ChurnScore score = scoring.score(view.accountId(), facts.inputs(), at);
        if (!newModel && score.factors().equals(view.score().factors())
                && java.util.Objects.equals(score.nextRescoreAt(), view.score().nextRescoreAt())
                && java.util.Objects.equals(score.revenueAtRisk(), view.score().revenueAtRisk())) {
            return view;
        }
        Cause cause = new Cause(newModel ? CauseKind.MODEL : CauseKind.TIME, null);
        return new ChurnView(view.accountId(), facts, score, changed(view.history(), view.score(), score, cause),
                view.lastAppliedSequence());
    }

    /** The score and its factors, reasons and causes; not when it was made nor the history of changes. */
    @Override
    public Object comparable(ChurnView view) {
        ChurnScore s = view.score();
        return List.of(view.accountId(), s.score(), s.band(), s.factors(), s.modelVersion(), view.lastAppliedSequence());
    }

    /**
     * The scoring's fingerprint, and the backtest that calibrates its revenue at risk: a new calibration
     * makes every account due once, so each revenue at risk (and the list ordered by it) is weighed again.
     */
    @Override
    public String fingerprint() {
        LapseCalibration calibration = scoring.calibration();
        return calibration == null ? scoring.fingerprint() : scoring.fingerprint() + "+" + calibration.backtestId();
    }

    @Override
    public void stored(ChurnView before, ChurnView after) {
        if (before == null || before.score().band() != after.score().band()) {
            bandChanges.bandChanged(before, after);
        }
    }

    @Override
    public void republish(ChurnView stored) {
        bandChanges.republish(stored);
    }

    private List<ScoreChange> changed(List<ScoreChange> history, ChurnScore before, ChurnScore after, Cause cause) {
        Map<ChurnFactor, Integer> points = points(after);
        if (before != null && before.score() == after.score() && before.band() == after.band()
                && before.modelVersion().equals(after.modelVersion()) && points(before).equals(points)) {
            return history;
        }
        List<ScoreChange> next = new ArrayList<>(history);
        next.add(new ScoreChange(after.at(), after.score(), after.band(), after.modelVersion(), cause, points));
        return List.copyOf(next.subList(Math.max(0, next.size() - historyCap), next.size()));
    }

    private static Map<ChurnFactor, Integer> points(ChurnScore score) {
        Map<ChurnFactor, Integer> points = new EnumMap<>(ChurnFactor.class);
        score.factors().forEach(p -> points.put(p.factor(), p.points()));
        return points;
    }

    @Override
    public void write(ChurnView view, Document into) {
        ChurnDocuments.write(view, into);
    }

    @Override
    public ChurnView read(Document from) {
        return ChurnDocuments.read(from);
    }
}
