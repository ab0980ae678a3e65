package com.relationship.contracts.events;

import com.relationship.contracts.account.KamStage;

import java.util.UUID;

/** The account is at UNCOUPLING_KAM; {@code from} is the KAM stage it left. */
public record KeyAccountUncoupled(UUID accountId, KamStage from, String reason) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
