package com.relationship.contracts.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Something the seller did to serve the account that costs money (issue 29, activity-based costing, seed
 * 000), beyond what other events already say (a visit or call is an interaction, a support case a
 * complaint, a customization a bond): priced by the activity rate card when it has a {@code quantity}, or
 * a cost already known when it has an {@code amount} in {@code currency}. A DISCOUNT always has an amount.
 *
 * @param activity    upper-case words joined by {@code _}: SALES_VISIT, CALL, SUPPORT_CASE, CUSTOMIZATION,
 *                    EXPEDITED_DELIVERY, TRAINING, DISCOUNT or one of the seller's own
 * @param quantity    units of the activity (above 0), priced by the card; null when {@code amount} is given
 * @param amount      what it cost (0 or above), in {@code currency}; null when {@code quantity} is given
 * @param description plain text, optional
 */
public record ServiceActivityRecorded(UUID accountId, UUID activityId, String activity, BigDecimal quantity,
                                      BigDecimal amount, String currency, String description) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
