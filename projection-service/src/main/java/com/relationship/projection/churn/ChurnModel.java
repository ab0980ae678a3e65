package com.relationship.projection.churn;

import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The churn-risk model: every number the score depends on, so a change of weights is a change of
 * configuration with a new {@code version}, stored with every score (the trend shows where the
 * model changed). The version's first number picks how the factors are scored: 1 counts orders per
 * period and reads missing data as health; 2 (the default) weighs spend in money against the
 * account's own rhythm, scores missing data by a prior, fades old surveys and grades bonds by their
 * strength (issue 27).
 *
 * @param version           stored with each score; its first number (1 or 2) picks the scoring
 * @param weights           the most points each factor can give; they sum to 100, so the factors'
 *                          points always add up to the score
 * @param contactCadence    how often each stage calls for a two-way interaction (seed 002: the most
 *                          valuable daily, growable ones weekly, others as needed)
 * @param keyAccountCadence the cadence of an account on an active KAM track, when shorter
 * @param indifferenceSpan  how many cadences past due silence takes to reach full points (at one
 *                          cadence it starts; at {@code 1 + indifferenceSpan} cadences it is full)
 * @param spendPeriod       version 1: the length of "this period" and "the one before" for the spend trend
 * @param mediumFrom        the lowest MEDIUM score
 * @param highFrom          the lowest HIGH score
 * @param rescoreStep       while silence grows, how often time alone re-scores the account
 * @param judgement         version 2's settings
 */
public record ChurnModel(String version, Map<ChurnFactor, Integer> weights,
                         Map<LifecycleStage, Duration> contactCadence, Duration keyAccountCadence,
                         double indifferenceSpan, Duration spendPeriod, int mediumFrom, int highFrom,
                         Duration rescoreStep, Judgement judgement) {

    /** How version 2 reads a factor without data: a prior share of its weight, or not at all (the others rescaled). */
    public enum MissingData { PRIOR, RESCALE }

    /**
     * Version 2's settings.
     *
     * @param revenueWindow         spend compares the revenue of this window with the one before (12 months)
     * @param usualPurchaseInterval the rhythm assumed for an account with fewer than two purchases to measure its own
     * @param orderSilenceSpan      intervals past the usual one at which silence on orders gives the full spend points
     * @param surveyHalfLife        a survey counts half after this long, a quarter after twice as long
     * @param missingData           how a factor without data is scored
     * @param missingDataPrior      with PRIOR, the share of its weight a factor without data gives (0 to 1)
     * @param lapsePriors           the chance an account in each band lapses within a year, assumed until a
     *                              backtest calibrates the model: what revenue at risk weighs the revenue by
     */
    public record Judgement(Duration revenueWindow, Duration usualPurchaseInterval, double orderSilenceSpan,
                            Duration surveyHalfLife, MissingData missingData, double missingDataPrior,
                            Map<ChurnBand, Double> lapsePriors) {

        /** With the default lapse priors. */
        public Judgement(Duration revenueWindow, Duration usualPurchaseInterval, double orderSilenceSpan,
                         Duration surveyHalfLife, MissingData missingData, double missingDataPrior) {
            this(revenueWindow, usualPurchaseInterval, orderSilenceSpan, surveyHalfLife, missingData, missingDataPrior,
                    defaultLapsePriors());
        }

        public static Map<ChurnBand, Double> defaultLapsePriors() {
            Map<ChurnBand, Double> priors = new EnumMap<>(ChurnBand.class);
            priors.put(ChurnBand.LOW, 0.05);
            priors.put(ChurnBand.MEDIUM, 0.20);
            priors.put(ChurnBand.HIGH, 0.50);
            return priors;
        }

        public Judgement {
            // In band order, so the model's fingerprint (which prints it) is the same at every start.
            lapsePriors = lapsePriors == null || lapsePriors.isEmpty() ? Map.of()
                    : java.util.Collections.unmodifiableMap(new EnumMap<>(lapsePriors));
            for (ChurnBand band : ChurnBand.values()) {
                Double prior = lapsePriors.get(band);
                if (prior == null || prior < 0 || prior > 1) {
                    throw new IllegalArgumentException("the lapse prior of " + band + " must be within 0 to 1, is "
                            + prior);
                }
            }
            if (!positive(revenueWindow) || !positive(usualPurchaseInterval) || !positive(surveyHalfLife)
                    || orderSilenceSpan <= 0) {
                throw new IllegalArgumentException("revenueWindow, usualPurchaseInterval, surveyHalfLife and"
                        + " orderSilenceSpan must be positive");
            }
            if (missingData == null || missingDataPrior < 0 || missingDataPrior > 1) {
                throw new IllegalArgumentException("missingData must be set and missingDataPrior within 0 to 1");
            }
        }

        public static Judgement defaults() {
            return new Judgement(Duration.ofDays(365), Duration.ofDays(90), 2.0, Duration.ofDays(180),
                    MissingData.PRIOR, 0.5);
        }

        private static boolean positive(Duration duration) {
            return duration != null && !duration.isNegative() && !duration.isZero();
        }
    }

    /** Version 1's form, and any model that leaves version 2's settings at their defaults. */
    public ChurnModel(String version, Map<ChurnFactor, Integer> weights, Map<LifecycleStage, Duration> contactCadence,
                      Duration keyAccountCadence, double indifferenceSpan, Duration spendPeriod, int mediumFrom,
                      int highFrom, Duration rescoreStep) {
        this(version, weights, contactCadence, keyAccountCadence, indifferenceSpan, spendPeriod, mediumFrom, highFrom,
                rescoreStep, Judgement.defaults());
    }

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
        if (judgement == null) {
            throw new IllegalArgumentException("version 2's settings (judgement) are missing");
        }
        generation(version);
        if (indifferenceSpan <= 0 || spendPeriod.isNegative() || spendPeriod.isZero() || rescoreStep.isZero()
                || rescoreStep.isNegative()) {
            throw new IllegalArgumentException("indifferenceSpan, spendPeriod and rescoreStep must be positive");
        }
    }

    /** Version 2 with its weights: spend in money and rhythm weighs most, as silence on orders is the loudest sign. */
    public static ChurnModel defaults() {
        return new ChurnModel("2", defaultWeights(2), defaultCadence(), Duration.ofDays(7), 2.0, Duration.ofDays(90),
                35, 60, Duration.ofDays(1), Judgement.defaults());
    }

    /** Version 1 as it was: selectable with {@code projection.churn.model-version=1}. */
    public static ChurnModel version1() {
        return new ChurnModel("1", defaultWeights(1), defaultCadence(), Duration.ofDays(7), 2.0, Duration.ofDays(90),
                35, 60, Duration.ofDays(1));
    }

    /** The default weights of a scoring generation (1 or 2). */
    public static Map<ChurnFactor, Integer> defaultWeights(int generation) {
        Map<ChurnFactor, Integer> weights = new EnumMap<>(ChurnFactor.class);
        boolean second = generation >= 2;
        weights.put(ChurnFactor.INDIFFERENCE, second ? 20 : 30);
        weights.put(ChurnFactor.UNHEARD_VOICE, second ? 15 : 20);
        weights.put(ChurnFactor.SATISFACTION, second ? 10 : 15);
        weights.put(ChurnFactor.WEAK_BONDS, 15);
        weights.put(ChurnFactor.SPEND_TREND, second ? 30 : 10);
        weights.put(ChurnFactor.STAGE, 10);
        return weights;
    }

    static Map<LifecycleStage, Duration> defaultCadence() {
        Map<LifecycleStage, Duration> cadence = new EnumMap<>(LifecycleStage.class);
        cadence.put(LifecycleStage.PROSPECT, Duration.ofDays(14));
        cadence.put(LifecycleStage.CUSTOMER, Duration.ofDays(30));
        cadence.put(LifecycleStage.CLIENT, Duration.ofDays(30));
        cadence.put(LifecycleStage.SUPPORTER, Duration.ofDays(21));
        cadence.put(LifecycleStage.ADVOCATE, Duration.ofDays(14));
        cadence.put(LifecycleStage.PARTNER, Duration.ofDays(7));
        return cadence;
    }

    /** The scoring this model's version picks: its first number, 1 or 2. */
    public int generation() {
        return generation(version);
    }

    static int generation(String version) {
        String major = version == null ? "" : version.split("\\.", 2)[0];
        if (!major.equals("1") && !major.equals("2")) {
            throw new IllegalArgumentException("model version " + version + ": its first number picks the scoring,"
                    + " 1 (order counts) or 2 (money and rhythm)");
        }
        return Integer.parseInt(major);
    }

    /** How far back purchases are kept in the facts: what the spend factor of this generation can still read. */
    public Duration purchasesKept() {
        Duration window = generation() >= 2 ? judgement.revenueWindow() : spendPeriod;
        return window.multipliedBy(2);
    }

    public int weight(ChurnFactor factor) {
        return weights.get(factor);
    }

    /**
     * The cadence an account is held to: that of its stage, or, once lapsed, of the stage it lapsed from
     * (a lapsed account is to be won back at the rhythm it had). The one place the cadence of an account
     * is reckoned: churn's indifference and the committee's coverage both read it.
     */
    public Duration cadenceFor(LifecycleStage stage, LifecycleStage lapsedFrom, boolean keyAccount) {
        LifecycleStage heldTo = stage == LifecycleStage.LAPSED && lapsedFrom != null ? lapsedFrom : stage;
        return cadenceFor(heldTo, keyAccount);
    }

    /**
     * The cadence the account is held to: its stage's ({@link #cadenceFor(LifecycleStage, LifecycleStage, boolean)}),
     * or, for a client, its value tier's where that is shorter (an MVC daily, an MGC every three days: issue 30).
     */
    public Duration cadenceFor(ChurnInputs account) {
        Duration stage = cadenceFor(account.stage(), account.lapsedFrom(), account.keyAccount());
        TierCadence tier = account.tierCadence();
        return tier != null && account.stage().canChurn() && tier.every().compareTo(stage) < 0 ? tier.every() : stage;
    }

    /** The cadence for an account at {@code stage}, on an active KAM track or not. */
    public Duration cadenceFor(LifecycleStage stage, boolean keyAccount) {
        Duration cadence = contactCadence.getOrDefault(stage, contactCadence.get(LifecycleStage.CUSTOMER));
        return keyAccount && keyAccountCadence.compareTo(cadence) < 0 ? keyAccountCadence : cadence;
    }
}
