package com.relationship.contracts.commands;

import com.relationship.contracts.account.OwnerKind;

import java.util.UUID;

/**
 * Makes one of the seller's people the account's owner: {@code owner} is their subject as in the
 * tokens ({@code sub}), {@code kind} whether they hunt (win) or develop (grow) it.
 */
public record AssignAccountOwner(UUID accountId, String owner, OwnerKind kind, String reason)
        implements AccountCommand {
}
