package com.relationship.contracts.events;

import com.relationship.contracts.account.BondKind;

import java.util.UUID;

/** A bond ended before its time, with the reason; the kind is repeated so readers need not look it up. */
public record BondDissolved(UUID accountId, UUID bondId, BondKind kind, String reason) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
