package com.relationship.contracts.commands;

import java.util.UUID;

/**
 * Every command addresses one account. The write side routes a command to the account by
 * {@link #accountId()}, so this contract needs no framework annotation.
 */
public interface AccountCommand {
    UUID accountId();
}
