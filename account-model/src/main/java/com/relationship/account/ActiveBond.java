package com.relationship.account;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;
import java.util.UUID;

/**
 * A bond established and not dissolved. One past its {@code validUntil} is still here: the fold
 * keeps no clock, so whoever reads it at an instant decides whether it still holds then.
 * {@code contactId} is the contact a SOCIAL bond is with, null for a bond with nobody in particular.
 */
public record ActiveBond(BondKind kind, String description, Instant since, Instant validUntil, UUID contactId) {

    public ActiveBond(BondKind kind, String description, Instant since, Instant validUntil) {
        this(kind, description, since, validUntil, null);
    }

    public boolean holdsAt(Instant instant) {
        return !since.isAfter(instant) && (validUntil == null || instant.isBefore(validUntil));
    }
}
