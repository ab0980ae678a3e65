package com.relationship.contracts.events;

import java.time.Instant;
import java.util.UUID;

public record PartnershipAgreementRecorded(UUID accountId, UUID agreementId, String description,
                                           Instant signedAt) implements AccountEvent {
}
