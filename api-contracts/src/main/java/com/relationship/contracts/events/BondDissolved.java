package com.relationship.contracts.events;

import com.relationship.contracts.account.BondKind;

import java.util.UUID;

/**
 * A bond ended before its time, with the reason; the kind is repeated so readers need not look it up.
 * {@code departedContactId}, added after the first form, is set when the cause is that contact's
 * departure ({@link ContactLeft}, in the same step): null for a bond dissolved by its own command.
 */
public record BondDissolved(UUID accountId, UUID bondId, BondKind kind, String reason, UUID departedContactId)
        implements AccountEvent {

    /** Dissolved by its own command. */
    public BondDissolved(UUID accountId, UUID bondId, BondKind kind, String reason) {
        this(accountId, bondId, kind, reason, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
