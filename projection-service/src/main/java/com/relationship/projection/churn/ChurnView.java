package com.relationship.projection.churn;

import com.relationship.contracts.churn.ChurnBand;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An account's churn-risk read model: the facts it is scored on, the current score and how the
 * score moved.
 *
 * @param history the changes of score, band or factor points (and of model version), oldest first,
 *                capped (the newest kept)
 */
public record ChurnView(UUID accountId, AccountFacts facts, ChurnScore score, List<ScoreChange> history,
                        long lastAppliedSequence) {

    /** The watch list's order: highest score first, then by account id so pages are stable. */
    public static final Comparator<ChurnView> WATCH_LIST = Comparator
            .comparingInt((ChurnView view) -> view.score().score()).reversed()
            .thenComparing(ChurnView::accountId);

    public ChurnView {
        history = List.copyOf(history);
    }

    /** Why the score changed: an event, time passing, or a new model. */
    public enum CauseKind { EVENT, TIME, MODEL }

    /** @param eventId the event's id when {@code kind} is EVENT, else null */
    public record Cause(CauseKind kind, String eventId) {
    }

    /**
     * One change of the score, with every factor's points after it, so the difference to the entry
     * before answers "why did the score change" point by point.
     *
     * @param points each factor's points; they add up to {@code score}
     */
    public record ScoreChange(Instant at, int score, ChurnBand band, String modelVersion, Cause cause,
                              Map<ChurnFactor, Integer> points) {
        public ScoreChange {
            points = Map.copyOf(points);
        }
    }

    /**
     * The trend against {@code ago} before {@code now}.
     *
     * @param then   the score of the last history entry at or before {@code now - ago}; null when
     *               the account has no entry that old
     * @param change {@code current - then}; null with {@code then}
     */
    public record Trend(Integer then, int current, Integer change) {
    }

    /** The trend against 30 days ago (issue 8), from the history. */
    public Trend trend(Instant now) {
        return trend(now, Duration.ofDays(30));
    }

    public Trend trend(Instant now, Duration ago) {
        Instant cutoff = now.minus(ago);
        Integer then = null;
        for (ScoreChange change : history) {
            if (!change.at().isAfter(cutoff)) {
                then = change.score();
            }
        }
        int current = score.score();
        return new Trend(then, current, then == null ? null : current - then);
    }
}
