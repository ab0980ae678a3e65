package com.relationship.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record PurchaseRecorded(UUID accountId, UUID purchaseId, BigDecimal amount, String currency,
                               Instant occurredAt, String description) implements AccountEvent {
}
