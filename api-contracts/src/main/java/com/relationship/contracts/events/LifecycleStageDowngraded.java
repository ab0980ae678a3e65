package com.relationship.contracts.events;

import com.relationship.contracts.account.LifecycleStage;

import java.util.UUID;

/** A deliberate move down, with its reason; history is never edited. */
public record LifecycleStageDowngraded(UUID accountId, LifecycleStage from, LifecycleStage to, String reason)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
