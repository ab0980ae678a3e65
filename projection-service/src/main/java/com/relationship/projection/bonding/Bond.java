package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;
import java.util.UUID;

/**
 * One bond as the read side knows it.
 *
 * @param eventId    the id of the BondEstablished event, so a reader can point at its cause
 * @param validUntil when it ends by itself; null when open-ended
 */
public record Bond(UUID bondId, BondKind kind, String description, Instant since, Instant validUntil,
                   String eventId) {

    /** In force at {@code now}: started, and not past its validUntil (a discount runs out without a command). */
    public boolean activeAt(Instant now) {
        return !since.isAfter(now) && (validUntil == null || now.isBefore(validUntil));
    }
}
