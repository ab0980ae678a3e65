package com.relationship.contracts.commands;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a contact with the account: who, on which channel, which way, and what it was about.
 * <p>{@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the
 * same ref is recorded once (sent again with the same content it answers the first answer; with other content it
 * is refused).
 * <p>{@code contactId}, optional, names a contact of the account's buying committee; then the free-text
 * {@code contact} may be null.
 */
public record RecordInteraction(UUID accountId, UUID interactionId, InteractionChannel channel,
                                InteractionDirection direction, String contact, String summary, Instant occurredAt,
                                String ref, UUID contactId) implements AccountCommand {

    /** Naming no contact of the committee. */
    public RecordInteraction(UUID accountId, UUID interactionId, InteractionChannel channel,
                             InteractionDirection direction, String contact, String summary, Instant occurredAt,
                             String ref) {
        this(accountId, interactionId, channel, direction, contact, summary, occurredAt, ref, null);
    }

    /** Without {@code ref}. */
    public RecordInteraction(UUID accountId, UUID interactionId, InteractionChannel channel,
                             InteractionDirection direction, String contact, String summary, Instant occurredAt) {
        this(accountId, interactionId, channel, direction, contact, summary, occurredAt, null, null);
    }
}
