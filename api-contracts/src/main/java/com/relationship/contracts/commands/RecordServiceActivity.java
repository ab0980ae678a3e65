package com.relationship.contracts.commands;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Records something the seller did to serve the account that costs money: a quantity the rate card prices,
 * or an amount already known (a discount always).
 *
 * @param activityId minted by the service
 */
public record RecordServiceActivity(UUID accountId, UUID activityId, String activity, BigDecimal quantity,
                                    BigDecimal amount, String currency, String description) implements AccountCommand {

    /** What an activity's name may be: upper-case words joined by {@code _}, 2 to 40 characters. */
    public static final String ACTIVITY = "^[A-Z][A-Z0-9_]{1,39}$";
}
