package com.relationship.contracts.events;

/**
 * How an account event travels on {@link com.relationship.contracts.Topics#ACCOUNT_EVENTS}: a
 * CloudEvents 1.0 JSON message (structured mode) whose {@code id} is the stored event's id,
 * {@code type} comes from {@link AccountEventTypes}, {@code subject} is the account id,
 * {@code time} is when the event was recorded, {@code data} is the event record as JSON, and these
 * extensions carry what auditors and consumers need.
 */
public final class AccountEventEnvelope {

    public static final String SOURCE = "/relationship-service/accounts";
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** The event's sequence number within its account: 0 for AccountRegistered, then +1 each. */
    public static final String SEQUENCE = "sequence";
    /** Who asked for the command that caused the event. */
    public static final String ACTOR = "actor";
    /** The id shared by everything one request set off. */
    public static final String CORRELATION_ID = "correlationid";
    /** The id of the command message that caused the event. */
    public static final String CAUSATION_ID = "causationid";
    /**
     * The client (application) the caller's token was issued to, where the token names one: with
     * {@link #ACTOR}, who and through which application. Absent when the token names no client.
     */
    public static final String CLIENT_ID = "clientid";
    /**
     * Why, in the caller's words: the reason or rationale the command was given (a lapse, a
     * downgrade, a classification, ...). Absent when the command takes none.
     */
    public static final String REASON = "reason";
    /**
     * When the event happened in the business (RFC 3339), where the command said so or the fact
     * carries it: a history recorded late is dated as it happened. {@code time} stays when it was
     * recorded. Absent on messages published before it travelled: read {@code time} then.
     */
    public static final String BUSINESS_TIME = "businesstime";
    /**
     * The W3C Trace Context of the request that caused the event (the CloudEvents distributed tracing
     * extension): {@code 00-<trace id>-<parent span id>-<flags>}. A consumer continues the trace from it;
     * absent when the command came without one and tracing was off.
     */
    public static final String TRACEPARENT = "traceparent";

    private AccountEventEnvelope() {
    }
}
