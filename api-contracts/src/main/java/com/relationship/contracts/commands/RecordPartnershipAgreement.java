package com.relationship.contracts.commands;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a signed partnership agreement; evidence for PARTNER (with a compliance review).
 * <p>{@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the
 * same ref is recorded once (sent again with the same content it answers the first answer; with other content it
 * is refused).
 */
public record RecordPartnershipAgreement(UUID accountId, UUID agreementId, String description, Instant signedAt,
                                         String ref) implements AccountCommand {

    /** Without {@code ref}. */
    public RecordPartnershipAgreement(UUID accountId, UUID agreementId, String description, Instant signedAt) {
        this(accountId, agreementId, description, signedAt, null);
    }
}
