package com.relationship.contracts.commands;

import com.relationship.contracts.account.ValueComponent;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Records the account manager's judgement of one component of the account's value: a {@code score} from 0 to
 * 100, or an {@code amount} in {@code currency} (one of them), with its {@code rationale}.
 */
public record AssessValueComponent(UUID accountId, ValueComponent component, Integer score, BigDecimal amount,
                                   String currency, String rationale) implements AccountCommand {
}
