package com.relationship.contracts.commands;

import com.relationship.contracts.account.BuyClass;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Returns a LAPSED account to CUSTOMER. CUSTOMER needs a purchase: one recorded while the account was
 * LAPSED, or the purchase that wins it back, carried here and recorded in the same step.
 *
 * @param purchase the purchase that wins it back; null when it was recorded before
 */
public record WinBackAccount(UUID accountId, String reason, WinningPurchase purchase) implements AccountCommand {

    /** Without a purchase: one recorded while the account was LAPSED wins it back. */
    public WinBackAccount(UUID accountId, String reason) {
        this(accountId, reason, null);
    }

    /** The purchase that wins the account back, as {@link RecordPurchase} records one. */
    public record WinningPurchase(UUID purchaseId, BigDecimal amount, String currency, Instant occurredAt,
                                  String description, String orderRef, BigDecimal grossMargin, BigDecimal costOfGoods,
                                  String productLine, BuyClass buyClass) {

        /** Without what it earned, its product line and buy class. */
        public WinningPurchase(UUID purchaseId, BigDecimal amount, String currency, Instant occurredAt,
                               String description, String orderRef) {
            this(purchaseId, amount, currency, occurredAt, description, orderRef, null, null, null, null);
        }
    }
}
