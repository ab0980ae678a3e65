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
                         Instant nextRescoreAt, RevenueAtRisk revenueAtRisk) {

    public ChurnScore {
        factors = List.copyOf(factors);
    }

    /** Without revenue at risk: version 1, or an account with no revenue in money. */
    public ChurnScore(int score, ChurnBand band, List<Points> factors, String modelVersion, Instant at,
                      Instant nextRescoreAt) {
        this(score, band, factors, modelVersion, at, nextRescoreAt, null);
    }

    /**
     * What the account's churn would cost: its revenue of the last 12 months (in its main currency)
     * weighed by the chance it lapses, named with where that chance comes from.
     *
     * @param revenue          the revenue of the model's revenue window up to the score's time
     * @param lapseProbability the chance it lapses within a year at its band
     * @param amount           {@code revenue * lapseProbability}, rounded to the revenue's scale
     * @param basis            where the probability comes from: the band's prior until a backtest calibrates the model
     * @param calibratedBy     the backtest the probability was observed in; null while it is the band's prior
     */
    public record RevenueAtRisk(java.math.BigDecimal revenue, String currency, double lapseProbability,
                                java.math.BigDecimal amount, String basis, String calibratedBy) {
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
