package com.relationship.contracts.account;

/** The result of an antitrust / dependency review, required before the move to PARTNER. */
public enum ComplianceOutcome {
    APPROVED,
    REJECTED
}
