package com.relationship.contracts.commands;

import java.time.Instant;
import java.util.UUID;

/** Opens a complaint that must be resolved by {@code dueBy}; an open one blocks SUPPORTER. */
public record OpenComplaint(UUID accountId, UUID complaintId, String summary, Instant dueBy)
        implements AccountCommand {
}
