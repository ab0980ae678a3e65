package com.relationship.contracts.events;

import com.relationship.contracts.account.LifecycleStage;

import java.util.UUID;

/** The account is LAPSED; {@code lapsedFrom} is the stage it held. */
public record AccountLapsed(UUID accountId, LifecycleStage lapsedFrom, String reason) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
