package com.relationship.contracts.commands;

import java.time.Instant;
import java.util.UUID;

/** Records a signed partnership agreement; evidence for PARTNER (with a compliance review). */
public record RecordPartnershipAgreement(UUID accountId, UUID agreementId, String description, Instant signedAt)
        implements AccountCommand {
}
