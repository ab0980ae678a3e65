package com.relationship.contracts.events;

import com.relationship.contracts.account.ComplianceOutcome;

import java.util.UUID;

/**
 * {@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the same
 * ref is recorded once (sent again with the same content it answers the first answer; with other content it is
 * refused).
 */
public record ComplianceReviewRecorded(UUID accountId, UUID reviewId, ComplianceOutcome outcome, String reviewer,
                                       String notes, String ref) implements AccountEvent {

    /** Without {@code ref}. */
    public ComplianceReviewRecorded(UUID accountId, UUID reviewId, ComplianceOutcome outcome, String reviewer,
                                    String notes) {
        this(accountId, reviewId, outcome, reviewer, notes, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
