package com.relationship.contracts.commands;

import com.relationship.contracts.account.BuyClass;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a purchase the account made; the evidence for CUSTOMER and CLIENT.
 * <p>{@code orderRef}, optional, is the seller's own order or invoice number: within an account the same orderRef
 * is recorded once (sent again with the same content it answers the first answer; with other content it is
 * refused). {@code grossMargin} or {@code costOfGoods}, {@code productLine} and {@code buyClass}, optional, say what
 * it earned and what it was ({@link com.relationship.contracts.events.PurchaseRecorded}).
 */
public record RecordPurchase(UUID accountId, UUID purchaseId, BigDecimal amount, String currency,
                             Instant occurredAt, String description, String orderRef, BigDecimal grossMargin,
                             BigDecimal costOfGoods, String productLine, BuyClass buyClass) implements AccountCommand {

    /** Without what it earned, its product line and buy class. */
    public RecordPurchase(UUID accountId, UUID purchaseId, BigDecimal amount, String currency, Instant occurredAt,
                          String description, String orderRef) {
        this(accountId, purchaseId, amount, currency, occurredAt, description, orderRef, null, null, null, null);
    }

    /** Without {@code orderRef}. */
    public RecordPurchase(UUID accountId, UUID purchaseId, BigDecimal amount, String currency, Instant occurredAt,
                          String description) {
        this(accountId, purchaseId, amount, currency, occurredAt, description, null);
    }
}
