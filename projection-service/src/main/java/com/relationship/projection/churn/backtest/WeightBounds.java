package com.relationship.projection.churn.backtest;

import com.relationship.projection.churn.ChurnFactor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the weight search may go (issue 27: "a bounded search over configured ranges"): each factor's
 * weight within its range, moved {@code step} points at a time, the weights always making 100. A factor
 * left out of the request ranges from 0 to 50.
 *
 * @param ranges each factor's lowest and highest weight
 * @param step   the points one move shifts from one factor to another
 */
public record WeightBounds(Map<ChurnFactor, Range> ranges, int step) {

    public static final Range DEFAULT_RANGE = new Range(0, 50);
    public static final int DEFAULT_STEP = 5;

    /** @param min the lowest weight the search may give the factor, @param max the highest */
    public record Range(int min, int max) {
    }

    /** Refuses bounds no weights within them can meet, saying why (the endpoint answers it as a 400). */
    public WeightBounds {
        Map<ChurnFactor, Range> all = new EnumMap<>(ChurnFactor.class);
        for (ChurnFactor factor : ChurnFactor.values()) {
            Range range = ranges == null ? null : ranges.get(factor);
            all.put(factor, range == null ? DEFAULT_RANGE : range);
        }
        all.forEach((factor, range) -> {
            if (range.min() < 0 || range.max() > 100 || range.min() > range.max()) {
                throw new IllegalArgumentException("the weight range of " + factor + " must be within 0 to 100, min"
                        + " at most max: is " + range.min() + " to " + range.max());
            }
        });
        int lowest = all.values().stream().mapToInt(Range::min).sum();
        int highest = all.values().stream().mapToInt(Range::max).sum();
        if (lowest > 100 || highest < 100) {
            throw new IllegalArgumentException("no weights within the ranges make 100: their minimums add up to "
                    + lowest + " and their maximums to " + highest);
        }
        if (step < 1 || step > 50) {
            throw new IllegalArgumentException("the weight step must be 1 to 50 points, is " + step);
        }
        ranges = Collections.unmodifiableMap(all);
    }

    /** 0 to 50 for every factor, steps of 5. */
    public static WeightBounds defaults() {
        return new WeightBounds(Map.of(), DEFAULT_STEP);
    }

    /**
     * The search's starting point: the model's weights moved into their ranges, the difference to 100 then
     * taken from (or given to) the factors in {@link ChurnFactor} order as far as their ranges allow.
     */
    int[] start(Map<ChurnFactor, Integer> current) {
        ChurnFactor[] factors = ChurnFactor.values();
        int[] weights = new int[factors.length];
        int sum = 0;
        for (ChurnFactor factor : factors) {
            Range range = ranges.get(factor);
            weights[factor.ordinal()] = Math.max(range.min(), Math.min(range.max(), current.get(factor)));
            sum += weights[factor.ordinal()];
        }
        for (ChurnFactor factor : factors) {
            Range range = ranges.get(factor);
            int f = factor.ordinal();
            int shift = sum < 100 ? Math.min(100 - sum, range.max() - weights[f])
                    : -Math.min(sum - 100, weights[f] - range.min());
            weights[f] += shift;
            sum += shift;
        }
        return weights;
    }

    boolean allows(ChurnFactor factor, int weight) {
        Range range = ranges.get(factor);
        return weight >= range.min() && weight <= range.max();
    }
}
