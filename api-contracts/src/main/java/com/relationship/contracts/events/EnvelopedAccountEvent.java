package com.relationship.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An account event together with what the envelope says about it.
 *
 * @param eventId       the stored event's id (the CloudEvent id): the same on every redelivery
 * @param sequence      0 for the account's first event, then +1 per event
 * @param occurredAt    when the event happened (the CloudEvent time)
 * @param actor         who asked for it
 * @param correlationId shared by everything one request set off
 * @param causationId   the id of the command that caused it
 */
public record EnvelopedAccountEvent(String eventId, UUID accountId, long sequence, Instant occurredAt,
                                    String actor, String correlationId, String causationId, AccountEvent event) {

    public String type() {
        return AccountEventTypes.typeOf(event.getClass());
    }
}
