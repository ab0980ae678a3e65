package com.relationship.contracts.events;

import com.relationship.contracts.account.Classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The account exists, as a PROSPECT.
 *
 * @param relationshipSince when the relationship began, where the registration said so (a history
 *                          recorded late is registered as of its start); null when it did not, and
 *                          then it began when it was recorded
 */
public record AccountRegistered(UUID accountId, String name, String industry, int employeeCount,
                                BigDecimal annualRevenue, String region, Classification classification,
                                Instant relationshipSince) implements AccountEvent {

    /** Without {@code relationshipSince}: the relationship began when the registration was recorded. */
    public AccountRegistered(UUID accountId, String name, String industry, int employeeCount,
                             BigDecimal annualRevenue, String region, Classification classification) {
        this(accountId, name, industry, employeeCount, annualRevenue, region, classification, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
