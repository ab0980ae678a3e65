package com.relationship.projection.churn;

import com.relationship.contracts.account.LifecycleStage;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The churn-risk model: every number the score depends on, so a change of weights is a change of
 * configuration with a new {@code version}, stored with every score (the trend shows where the
 * model changed).
 *
 * @param version           stored with each score
 * @param weights           the most points each factor can give; they sum to 100, so the factors'
 *                          points always add up to the score
 * @param contactCadence    how often each stage calls for a two-way interaction (seed 002: the most
 *                          valuable daily, growable ones weekly, others as needed)
 * @param keyAccountCadence the cadence of an account on an active KAM track, when shorter
 * @param indifferenceSpan  how many cadences past due silence takes to reach full points (at one
 *                          cadence it starts; at {@code 1 + indifferenceSpan} cadences it is full)
 * @param spendPeriod       the length of "this period" and "the one before" for the spend trend
 * @param mediumFrom        the lowest MEDIUM score
 * @param highFrom          the lowest HIGH score
 * @param rescoreStep       while silence is growing, how often time alone re-scores the account
 */
public record ChurnModel(String version, Map<ChurnFactor, Integer> weights,
                         Map<LifecycleStage, Duration> contactCadence, Duration keyAccountCadence,
                         double indifferenceSpan, Duration spendPeriod, int mediumFrom, int highFrom,
                         Duration rescoreStep) {

    public ChurnModel {
        weights = Map.copyOf(weights);
        contactCadence = Map.copyOf(contactCadence);
        int sum = 0;
        for (ChurnFactor factor : ChurnFactor.values()) {
            Integer weight = weights.get(factor);
            if (weight == null || weight < 0) {
                throw new IllegalArgumentException("churn weight of " + factor + " is missing or negative");
            }
            sum += weight;
        }
        if (sum != 100) {
            throw new IllegalArgumentException("churn weights must sum to 100 so the factors add up to the score;"
                    + " they sum to " + sum);
        }
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (stage.isOnLadder() && !contactCadence.containsKey(stage)) {
                throw new IllegalArgumentException("contact cadence missing for " + stage);
            }
        }
        if (!(0 <= mediumFrom && mediumFrom <= highFrom && highFrom <= 100)) {
            throw new IllegalArgumentException("bands need 0 <= mediumFrom <= highFrom <= 100");
        }
        if (indifferenceSpan <= 0 || spendPeriod.isNegative() || spendPeriod.isZero() || rescoreStep.isZero()
                || rescoreStep.isNegative()) {
            throw new IllegalArgumentException("indifferenceSpan, spendPeriod and rescoreStep must be positive");
        }
    }

    public static ChurnModel defaults() {
        Map<ChurnFactor, Integer> weights = new EnumMap<>(ChurnFactor.class);
        weights.put(ChurnFactor.INDIFFERENCE, 30);
        weights.put(ChurnFactor.UNHEARD_VOICE, 20);
        weights.put(ChurnFactor.SATISFACTION, 15);
        weights.put(ChurnFactor.WEAK_BONDS, 15);
        weights.put(ChurnFactor.SPEND_TREND, 10);
        weights.put(ChurnFactor.STAGE, 10);
        Map<LifecycleStage, Duration> cadence = new EnumMap<>(LifecycleStage.class);
        cadence.put(LifecycleStage.PROSPECT, Duration.ofDays(14));
        cadence.put(LifecycleStage.CUSTOMER, Duration.ofDays(30));
        cadence.put(LifecycleStage.CLIENT, Duration.ofDays(30));
        cadence.put(LifecycleStage.SUPPORTER, Duration.ofDays(21));
        cadence.put(LifecycleStage.ADVOCATE, Duration.ofDays(14));
        cadence.put(LifecycleStage.PARTNER, Duration.ofDays(7));
        return new ChurnModel("1", weights, cadence, Duration.ofDays(7), 2.0, Duration.ofDays(90), 35, 60,
                Duration.ofDays(1));
    }

    public int weight(ChurnFactor factor) {
        return weights.get(factor);
    }

    /** The cadence for an account at {@code stage}, on an active KAM track or not. */
    public Duration cadenceFor(LifecycleStage stage, boolean keyAccount) {
        Duration cadence = contactCadence.getOrDefault(stage, contactCadence.get(LifecycleStage.CUSTOMER));
        return keyAccount && keyAccountCadence.compareTo(cadence) < 0 ? keyAccountCadence : cadence;
    }
}
