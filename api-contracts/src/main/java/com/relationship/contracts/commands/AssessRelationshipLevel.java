package com.relationship.contracts.commands;

import java.util.UUID;

/**
 * Records the level of the relationship as the customer sees it (seed 003), 1 to 6: utility, convenience,
 * comfort, personal recognition, self-expression, co-creation; independent of the revenue.
 */
public record AssessRelationshipLevel(UUID accountId, int level, String rationale) implements AccountCommand {
}
