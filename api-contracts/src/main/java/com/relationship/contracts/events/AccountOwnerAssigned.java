package com.relationship.contracts.events;

import com.relationship.contracts.account.OwnerKind;

import java.util.UUID;

/**
 * The account's owner from now on: {@code owner} is the subject of one of the seller's people as in the
 * tokens ({@code sub}), {@code kind} whether they hunt or develop the account. Replaces the owner before.
 */
public record AccountOwnerAssigned(UUID accountId, String owner, OwnerKind kind, String reason)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
