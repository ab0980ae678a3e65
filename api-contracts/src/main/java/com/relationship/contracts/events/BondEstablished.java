package com.relationship.contracts.events;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;
import java.util.UUID;

/**
 * A bond in force from {@code occurredAt}; {@code validUntil} (optional) is when it ends by itself.
 * {@code contactId}, optional and only on a SOCIAL bond, is the contact of the account's buying committee
 * the bond is with: it dissolves when they leave ({@link ContactLeft}). Added after the first form.
 */
public record BondEstablished(UUID accountId, UUID bondId, BondKind kind, String description, Instant occurredAt,
                              Instant validUntil, UUID contactId) implements AccountEvent {

    /** With nobody in particular. */
    public BondEstablished(UUID accountId, UUID bondId, BondKind kind, String description, Instant occurredAt,
                           Instant validUntil) {
        this(accountId, bondId, kind, description, occurredAt, validUntil, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
