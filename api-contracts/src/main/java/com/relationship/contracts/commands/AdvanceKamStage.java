package com.relationship.contracts.commands;

import com.relationship.contracts.account.KamStage;

import java.util.UUID;

/** Moves the account one KAM stage forward; {@code targetStage} must be the next KAM stage. */
public record AdvanceKamStage(UUID accountId, KamStage targetStage) implements AccountCommand {
}
