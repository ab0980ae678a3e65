package com.relationship.projection.churn.backtest;

import com.relationship.projection.churn.ChurnFactor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The weights that would have ranked this history's lapses best (issue 27): a bounded search that
 * starts from the model's weights (moved into the bounds) and moves a step of points from one factor to
 * another while that raises the AUC, each weight within its range ({@link WeightBounds}), their sum kept
 * at 100. A suggestion
 * only: it is shown beside the current AUC and never applied by itself. It reads each account-cutoff's
 * factor shares, so no account is scored again; with more than {@value #SAMPLE} account-cutoffs it
 * searches on an even sample of them.
 */
final class WeightSearch {

    static final int SAMPLE = 50_000;
    private static final int MAX_MOVES = 60;

    private WeightSearch() {
    }

    /** The suggestion and its AUC on this history. */
    record Suggestion(Map<ChurnFactor, Integer> weights, double auc) {
    }

    /**
     * @param shares each account-cutoff's share of each factor's weight, in {@link ChurnFactor} order
     * @param lapsed whether each lapsed within the horizon searched for
     */
    static Suggestion best(Map<ChurnFactor, Integer> current, WeightBounds bounds, List<double[]> shares,
                           List<Boolean> lapsed) {
        int stride = Math.max(1, shares.size() / SAMPLE);
        int n = (shares.size() + stride - 1) / stride;
        double[][] sample = new double[n][];
        boolean[] labels = new boolean[n];
        for (int i = 0, k = 0; i < shares.size(); i += stride, k++) {
            sample[k] = shares.get(i);
            labels[k] = lapsed.get(i);
        }
        ChurnFactor[] factors = ChurnFactor.values();
        int step = bounds.step();
        int[] weights = bounds.start(current);
        double best = auc(weights, sample, labels);
        for (int move = 0; move < MAX_MOVES; move++) {
            int[] bestWeights = null;
            for (int from = 0; from < weights.length; from++) {
                for (int to = 0; to < weights.length; to++) {
                    if (from == to || !bounds.allows(factors[from], weights[from] - step)
                            || !bounds.allows(factors[to], weights[to] + step)) {
                        continue;
                    }
                    int[] tried = weights.clone();
                    tried[from] -= step;
                    tried[to] += step;
                    double auc = auc(tried, sample, labels);
                    if (auc > best + 1e-9) {
                        best = auc;
                        bestWeights = tried;
                    }
                }
            }
            if (bestWeights == null) {
                break;
            }
            weights = bestWeights;
        }
        Map<ChurnFactor, Integer> suggested = new EnumMap<>(ChurnFactor.class);
        for (ChurnFactor factor : factors) {
            suggested.put(factor, weights[factor.ordinal()]);
        }
        return new Suggestion(suggested, best);
    }

    private static double auc(int[] weights, double[][] shares, boolean[] labels) {
        double[] scores = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            double score = 0;
            for (int f = 0; f < weights.length; f++) {
                score += weights[f] * shares[i][f];
            }
            scores[i] = score;
        }
        Double auc = BacktestMetrics.auc(scores, labels);
        return auc == null ? 0.5 : auc;
    }
}
