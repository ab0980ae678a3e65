package com.relationship.contracts.events;

import com.relationship.contracts.account.Classification;

import java.math.BigDecimal;
import java.util.UUID;

/** The account exists, as a PROSPECT. */
public record AccountRegistered(UUID accountId, String name, String industry, int employeeCount,
                                BigDecimal annualRevenue, String region, Classification classification)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
