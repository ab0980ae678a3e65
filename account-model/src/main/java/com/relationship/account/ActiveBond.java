package com.relationship.account;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;

/**
 * A bond established and not dissolved. One past its {@code validUntil} is still here: the fold
 * keeps no clock, so whoever reads it at an instant decides whether it still holds then.
 */
public record ActiveBond(BondKind kind, String description, Instant since, Instant validUntil) {

    public boolean holdsAt(Instant instant) {
        return !since.isAfter(instant) && (validUntil == null || instant.isBefore(validUntil));
    }
}
