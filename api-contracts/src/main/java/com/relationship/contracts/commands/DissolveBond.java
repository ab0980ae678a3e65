package com.relationship.contracts.commands;

import java.util.UUID;

/** Ends a bond before its time (a key contact left, a shared process was dropped). */
public record DissolveBond(UUID accountId, UUID bondId, String reason) implements AccountCommand {
}
