package com.relationship.contracts.events;

import com.relationship.contracts.account.ComplianceOutcome;

import java.util.UUID;

public record ComplianceReviewRecorded(UUID accountId, UUID reviewId, ComplianceOutcome outcome, String reviewer,
                                       String notes) implements AccountEvent {
}
