package com.relationship.contracts.referencedata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exchange rates of one month: what one unit of each currency is worth in the reporting currency.
 * An amount in a currency the month has no rate for is reported as missing by whoever converts it,
 * never converted at 1.
 *
 * @param month             the calendar month the rates apply to (UTC), as {@code yyyy-MM}
 * @param reportingCurrency the ISO 4217 code every rate converts into
 * @param rates             per ISO 4217 code, units of the reporting currency one unit of it buys (above 0)
 */
public record ExchangeRatesSet(YearMonth month, String reportingCurrency, Map<String, BigDecimal> rates, long version,
                               String reason, String actor, Instant at) implements ReferenceDataChanged {

    public static final String SCHEMA = "com.relationship.referencedata.ExchangeRatesSet.v1";
    public static final String KEY_PREFIX = "exchange-rates:";

    public ExchangeRatesSet {
        rates = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rates));
    }

    public static String keyOf(YearMonth month) {
        return KEY_PREFIX + month;
    }

    @Override
    public String key() {
        return keyOf(month);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
