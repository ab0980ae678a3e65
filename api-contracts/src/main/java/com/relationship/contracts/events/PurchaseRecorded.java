package com.relationship.contracts.events;

import com.relationship.contracts.account.BuyClass;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A purchase the account made.
 *
 * @param orderRef    the seller's own order or invoice number, optional: within an account the same orderRef is
 *                    recorded once (sent again with the same content it answers the first answer; with other content
 *                    it is refused)
 * @param grossMargin what the purchase earned over its cost of goods, in {@code currency}; optional, null when not
 *                    known or when {@code costOfGoods} is given instead; negative for a sale below cost
 * @param costOfGoods what the goods sold cost the seller, in {@code currency}; optional, null when not known or when
 *                    {@code grossMargin} is given instead (the margin is then {@code amount - costOfGoods})
 * @param productLine the seller's product line, plain text, optional: what cross-selling and up-selling go by
 * @param buyClass    the buying situation ({@link BuyClass}), optional
 */
public record PurchaseRecorded(UUID accountId, UUID purchaseId, BigDecimal amount, String currency,
                               Instant occurredAt, String description, String orderRef, BigDecimal grossMargin,
                               BigDecimal costOfGoods, String productLine, BuyClass buyClass) implements AccountEvent {

    /** Without what it earned, its product line and buy class: every purchase recorded before they travelled. */
    public PurchaseRecorded(UUID accountId, UUID purchaseId, BigDecimal amount, String currency,
                            Instant occurredAt, String description, String orderRef) {
        this(accountId, purchaseId, amount, currency, occurredAt, description, orderRef, null, null, null, null);
    }

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
