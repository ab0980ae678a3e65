package com.relationship.contracts.commands;

import java.util.UUID;

/** Resolves an open complaint. */
public record ResolveComplaint(UUID accountId, UUID complaintId, String resolution) implements AccountCommand {
}
