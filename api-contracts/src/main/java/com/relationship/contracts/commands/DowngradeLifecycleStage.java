package com.relationship.contracts.commands;

import com.relationship.contracts.account.LifecycleStage;

import java.util.UUID;

/** A deliberate move down the ladder (for example ADVOCATE to CLIENT after a broken commitment). */
public record DowngradeLifecycleStage(UUID accountId, LifecycleStage targetStage, String reason)
        implements AccountCommand {
}
