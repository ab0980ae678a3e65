package com.relationship.projection.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The portfolio by value tier (issue 30): how many accounts each holds, their revenue and profit over the
 * trailing twelve months, and each owner's accounts per tier against what the seed says one salesperson
 * manages (an MVC at most one, MGCs two to six, MIGRATORs 25).
 *
 * @param ranked   how many accounts are ranked (clients)
 * @param tierCuts the percentiles where MVC, MGC and MIGRATOR end
 * @param owners   per owner (null: nobody), the accounts per tier, the owner's tiers over the seed's numbers
 * @param at       when the portfolio was ranked
 * @param rankedInMillis how long scoring and ranking the whole portfolio took then, ms (the harness reads it at
 *                 100,000 accounts)
 */
public record PortfolioTiers(int ranked, List<Integer> tierCuts, List<Tier> tiers, List<Owner> owners,
                             String reportingCurrency, Instant at, long rankedInMillis) {

    /** One tier: its accounts, their revenue and profit, and the treatment the seed gives it. */
    public record Tier(ValueTier tier, int accounts, BigDecimal accountsPercent, BigDecimal revenue, BigDecimal profit,
                       int belowZero, ValueTier.Treatment treatment) {
    }

    /**
     * @param overloaded the tiers where the owner has more accounts than one salesperson manages, each said in a
     *                   sentence; empty when none
     */
    public record Owner(String owner, Map<ValueTier, Integer> accounts, List<String> overloaded) {
    }
}
