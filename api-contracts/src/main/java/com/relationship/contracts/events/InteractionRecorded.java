package com.relationship.contracts.events;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;

import java.time.Instant;
import java.util.UUID;

/** A contact with the account; {@code occurredAt} is when it happened, the event's time when it was recorded. */
public record InteractionRecorded(UUID accountId, UUID interactionId, InteractionChannel channel,
                                  InteractionDirection direction, String contact, String summary, Instant occurredAt)
        implements AccountEvent {
}
