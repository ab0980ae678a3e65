package com.relationship.contracts.commands;

import com.relationship.contracts.account.ComplianceOutcome;

import java.util.UUID;

/** Records an antitrust / dependency review; an APPROVED one must precede PARTNER. */
public record RecordComplianceReview(UUID accountId, UUID reviewId, ComplianceOutcome outcome, String reviewer,
                                     String notes) implements AccountCommand {
}
