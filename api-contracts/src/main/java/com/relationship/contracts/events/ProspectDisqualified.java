package com.relationship.contracts.events;

import java.util.UUID;

public record ProspectDisqualified(UUID accountId, String reason) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
