package com.relationship.projection.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One index of an account's lifetime value: its score from 0 to 100, the points it gives (score times weight),
 * what it was reckoned from, the sentence that says how, and the events behind it.
 *
 * @param weight points of 100 this index can give
 * @param inputs the figures it read, by name
 */
public record IndexScore(ValueIndex index, int weight, BigDecimal score, BigDecimal points, Map<String, Object> inputs,
                         String reason, List<String> eventIds) {

    public IndexScore {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        eventIds = List.copyOf(eventIds);
    }
}
