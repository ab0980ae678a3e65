package com.relationship.contracts.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An account's value tier changed (issue 30), or it was tiered for the first time, as published on
 * {@link com.relationship.contracts.Topics#ACCOUNT_VALUE} inside a CloudEvent ({@link AccountValueCodec}).
 * Tiers are cut by rank over the portfolio's clients (seed 002, Convergys): MVC (the top 10% by default),
 * MGC (to 50%), MIGRATOR (to 75%), BZ (the rest, and any account that lost money over the last twelve
 * months). It carries the explanation, so a dashboard can say why without asking the REST API.
 *
 * @param sequence       the account's n-th tier change, from 1: with the account id, what makes one change
 *                       unique (a re-send carries the same)
 * @param tier           MVC, MGC, MIGRATOR or BZ; null when the account is no longer ranked (no longer a client)
 * @param previousTier   the tier before; null for the first
 * @param score          the lifetime value score, 0 to 100, at the ranking
 * @param rank           among the ranked clients, 1 the highest; null with tier
 * @param rankedAccounts how many clients the portfolio ranked
 * @param topPercent     the share of ranked clients above the account, %; null with tier
 * @param at             when the portfolio was ranked
 * @param cause          what moved it, in a sentence
 */
public record AccountValueTierChanged(UUID accountId, int sequence, String tier, String previousTier, BigDecimal score,
                                      Integer rank, int rankedAccounts, BigDecimal topPercent, Instant at, Cause cause) {

    /** The data's public name and major revision; the CloudEvent type. */
    public static final String SCHEMA = "com.relationship.value.AccountValueTierChanged.v1";

    /**
     * @param kind          FIRST_RANKED (no tier before), SCORE (the account's own score moved), PORTFOLIO (its
     *                      score held, others moved past it or the cuts changed), BELOW_ZERO (a loss over the
     *                      trailing year makes it a BZ), NOT_RANKED (it left the ranking: no longer a client)
     * @param reason        what happened, in words an account manager understands
     * @param previousScore the score at the previous change; null for the first
     * @param previousRank  the rank at the previous change; null for the first or when it was not ranked
     */
    public record Cause(String kind, String reason, BigDecimal previousScore, Integer previousRank) {
    }
}
