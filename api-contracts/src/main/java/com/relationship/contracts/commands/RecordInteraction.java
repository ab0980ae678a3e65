package com.relationship.contracts.commands;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;

import java.time.Instant;
import java.util.UUID;

/** Records a contact with the account: who, on which channel, which way, and what it was about. */
public record RecordInteraction(UUID accountId, UUID interactionId, InteractionChannel channel,
                                InteractionDirection direction, String contact, String summary, Instant occurredAt)
        implements AccountCommand {
}
