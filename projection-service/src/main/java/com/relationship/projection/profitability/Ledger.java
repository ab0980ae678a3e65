package com.relationship.projection.profitability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * One line of an account's profitability ledger: what one event says the account earned or cost, as the
 * event says it (in its own currency, or in units of an activity), priced only when figures are asked for,
 * with the reference data of that moment.
 */
record Ledger(String eventId, Instant at, Kind kind, String activity, BigDecimal amount, String currency,
              BigDecimal quantity, BigDecimal grossMargin) {

    enum Kind {
        /** A purchase: {@code amount} in {@code currency}, with its {@code grossMargin} where it said one. */
        REVENUE,
        /** Units of an activity the rate card prices: {@code quantity} of {@code activity}. */
        ACTIVITY,
        /** A cost already known: {@code amount} in {@code currency}, for {@code activity}. */
        COST
    }

    static Ledger revenue(String eventId, Instant at, BigDecimal amount, String currency, BigDecimal grossMargin) {
        return new Ledger(eventId, at, Kind.REVENUE, null, amount, currency, null, grossMargin);
    }

    static Ledger activity(String eventId, Instant at, String activity, BigDecimal quantity) {
        return new Ledger(eventId, at, Kind.ACTIVITY, activity, null, null, quantity, null);
    }

    static Ledger cost(String eventId, Instant at, String activity, BigDecimal amount, String currency) {
        return new Ledger(eventId, at, Kind.COST, activity, amount, currency, null, null);
    }

    /** The calendar month (UTC) it falls in: the month whose rates convert it and whose card prices it. */
    YearMonth month() {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC));
    }
}
