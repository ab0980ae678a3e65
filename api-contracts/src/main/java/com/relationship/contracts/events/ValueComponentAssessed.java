package com.relationship.contracts.events;

import com.relationship.contracts.account.ValueComponent;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The account manager's judgement of one component of the account's value (issue 30): a {@code score} from 0 to
 * 100, or an {@code amount} in {@code currency}; the other is null. It replaces the judgement of the same
 * component before.
 */
public record ValueComponentAssessed(UUID accountId, ValueComponent component, Integer score, BigDecimal amount,
                                     String currency, String rationale) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
