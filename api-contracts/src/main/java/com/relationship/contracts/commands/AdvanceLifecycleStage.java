package com.relationship.contracts.commands;

import com.relationship.contracts.account.LifecycleStage;

import java.util.UUID;

/** Moves the account one stage up the ladder; {@code targetStage} must be the next stage. */
public record AdvanceLifecycleStage(UUID accountId, LifecycleStage targetStage) implements AccountCommand {
}
