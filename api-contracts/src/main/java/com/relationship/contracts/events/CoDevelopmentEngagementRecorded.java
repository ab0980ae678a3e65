package com.relationship.contracts.events;

import java.util.UUID;

public record CoDevelopmentEngagementRecorded(UUID accountId, UUID engagementId, String description)
        implements AccountEvent {
}
