package com.relationship.contracts.events;

import java.util.UUID;

public record ReferralRecorded(UUID accountId, UUID referralId, String description, String referredCompany)
        implements AccountEvent {
}
