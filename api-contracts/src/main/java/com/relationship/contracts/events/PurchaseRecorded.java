package com.relationship.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code orderRef}, optional, is the seller's own order or invoice number: within an account the same orderRef is
 * recorded once (sent again with the same content it answers the first answer; with other content it is refused).
 */
public record PurchaseRecorded(UUID accountId, UUID purchaseId, BigDecimal amount, String currency,
                               Instant occurredAt, String description, String orderRef) implements AccountEvent {

    /** Without {@code orderRef}. */
    public PurchaseRecorded(UUID accountId, UUID purchaseId, BigDecimal amount, String currency,
                            Instant occurredAt, String description) {
        this(accountId, purchaseId, amount, currency, occurredAt, description, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
