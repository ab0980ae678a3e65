package com.relationship.projection.churn.backtest;

import com.relationship.contracts.churn.ChurnBand;

import java.time.Duration;
import java.util.List;

/**
 * What a churn backtest found, per model and horizon.
 *
 * @param cutoffs      how many cutoffs were scored
 * @param accounts     how many account histories were read
 * @param usedLateFacts whether facts recorded after a cutoff but dated before it were used (false: each
 *                     account was scored on what was known at the cutoff)
 * @param note         what to do when the report is empty for a reason the asker can change; null otherwise
 */
public record BacktestReport(int cutoffs, int accounts, boolean usedLateFacts, List<ModelResult> results,
                             String note) {

    public BacktestReport {
        results = List.copyOf(results);
    }

    /**
     * One model at one horizon.
     *
     * @param modelFingerprint the scoring it ran ({@code ChurnScoring#fingerprint}): its result calibrates the read
     *                        models' revenue at risk when that is the active one
     * @param scored          account-cutoffs scored (CUSTOMER to PARTNER at the cutoff) and labelled
     * @param unobserved      account-cutoffs scored but left out: their horizon had not passed when the history
     *                        was read, so whether they lapse within it is not known yet
     * @param lapses          of those, lapsed within the horizon
     * @param auc             the chance a lapsing account-cutoff scored above a staying one (ties count half);
     *                        null without both kinds
     * @param highPrecision   of the HIGH ones, the share that lapsed; null without any HIGH
     * @param highRecall      of the lapses, the share that was HIGH; null without lapses
     * @param highLift        HIGH's lapse rate over the base rate; null where either is
     * @param bands           predicted (the band's prior) against observed lapse rate, per band
     * @param deciles         observed lapse rate per tenth of the scores, lowest scores first
     * @param medianLeadDays  days from an account turning HIGH (and staying so) to its lapse, the median; null
     *                        when no lapse was preceded by HIGH
     * @param suggestedWeights the weights that would have ranked this history's lapses best (a bounded search
     *                        from the model's own within the request's ranges, by default steps of 5, each 0 to
     *                        50): never applied by itself; version 2
     *                        at the longest horizon only, else null
     * @param suggestedAuc    the AUC those weights reach on this history (on a sample past 50,000 account-cutoffs)
     */
    public record ModelResult(String modelVersion, String modelFingerprint, Duration horizon, int scored,
                              int unobserved, int lapses, Double auc,
                              Double highPrecision, Double highRecall, Double highLift, List<BandCalibration> bands,
                              List<DecileCalibration> deciles, Double medianLeadDays,
                              java.util.Map<com.relationship.projection.churn.ChurnFactor, Integer> suggestedWeights,
                              Double suggestedAuc) {

        public ModelResult {
            bands = List.copyOf(bands);
            deciles = List.copyOf(deciles);
            suggestedWeights = suggestedWeights == null ? null
                    : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(suggestedWeights));
        }
    }

    /** @param observedLapseRate null when no account-cutoff fell in the band */
    public record BandCalibration(ChurnBand band, int scored, int lapses, double predictedLapseRate,
                                  Double observedLapseRate) {
    }

    /** @param minScore the lowest score in the tenth, @param maxScore the highest */
    public record DecileCalibration(int decile, int minScore, int maxScore, int scored, int lapses,
                                    double observedLapseRate) {
    }
}
