package com.relationship.contracts.commands;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a bond with the account, in force from {@code occurredAt}; one with {@code validUntil}
 * (a discount, a fixed-term programme) ends by itself when that time passes.
 */
public record EstablishBond(UUID accountId, UUID bondId, BondKind kind, String description, Instant occurredAt,
                            Instant validUntil) implements AccountCommand {
}
