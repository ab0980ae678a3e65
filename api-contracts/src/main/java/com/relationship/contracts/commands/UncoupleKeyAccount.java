package com.relationship.contracts.commands;

import java.util.UUID;

/** Ends the key-account partnership to avoid a cartel or too much dependency. */
public record UncoupleKeyAccount(UUID accountId, String reason) implements AccountCommand {
}
