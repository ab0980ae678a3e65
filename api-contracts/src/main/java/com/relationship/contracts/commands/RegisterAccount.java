package com.relationship.contracts.commands;

import com.relationship.contracts.account.Classification;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Registers a new account as a PROSPECT.
 *
 * @param annualRevenueCurrency the ISO 4217 code {@code annualRevenue} is in; null: the reporting currency
 *                              ({@code relationship.reference-data.reporting-currency}). Only with an
 *                              {@code annualRevenue}
 */
public record RegisterAccount(UUID accountId, String name, String industry, int employeeCount,
                              BigDecimal annualRevenue, String region, Classification classification,
                              String annualRevenueCurrency)
        implements AccountCommand {

    /** Without {@code annualRevenueCurrency}: an annual revenue is in the reporting currency. */
    public RegisterAccount(UUID accountId, String name, String industry, int employeeCount,
                           BigDecimal annualRevenue, String region, Classification classification) {
        this(accountId, name, industry, employeeCount, annualRevenue, region, classification, null);
    }
}
