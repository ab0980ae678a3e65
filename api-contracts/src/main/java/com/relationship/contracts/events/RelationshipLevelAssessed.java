package com.relationship.contracts.events;

import java.util.UUID;

/**
 * The level of the relationship as the customer sees it (seed 003, issue 30), 1 to 6: utility, convenience,
 * comfort, personal recognition, self-expression, co-creation; independent of the revenue. Replaces the level
 * before.
 */
public record RelationshipLevelAssessed(UUID accountId, int level, String rationale) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
