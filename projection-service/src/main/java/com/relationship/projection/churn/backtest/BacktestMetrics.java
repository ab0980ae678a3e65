package com.relationship.projection.churn.backtest;

import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.churn.backtest.BacktestReport.BandCalibration;
import com.relationship.projection.churn.backtest.BacktestReport.DecileCalibration;
import com.relationship.projection.churn.backtest.ChurnBacktest.Outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The figures of one model at one horizon, from its scored outcomes. */
final class BacktestMetrics {

    private BacktestMetrics() {
    }

    static BacktestReport.ModelResult of(String version, String fingerprint, Duration horizon, List<Outcome> outcomes,
                                         int unobserved, List<Double> leadDays, Map<ChurnBand, Double> lapsePriors,
                                         WeightSearch.Suggestion suggestion) {
        int scored = outcomes.size();
        int lapses = (int) outcomes.stream().filter(Outcome::lapsed).count();
        List<Outcome> high = outcomes.stream().filter(o -> o.band() == ChurnBand.HIGH).toList();
        int highLapses = (int) high.stream().filter(Outcome::lapsed).count();
        Double precision = high.isEmpty() ? null : (double) highLapses / high.size();
        Double recall = lapses == 0 ? null : (double) highLapses / lapses;
        Double base = scored == 0 ? null : (double) lapses / scored;
        Double lift = precision == null || base == null || base == 0 ? null : precision / base;
        return new BacktestReport.ModelResult(version, fingerprint, horizon, scored, unobserved, lapses, auc(outcomes), precision, recall, lift,
                bands(outcomes, lapsePriors), deciles(outcomes), median(leadDays),
                suggestion == null ? null : suggestion.weights(), suggestion == null ? null : suggestion.auc());
    }

    /**
     * The area under the ROC curve by the rank-sum (Mann-Whitney): the chance a lapsing outcome scores
     * above a staying one, ties counting half.
     */
    static Double auc(List<Outcome> outcomes) {
        double[] scores = new double[outcomes.size()];
        boolean[] lapsed = new boolean[outcomes.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            scores[i] = outcomes.get(i).score();
            lapsed[i] = outcomes.get(i).lapsed();
        }
        return auc(scores, lapsed);
    }

    /** {@link #auc(List)} over any scores: ranks with ties sharing their mean rank. */
    static Double auc(double[] scores, boolean[] lapsed) {
        int n = scores.length;
        long positives = 0;
        for (boolean l : lapsed) {
            positives += l ? 1 : 0;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0; // ranks i+1 .. j share their mean
            for (int k = i; k < j; k++) {
                if (lapsed[order[k]]) {
                    rankSum += averageRank;
                }
            }
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static List<BandCalibration> bands(List<Outcome> outcomes, Map<ChurnBand, Double> lapsePriors) {
        List<BandCalibration> bands = new ArrayList<>();
        for (ChurnBand band : ChurnBand.values()) {
            List<Outcome> in = outcomes.stream().filter(o -> o.band() == band).toList();
            int lapses = (int) in.stream().filter(Outcome::lapsed).count();
            bands.add(new BandCalibration(band, in.size(), lapses, lapsePriors.getOrDefault(band, 0.0),
                    in.isEmpty() ? null : (double) lapses / in.size()));
        }
        return bands;
    }

    private static List<DecileCalibration> deciles(List<Outcome> outcomes) {
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingInt(Outcome::score));
        List<DecileCalibration> deciles = new ArrayList<>();
        for (int d = 0; d < 10 && !sorted.isEmpty(); d++) {
            int from = d * sorted.size() / 10;
            int to = (d + 1) * sorted.size() / 10;
            if (from == to) {
                continue;
            }
            List<Outcome> tenth = sorted.subList(from, to);
            int lapses = (int) tenth.stream().filter(Outcome::lapsed).count();
            deciles.add(new DecileCalibration(d + 1, tenth.get(0).score(), tenth.get(tenth.size() - 1).score(),
                    tenth.size(), lapses, (double) lapses / tenth.size()));
        }
        return deciles;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
