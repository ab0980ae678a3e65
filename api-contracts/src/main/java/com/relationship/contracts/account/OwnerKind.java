package com.relationship.contracts.account;

/**
 * Which of the seller's people owns an account (seed 002, Dell): a hunter wins it, a developer
 * grows and keeps it.
 */
public enum OwnerKind {
    /** Acquisition: wins the account. */
    HUNTER,
    /** Development and retention: grows the account once won. */
    DEVELOPER
}
