package com.relationship.service.web;

import java.time.Instant;

/**
 * Every bound a command's fields are checked against, in one place (422 {@code /problems/invalid-field}
 * beyond, and {@code maxLength}, {@code maximum} or {@code pattern} in the OpenAPI document where it
 * can say so). Together with the body limit of {@link ApiProperties#maxRequestBody()} they keep every
 * event far below what Kafka accepts, so an accepted command can always be published.
 */
public final class FieldLimits {

    /** Names, industries, regions, reviewers, company names: one line, no control characters. */
    public static final int NAME = 200;
    /** Reasons and rationales auditors read in the history (line breaks and tabs allowed). */
    public static final int REASON = 1000;
    /** Descriptions, summaries, resolutions, notes (line breaks and tabs allowed). */
    public static final int TEXT = 4000;

    /**
     * The seller's own reference for a fact (an order or invoice number, a CRM id): 1 to 100 plain
     * characters on one line, with no space at either end, so the same reference always compares equal.
     */
    public static final int REF = 100;
    public static final String REF_PATTERN = "^\\S(.{0,98}\\S)?$";
    public static final String REF_DOC = "Optional. The seller's own reference for this fact (an order or invoice"
            + " number, a CRM id): 1 to 100 characters on one line, no space at either end. Within an account it is"
            + " recorded once: sent again with the same content, the answer is the first one's (its version, nothing"
            + " stored, Idempotent-Replayed: true); with other content, 409 /problems/ref-already-recorded.";

    /** An ISO 4217 code: three capital letters that {@link java.util.Currency} knows. */
    public static final String CURRENCY_PATTERN = "^[A-Z]{3}$";

    /**
     * Money (purchase amounts, annual revenue) has at most 15 digits before the point: a quadrillion
     * is beyond any purchase or revenue even in the currencies with the smallest unit, and keeps the
     * amounts exact in every consumer's decimal type. A purchase has at most its currency's minor
     * digits after the point ({@link java.util.Currency#getDefaultFractionDigits()}); revenue, which
     * names no currency, at most {@value #MONEY_FRACTION} (the most any ISO 4217 currency has).
     */
    public static final int MONEY_INTEGER = 15;
    public static final int MONEY_FRACTION = 4;

    /** The largest employer in the world has about 2.3 million people; ten million is a typo. */
    public static final int MAX_EMPLOYEES = 10_000_000;

    /**
     * The earliest and latest instant a command may name (purchases, agreements, complaint due
     * dates). Nothing this service records happened before 1900, and no deadline or contract is set
     * beyond 2100: outside them a date is a mistake, such as a default of 0001-01-01, a 9999-12-31
     * "forever", or seconds sent as milliseconds. Fixed dates rather than "now ± n years", so a
     * request gets the same answer whenever it is sent or retried.
     */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** What the OpenAPI document says of these bounds (annotation values must be constants). */
    public static final String INSTANT_DOC = "An ISO 8601 instant with a zone or offset, from 1900-01-01T00:00:00Z to"
            + " before 2100-01-01T00:00:00Z";
    public static final String OCCURRED_AT_DOC = "Optional: when it happened in the business, for a history"
            + " recorded late (now when absent). Not in the future (beyond a few minutes of clock skew), not before the"
            + " relationship began where the registration said when, and for a move not before the account's latest"
            + " move. On a registration: when the relationship began. " + INSTANT_DOC;
    public static final String AMOUNT_DOC = "Greater than 0; at most 15 digits before the point and the currency's"
            + " minor digits after it (2 for EUR, 0 for JPY, 3 for BHD); a JSON number, or a string holding one";
    public static final String REVENUE_DOC = "0 or more; at most 15 digits before the point and 4 after it";

    private FieldLimits() {
    }
}
