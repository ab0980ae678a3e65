package com.relationship.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An account event together with what the envelope says about it.
 *
 * @param eventId       the stored event's id (the CloudEvent id): the same on every redelivery
 * @param sequence      0 for the account's first event, then +1 per event
 * @param occurredAt    when the event was recorded (the CloudEvent time)
 * @param actor         who asked for it
 * @param correlationId shared by everything one request set off
 * @param causationId   the id of the command that caused it
 * @param clientId      the client (application) the caller's token was issued to; null when it names none
 * @param reason        why, as the command's caller put it; null when the command takes no reason
 * @param businessTime  when it happened in the business, as the command said (a history recorded late
 *                      is dated as it happened): what stage periods, time in stage and scores go by.
 *                      A message published before it travelled says none: it reads as {@code occurredAt}
 * @param traceparent   the W3C trace context of the request that caused it; null when there was none
 */
public record EnvelopedAccountEvent(String eventId, UUID accountId, long sequence, Instant occurredAt,
                                    String actor, String correlationId, String causationId, String clientId,
                                    String reason, AccountEvent event, Instant businessTime, String traceparent) {

    /** Without a trace context: what every message published before it travelled says. */
    public EnvelopedAccountEvent(String eventId, UUID accountId, long sequence, Instant occurredAt,
                                 String actor, String correlationId, String causationId, String clientId,
                                 String reason, AccountEvent event, Instant businessTime) {
        this(eventId, accountId, sequence, occurredAt, actor, correlationId, causationId, clientId, reason, event,
                businessTime, null);
    }

    public EnvelopedAccountEvent {
        if (businessTime == null) {
            businessTime = occurredAt;
        }
    }

    /** An event whose business time is when it was recorded: what every message published before it travelled says. */
    public EnvelopedAccountEvent(String eventId, UUID accountId, long sequence, Instant occurredAt,
                                 String actor, String correlationId, String causationId, String clientId,
                                 String reason, AccountEvent event) {
        this(eventId, accountId, sequence, occurredAt, actor, correlationId, causationId, clientId, reason, event,
                null);
    }

    /** An event without a client id or reason: what every message published before they travelled says. */
    public EnvelopedAccountEvent(String eventId, UUID accountId, long sequence, Instant occurredAt,
                                 String actor, String correlationId, String causationId, AccountEvent event) {
        this(eventId, accountId, sequence, occurredAt, actor, correlationId, causationId, null, null, event);
    }

    public String type() {
        return AccountEventTypes.typeOf(event.getClass());
    }
}
