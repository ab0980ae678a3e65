package com.relationship.contracts.events;

import com.relationship.contracts.account.Classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The account exists, as a PROSPECT.
 *
 * @param relationshipSince     when the relationship began, where the registration said so (a history
 *                              recorded late is registered as of its start); null when it did not, and
 *                              then it began when it was recorded
 * @param annualRevenueCurrency the ISO 4217 code {@code annualRevenue} is in; null when there is no annual
 *                              revenue. Added later: a registration recorded before it has none, and its annual
 *                              revenue is in the reporting currency (every reader reads null so)
 */
public record AccountRegistered(UUID accountId, String name, String industry, int employeeCount,
                                BigDecimal annualRevenue, String region, Classification classification,
                                Instant relationshipSince, String annualRevenueCurrency) implements AccountEvent {

    /** Without {@code relationshipSince}: the relationship began when the registration was recorded. */
    public AccountRegistered(UUID accountId, String name, String industry, int employeeCount,
                             BigDecimal annualRevenue, String region, Classification classification) {
        this(accountId, name, industry, employeeCount, annualRevenue, region, classification, null);
    }

    /** Without {@code annualRevenueCurrency}: the form before it, an annual revenue in the reporting currency. */
    public AccountRegistered(UUID accountId, String name, String industry, int employeeCount,
                             BigDecimal annualRevenue, String region, Classification classification,
                             Instant relationshipSince) {
        this(accountId, name, industry, employeeCount, annualRevenue, region, classification, relationshipSince,
                null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
