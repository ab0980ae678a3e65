package com.relationship.contracts.commands;

import com.relationship.contracts.account.Classification;

import java.math.BigDecimal;
import java.util.UUID;

/** Registers a new account as a PROSPECT. */
public record RegisterAccount(UUID accountId, String name, String industry, int employeeCount,
                              BigDecimal annualRevenue, String region, Classification classification)
        implements AccountCommand {
}
