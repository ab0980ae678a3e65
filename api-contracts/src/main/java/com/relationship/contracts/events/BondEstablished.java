package com.relationship.contracts.events;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;
import java.util.UUID;

/** A bond in force from {@code occurredAt}; {@code validUntil} (optional) is when it ends by itself. */
public record BondEstablished(UUID accountId, UUID bondId, BondKind kind, String description, Instant occurredAt,
                              Instant validUntil) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
