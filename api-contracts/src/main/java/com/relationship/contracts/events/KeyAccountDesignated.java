package com.relationship.contracts.events;

import java.util.UUID;

/** The account enters the KAM track at PRE_KAM. */
public record KeyAccountDesignated(UUID accountId, String rationale) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
