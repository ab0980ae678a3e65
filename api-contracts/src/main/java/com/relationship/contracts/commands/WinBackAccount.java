package com.relationship.contracts.commands;

import java.util.UUID;

/** Returns a LAPSED account to CUSTOMER. */
public record WinBackAccount(UUID accountId, String reason) implements AccountCommand {
}
