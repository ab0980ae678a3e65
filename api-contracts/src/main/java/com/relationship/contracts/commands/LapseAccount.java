package com.relationship.contracts.commands;

import java.util.UUID;

/** The account switched to a competitor or stopped buying. */
public record LapseAccount(UUID accountId, String reason) implements AccountCommand {
}
