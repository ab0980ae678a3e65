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
 * <p>{@code contactId}, optional, names the contact of the account's buying committee it was with
 * ({@link ContactAdded}); {@code contact} is free text, null where the contactId says who. Both were
 * added after the first form: an earlier event has neither a ref nor a contactId, and a contact always.
 * {@code contact} and {@code summary} are personal data (decision 0015).
 */
public record InteractionRecorded(UUID accountId, UUID interactionId, InteractionChannel channel,
                                  InteractionDirection direction, String contact, String summary,
                                  Instant occurredAt, String ref, UUID contactId) implements AccountEvent {

    /** Naming no contact of the committee. */
    public InteractionRecorded(UUID accountId, UUID interactionId, InteractionChannel channel,
                               InteractionDirection direction, String contact, String summary,
                               Instant occurredAt, String ref) {
        this(accountId, interactionId, channel, direction, contact, summary, occurredAt, ref, null);
    }

    /** Without {@code ref}. */
    public InteractionRecorded(UUID accountId, UUID interactionId, InteractionChannel channel,
                               InteractionDirection direction, String contact, String summary,
                               Instant occurredAt) {
        this(accountId, interactionId, channel, direction, contact, summary, occurredAt, null, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
