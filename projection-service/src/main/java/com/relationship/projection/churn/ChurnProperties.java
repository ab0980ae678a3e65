package com.relationship.projection.churn;

import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The churn-risk model as configuration ({@code projection.churn.*}); every default is
 * {@link ChurnModel#defaults()}. Change any number and change {@code model-version} with it: the
 * version is stored with every score, so the history shows where the model changed. A bad value fails
 * the start with the property's name.
 *
 * @param modelVersion      stored with every score
 * @param weights           the most points per factor ({@code indifference}, {@code unheard-voice},
 *                          {@code satisfaction}, {@code weak-bonds}, {@code spend-trend}, {@code stage});
 *                          a factor left out keeps its default; together they must make 100
 * @param cadence           the contact cadence per ladder stage ({@code prospect} ... {@code partner}); a
 *                          stage left out keeps its default
 * @param keyAccountCadence the cadence of an account on an active KAM track, when shorter
 * @param indifferenceSpan  cadences past due at which silence gives full points
 * @param spendPeriod       "this period" and "the one before" of the spend trend
 * @param mediumFrom        lowest MEDIUM score
 * @param highFrom          lowest HIGH score
 * @param rescoreStep       while silence grows, how often time alone re-scores
 * @param historyCap        score changes kept per account (the newest)
 * @param revenueWindow     version 2: spend compares the revenue of this window with the one before
 * @param usualPurchaseInterval version 2: the buying rhythm assumed for an account with fewer than two purchases
 * @param orderSilenceSpan  version 2: intervals past the usual one at which silence on orders gives full spend points
 * @param surveyHalfLife    version 2: a survey counts half after this long
 * @param missingData       version 2: a factor without data (no survey yet) scores the prior ({@code prior}) or is
 *                          left out with the other weights rescaled ({@code rescale})
 * @param missingDataPrior  version 2: with {@code prior}, the share of its weight a factor without data gives (0 to 1)
 * @param lapsePrior        version 2: the chance an account in each band ({@code low}, {@code medium}, {@code high})
 *                          lapses within a year, assumed until a backtest calibrates the model; revenue at risk is the
 *                          revenue weighed by it. A band left out keeps its default (5%, 20%, 50%)
 * @param calibrate         version 2: whether a finished backtest of the active model calibrates revenue at risk (its
 *                          observed lapse rate per band replaces the prior); false keeps the priors
 * @param calibrationMinScored a band is calibrated only when the backtest scored at least this many account-cutoffs
 *                          in it; fewer keep the band's prior
 * @param calibrationRefresh how often an instance reads the calibration another instance's backtest adopted
 */
@ConfigurationProperties("projection.churn")
public record ChurnProperties(@DefaultValue("2") String modelVersion, Map<ChurnFactor, Integer> weights,
                              Map<LifecycleStage, Duration> cadence, @DefaultValue("7d") Duration keyAccountCadence,
                              @DefaultValue("2.0") double indifferenceSpan, @DefaultValue("90d") Duration spendPeriod,
                              @DefaultValue("35") int mediumFrom, @DefaultValue("60") int highFrom,
                              @DefaultValue("1d") Duration rescoreStep, @DefaultValue("200") int historyCap,
                              @DefaultValue("365d") Duration revenueWindow,
                              @DefaultValue("90d") Duration usualPurchaseInterval,
                              @DefaultValue("2.0") double orderSilenceSpan, @DefaultValue("180d") Duration surveyHalfLife,
                              @DefaultValue("prior") ChurnModel.MissingData missingData,
                              @DefaultValue("0.5") double missingDataPrior, Map<ChurnBand, Double> lapsePrior,
                              @DefaultValue("true") boolean calibrate, @DefaultValue("30") int calibrationMinScored,
                              @DefaultValue("30s") Duration calibrationRefresh) {

    private static final String P = "projection.churn.";

    public ChurnProperties {
        ChurnModel defaults = ChurnModel.defaults();
        int generation;
        try {
            generation = ChurnModel.generation(modelVersion);
        } catch (IllegalArgumentException e) {
            // Not chained: the message with the property's name is the one a failed start shows.
            throw new IllegalArgumentException(P + "model-version: " + e.getMessage());
        }
        Map<ChurnFactor, Integer> w = new EnumMap<>(ChurnModel.defaultWeights(generation));
        if (weights != null) {
            w.putAll(weights);
        }
        weights = Map.copyOf(w);
        Map<LifecycleStage, Duration> c = new EnumMap<>(defaults.contactCadence());
        if (cadence != null) {
            c.putAll(cadence);
        }
        cadence = Map.copyOf(c);
        require(modelVersion != null && !modelVersion.isBlank(), "model-version must not be blank");
        weights.forEach((factor, weight) -> require(weight != null && weight >= 0,
                "weights." + factor.name().toLowerCase().replace('_', '-') + " must be 0 or more, is " + weight));
        int sum = weights.values().stream().mapToInt(Integer::intValue).sum();
        require(sum == 100, "weights must sum to 100 (so the factors' points add up to the score), they sum to "
                + sum + ": " + new EnumMap<>(weights));
        cadence.forEach((stage, duration) -> require(positive(duration),
                "cadence." + stage.name().toLowerCase() + " must be positive, is " + duration));
        require(positive(keyAccountCadence), "key-account-cadence must be positive, is " + keyAccountCadence);
        require(indifferenceSpan > 0, "indifference-span must be positive, is " + indifferenceSpan);
        require(positive(spendPeriod), "spend-period must be positive, is " + spendPeriod);
        require(0 <= mediumFrom && mediumFrom <= 100, "medium-from must be 0 to 100, is " + mediumFrom);
        require(mediumFrom <= highFrom && highFrom <= 100,
                "high-from must be from medium-from (" + mediumFrom + ") to 100, is " + highFrom);
        require(positive(rescoreStep), "rescore-step must be positive, is " + rescoreStep);
        require(historyCap >= 1, "history-cap must be at least 1, is " + historyCap);
        require(positive(revenueWindow), "revenue-window must be positive, is " + revenueWindow);
        require(positive(usualPurchaseInterval), "usual-purchase-interval must be positive, is " + usualPurchaseInterval);
        require(orderSilenceSpan > 0, "order-silence-span must be positive, is " + orderSilenceSpan);
        require(positive(surveyHalfLife), "survey-half-life must be positive, is " + surveyHalfLife);
        require(missingData != null, "missing-data must be prior or rescale");
        require(missingDataPrior >= 0 && missingDataPrior <= 1, "missing-data-prior must be 0 to 1, is " + missingDataPrior);
        Map<ChurnBand, Double> priors = new EnumMap<>(ChurnModel.Judgement.defaultLapsePriors());
        if (lapsePrior != null) {
            priors.putAll(lapsePrior);
        }
        lapsePrior = java.util.Collections.unmodifiableMap(priors);
        lapsePrior.forEach((band, prior) -> require(prior != null && prior >= 0 && prior <= 1,
                "lapse-prior." + band.name().toLowerCase() + " must be 0 to 1, is " + prior));
        require(calibrationMinScored >= 1, "calibration-min-scored must be at least 1, is " + calibrationMinScored);
        require(positive(calibrationRefresh), "calibration-refresh must be positive, is " + calibrationRefresh);
    }

    public ChurnModel toModel() {
        return new ChurnModel(modelVersion, weights, cadence, keyAccountCadence, indifferenceSpan, spendPeriod,
                mediumFrom, highFrom, rescoreStep, new ChurnModel.Judgement(revenueWindow, usualPurchaseInterval,
                orderSilenceSpan, surveyHalfLife, missingData, missingDataPrior, lapsePrior));
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(P + message);
        }
    }
}
