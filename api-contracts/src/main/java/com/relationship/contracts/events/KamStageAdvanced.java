package com.relationship.contracts.events;

import com.relationship.contracts.account.KamStage;

import java.util.UUID;

public record KamStageAdvanced(UUID accountId, KamStage from, KamStage to) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
