package com.relationship.contracts.commands;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Records an estimate of what the account spends in a category in a period, with us and everyone else: its
 * wallet. Share of wallet is our revenue in the period over it.
 *
 * @param estimateId minted by the service
 * @param period     a year ({@code 2026}), a quarter ({@code 2026-Q3}) or a month ({@code 2026-07})
 * @param source     where the estimate comes from (the buyer said so, an analyst, a survey ...)
 */
public record EstimateWallet(UUID accountId, UUID estimateId, String category, BigDecimal amount, String currency,
                             String period, String source) implements AccountCommand {

    /** What {@code period} may be: a year, a quarter or a month, the periods our revenue is summed over. */
    public static final String PERIOD = "^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$";
}
