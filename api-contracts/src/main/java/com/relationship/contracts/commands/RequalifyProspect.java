package com.relationship.contracts.commands;

import java.util.UUID;

/** Brings a DISQUALIFIED prospect back to PROSPECT: it is worth pursuing again after all. */
public record RequalifyProspect(UUID accountId, String reason) implements AccountCommand {
}
