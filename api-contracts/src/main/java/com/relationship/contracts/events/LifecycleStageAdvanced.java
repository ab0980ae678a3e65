package com.relationship.contracts.events;

import com.relationship.contracts.account.LifecycleStage;

import java.util.UUID;

/** One rung up the ladder, with the evidence there. */
public record LifecycleStageAdvanced(UUID accountId, LifecycleStage from, LifecycleStage to)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
