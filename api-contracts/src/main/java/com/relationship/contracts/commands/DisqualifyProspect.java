package com.relationship.contracts.commands;

import java.util.UUID;

/** Closes a PROSPECT that will not buy. */
public record DisqualifyProspect(UUID accountId, String reason) implements AccountCommand {
}
