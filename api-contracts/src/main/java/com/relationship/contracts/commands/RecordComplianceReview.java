package com.relationship.contracts.commands;

import com.relationship.contracts.account.ComplianceOutcome;

import java.util.UUID;

/**
 * Records an antitrust / dependency review; an APPROVED one must precede PARTNER.
 * <p>{@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the
 * same ref is recorded once (sent again with the same content it answers the first answer; with other content it
 * is refused).
 */
public record RecordComplianceReview(UUID accountId, UUID reviewId, ComplianceOutcome outcome, String reviewer,
                                     String notes, String ref) implements AccountCommand {

    /** Without {@code ref}. */
    public RecordComplianceReview(UUID accountId, UUID reviewId, ComplianceOutcome outcome, String reviewer,
                                  String notes) {
        this(accountId, reviewId, outcome, reviewer, notes, null);
    }
}
