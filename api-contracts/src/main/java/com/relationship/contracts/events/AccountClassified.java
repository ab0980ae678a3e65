package com.relationship.contracts.events;

import com.relationship.contracts.account.Classification;

import java.util.UUID;

public record AccountClassified(UUID accountId, Classification classification, String rationale)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
