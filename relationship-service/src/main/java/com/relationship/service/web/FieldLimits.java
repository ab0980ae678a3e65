package com.relationship.service.web;

/**
 * The longest text each kind of request field may hold (422 invalid-field beyond, and
 * {@code maxLength} in the OpenAPI document). Together with the body limit of
 * {@link ApiProperties#maxRequestBody()} they keep every event far below what Kafka accepts, so an
 * accepted command can always be published.
 */
public final class FieldLimits {

    /** Names, industries, regions, reviewers, company names. */
    public static final int NAME = 200;
    /** Currency codes (the aggregate checks ISO 4217; this only bounds the size). */
    public static final int CODE = 16;
    /** Reasons and rationales auditors read in the history. */
    public static final int REASON = 1000;
    /** Descriptions, summaries, resolutions, notes. */
    public static final int TEXT = 2000;

    private FieldLimits() {
    }
}
