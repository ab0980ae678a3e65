package com.relationship.contracts.commands;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a bond with the account, in force from {@code occurredAt}; one with {@code validUntil}
 * (a discount, a fixed-term programme) ends by itself when that time passes. {@code contactId}, optional,
 * names the contact a SOCIAL bond is with.
 */
public record EstablishBond(UUID accountId, UUID bondId, BondKind kind, String description, Instant occurredAt,
                            Instant validUntil, UUID contactId) implements AccountCommand {

    /** With nobody in particular. */
    public EstablishBond(UUID accountId, UUID bondId, BondKind kind, String description, Instant occurredAt,
                         Instant validUntil) {
        this(accountId, bondId, kind, description, occurredAt, validUntil, null);
    }
}
