package com.relationship.contracts.commands;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Records a purchase the account made; the evidence for CUSTOMER and CLIENT. */
public record RecordPurchase(UUID accountId, UUID purchaseId, BigDecimal amount, String currency,
                             Instant occurredAt, String description) implements AccountCommand {
}
