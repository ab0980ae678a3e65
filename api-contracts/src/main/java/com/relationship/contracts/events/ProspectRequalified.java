package com.relationship.contracts.events;

import java.util.UUID;

/** A disqualified prospect is a PROSPECT again; what it recorded before its disqualification still counts. */
public record ProspectRequalified(UUID accountId, String reason) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
