package com.relationship.projection.value;

import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.value.AccountValueTierChanged;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's lifetime value (issue 30): the score, the six indices it is the sum of, its place in the
 * portfolio, its tier and the tier's treatment, its share of wallet and the relationship's level.
 *
 * @param score            0 to 100: the indices' points added up
 * @param ranked           whether it is ranked: a client (CUSTOMER to PARTNER); a prospect, a lapsed or a disqualified
 *                         account is scored but holds no rank and no tier
 * @param rank             1 for the highest score; accounts with the same score share a rank; null unless ranked
 * @param rankedAccounts   how many accounts are ranked
 * @param topPercent       where its rank falls, from the top: 0 for the first, under 10 for an MVC by default
 * @param tier             MVC, MGC, MIGRATOR or BZ; null unless ranked
 * @param tierReason       why that tier: its rank and the cuts, or a loss over the trailing twelve months
 * @param treatment        the tier's treatment (seed 002); null without a tier
 * @param shareOfWallet    per wallet category, the latest estimate and our share of it, with the trend
 * @param relationshipLevel the latest level assessed; null before the first
 * @param suggestion       what the figures suggest doing that is not done yet (at level 6, a STRATEGIC
 *                         classification, never forced); null when nothing
 * @param at               when the portfolio was last ranked
 * @param tierHistory      the account's changes of tier as published on {@code relationship.account-value.v1},
 *                         oldest first (the newest 50), each with its cause; empty before the first is published
 */
public record AccountValue(UUID accountId, String name, String owner, LifecycleStage stage, BigDecimal score,
                           List<IndexScore> indices, boolean ranked, Integer rank, int rankedAccounts,
                           BigDecimal topPercent, ValueTier tier, String tierReason, ValueTier.Treatment treatment,
                           List<WalletShare> shareOfWallet, RelationshipLevel relationshipLevel, String suggestion,
                           String reportingCurrency, Instant at, List<AccountValueTierChanged> tierHistory) {

    public AccountValue {
        tierHistory = List.copyOf(tierHistory);
    }

    /** The same value, with the account's tier changes as published. */
    AccountValue withTierHistory(List<AccountValueTierChanged> published) {
        return new AccountValue(accountId, name, owner, stage, score, indices, ranked, rank, rankedAccounts, topPercent,
                tier, tierReason, treatment, shareOfWallet, relationshipLevel, suggestion, reportingCurrency, at, published);
    }

    /**
     * Our share of one wallet category: the latest estimate, our revenue in its period, the share, and how it moved
     * since the estimate before it of the same category.
     *
     * @param ourRevenue   our revenue in the estimate's period; null when it could not be priced
     * @param sharePercent ourRevenue over the estimate converted; null when either could not be converted
     * @param previousSharePercent the share by the category's estimate before; null when there was none
     * @param trend        UP, DOWN, FLAT, or null without an earlier estimate to compare with
     */
    public record WalletShare(String category, String period, BigDecimal estimate, String currency, String source,
                              BigDecimal ourRevenue, BigDecimal sharePercent, BigDecimal previousSharePercent,
                              String trend, String eventId) {
    }

    /** The level of the relationship as the customer sees it (seed 003): 1 utility to 6 co-creation. */
    public record RelationshipLevel(int level, String name, String rationale, Instant at, String eventId) {
    }
}
