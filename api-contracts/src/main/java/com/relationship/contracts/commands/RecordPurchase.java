package com.relationship.contracts.commands;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a purchase the account made; the evidence for CUSTOMER and CLIENT.
 * <p>{@code orderRef}, optional, is the seller's own order or invoice number: within an account the same orderRef
 * is recorded once (sent again with the same content it answers the first answer; with other content it is
 * refused).
 */
public record RecordPurchase(UUID accountId, UUID purchaseId, BigDecimal amount, String currency,
                             Instant occurredAt, String description, String orderRef) implements AccountCommand {

    /** Without {@code orderRef}. */
    public RecordPurchase(UUID accountId, UUID purchaseId, BigDecimal amount, String currency, Instant occurredAt,
                          String description) {
        this(accountId, purchaseId, amount, currency, occurredAt, description, null);
    }
}
