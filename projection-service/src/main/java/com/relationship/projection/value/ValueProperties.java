package com.relationship.projection.value;

import com.relationship.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How lifetime value is reckoned and tiered ({@code projection.value.*}, issue 30).
 *
 * @param weights    each index's weight, in points of 100 (seed 002's Convergys model by default: average revenue
 *                   20, revenue change 25, current relationship 15, technology entanglement 20, share of client
 *                   10, partnership 10); they must add up to 100
 * @param tierCuts   the percentiles of the ranking where MVC ends, MGC ends and MIGRATOR ends (10, 50, 75 by
 *                   default: the seed's "10th and above, 11th to 50th, 51st to 75th, 75th and below")
 * @param poll       how often the ranking reads what changed in the value, committee and profitability figures
 * @param rerankEvery at most how often the whole portfolio is scored and ranked again after a change (and never
 *                    sooner than twice what the last ranking took); 0 ranks after every change
 * @param publisherLease how long the instance publishing the tiers' changes holds its lease without renewing it
 *                       (renewed at every cycle, at least every 4 polls): after an instance dies, at most this long
 *                       passes before another publishes
 * @param topic          the compacted topic each change of tier is published on
 * @param tierSettle     how long a new tier must hold, ranking after ranking, before it is published and its cadence
 *                       used (0: at once): while the portfolio moves fast (read models catching up, an import), ranks
 *                       near a cut cross it back and forth
 */
@ConfigurationProperties("projection.value")
public record ValueProperties(Map<ValueIndex, Integer> weights, @DefaultValue({"10", "50", "75"}) int[] tierCuts,
                              @DefaultValue("1s") Duration poll, @DefaultValue("5s") Duration rerankEvery,
                              @DefaultValue("15s") Duration publisherLease,
                              @DefaultValue(Topics.ACCOUNT_VALUE) String topic,
                              @DefaultValue("30s") Duration tierSettle) {

    public ValueProperties {
        Map<ValueIndex, Integer> merged = new EnumMap<>(ValueIndex.class);
        for (ValueIndex index : ValueIndex.values()) {
            merged.put(index, index.seedWeight());
        }
        if (weights != null) {
            merged.putAll(weights);
        }
        int sum = merged.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 100 || merged.values().stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("projection.value.weights " + merged + " must be at least 0 each and add up"
                    + " to 100 (they add up to " + sum + ")");
        }
        weights = java.util.Collections.unmodifiableMap(merged);
        if (tierCuts == null || tierCuts.length != 3 || tierCuts[0] <= 0 || tierCuts[0] >= tierCuts[1]
                || tierCuts[1] >= tierCuts[2] || tierCuts[2] >= 100) {
            throw new IllegalArgumentException("projection.value.tier-cuts must be three rising percentiles between 0 and"
                    + " 100, such as 10,50,75");
        }
        tierCuts = tierCuts.clone();
        if (poll == null || poll.isZero() || poll.isNegative() || rerankEvery == null || rerankEvery.isNegative()) {
            throw new IllegalArgumentException("projection.value.poll must be positive and rerank-every not negative");
        }
        if (tierSettle == null || tierSettle.isNegative()) {
            throw new IllegalArgumentException("projection.value.tier-settle must not be negative");
        }
        if (publisherLease == null || publisherLease.compareTo(poll.multipliedBy(8)) < 0) {
            throw new IllegalArgumentException("projection.value.publisher-lease (" + publisherLease + ") must be at least"
                    + " 8 polls (" + poll.multipliedBy(8) + "): the holder renews it every 4 polls at the least");
        }
    }

    /** The seed's weights, cuts and the defaults of the rest. */
    public static ValueProperties defaults() {
        return new ValueProperties(null, new int[]{10, 50, 75}, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(15), Topics.ACCOUNT_VALUE, Duration.ofSeconds(30));
    }
}
