package com.relationship.projection.churn;

import com.relationship.contracts.churn.ChurnBand;

import java.time.Instant;
import java.util.List;

/**
 * An account's churn risk at one instant, explained: the factors' points add up to {@code score}.
 *
 * @param nextRescoreAt the earliest instant at which time alone can change the score (silence
 *                      growing, a complaint falling due, a bond ending, a purchase leaving its
 *                      period); null when only a new event can. Lets re-scoring visit only the
 *                      accounts whose score can have moved.
 */
public record ChurnScore(int score, ChurnBand band, List<Points> factors, String modelVersion, Instant at,
                         Instant nextRescoreAt) {

    public ChurnScore {
        factors = List.copyOf(factors);
    }

    /**
     * One factor's share of the score.
     *
     * @param reason   a sentence an account manager understands
     * @param eventIds the events behind it (empty when the cause is an absence, such as no survey)
     */
    public record Points(ChurnFactor factor, int points, String reason, List<String> eventIds) {
        public Points {
            eventIds = List.copyOf(eventIds);
        }
    }

    public Points factor(ChurnFactor factor) {
        return factors.stream().filter(points -> points.factor() == factor).findFirst().orElseThrow();
    }
}
