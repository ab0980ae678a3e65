package com.relationship.contracts.events;

import java.util.UUID;

/** A LAPSED account is a CUSTOMER again; evidence for the stages above starts afresh. */
public record AccountWonBack(UUID accountId, String reason) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
