package com.relationship.contracts.commands;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;

import java.util.List;
import java.util.UUID;

/** Decides what to do about the account's profitability: KEEP, CONVERT (with its levers) or FIRE. */
public record DecideProfitability(UUID accountId, ProfitabilityDecision decision, List<ConversionLever> levers,
                                  String rationale) implements AccountCommand {
}
