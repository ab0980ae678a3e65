package com.relationship.contracts.events;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact with the account; {@code occurredAt} is when it happened, the event's time when it was recorded.
 * <p>{@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the
 * same ref is recorded once (sent again with the same content it answers the first answer; with other content it
 * is refused).
 */
public record InteractionRecorded(UUID accountId, UUID interactionId, InteractionChannel channel,
                                  InteractionDirection direction, String contact, String summary,
                                  Instant occurredAt, String ref) implements AccountEvent {

    /** Without {@code ref}. */
    public InteractionRecorded(UUID accountId, UUID interactionId, InteractionChannel channel,
                               InteractionDirection direction, String contact, String summary,
                               Instant occurredAt) {
        this(accountId, interactionId, channel, direction, contact, summary, occurredAt, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
