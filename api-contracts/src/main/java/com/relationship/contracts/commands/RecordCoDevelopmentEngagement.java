package com.relationship.contracts.commands;

import java.util.UUID;

/**
 * Records a co-development or feedback engagement; evidence for ADVOCATE.
 * <p>{@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the
 * same ref is recorded once (sent again with the same content it answers the first answer; with other content it
 * is refused).
 */
public record RecordCoDevelopmentEngagement(UUID accountId, UUID engagementId, String description,
                                            String ref) implements AccountCommand {

    /** Without {@code ref}. */
    public RecordCoDevelopmentEngagement(UUID accountId, UUID engagementId, String description) {
        this(accountId, engagementId, description, null);
    }
}
