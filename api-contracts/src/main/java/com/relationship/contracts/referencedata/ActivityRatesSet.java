package com.relationship.contracts.referencedata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The activity rate card from one month on (activity-based costing, seed 000): what one unit of each
 * activity costs to serve an account, in the reporting currency. A card applies from its month until the
 * month of the next card. A discount is not on the card: it costs its own amount.
 *
 * @param appliesFrom       the first calendar month (UTC) the card prices, as {@code yyyy-MM}
 * @param reportingCurrency the ISO 4217 code of every cost on the card
 * @param costPerUnit       per activity (upper-case words joined by {@code _}), the cost of one unit (0 or above)
 */
public record ActivityRatesSet(YearMonth appliesFrom, String reportingCurrency, Map<String, BigDecimal> costPerUnit,
                               long version, String reason, String actor, Instant at) implements ReferenceDataChanged {

    public static final String SCHEMA = "com.relationship.referencedata.ActivityRatesSet.v1";
    public static final String KEY_PREFIX = "activity-rates:";

    /** The activities a card is expected to price; an admin may add others. */
    public static final List<String> DEFAULT_ACTIVITIES = List.of("SALES_VISIT", "CALL", "SUPPORT_CASE",
            "CUSTOMIZATION", "EXPEDITED_DELIVERY", "TRAINING");

    /** Not on the card: a discount costs its own amount. */
    public static final String DISCOUNT = "DISCOUNT";

    public ActivityRatesSet {
        costPerUnit = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(costPerUnit));
    }

    public static String keyOf(YearMonth appliesFrom) {
        return KEY_PREFIX + appliesFrom;
    }

    @Override
    public String key() {
        return keyOf(appliesFrom);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
