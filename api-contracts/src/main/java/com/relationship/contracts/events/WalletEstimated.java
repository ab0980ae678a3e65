package com.relationship.contracts.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the account spends in {@code category} in {@code period}, with us and everyone else, as estimated
 * (issue 30): share of wallet is our revenue in the period over {@code amount}.
 *
 * @param period a year ({@code 2026}), a quarter ({@code 2026-Q3}) or a month ({@code 2026-07})
 * @param source where the estimate comes from
 */
public record WalletEstimated(UUID accountId, UUID estimateId, String category, BigDecimal amount, String currency,
                              String period, String source) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
