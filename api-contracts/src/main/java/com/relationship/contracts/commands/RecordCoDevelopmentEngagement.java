package com.relationship.contracts.commands;

import java.util.UUID;

/** Records a co-development or feedback engagement; evidence for ADVOCATE. */
public record RecordCoDevelopmentEngagement(UUID accountId, UUID engagementId, String description)
        implements AccountCommand {
}
