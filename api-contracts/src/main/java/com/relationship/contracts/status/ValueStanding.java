package com.relationship.contracts.status;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where the account stands by lifetime value (issue 30), as projection-service last ranked the portfolio:
 * its score, its rank among the clients and its value tier, and the relationship's level as the customer sees
 * it. Ranked over the whole portfolio when asked for, so it is in the REST answers only: null on the status
 * topic. {@code GET /accounts/{id}/value} has the indices and events behind it.
 *
 * @param score          the lifetime value score, 0 to 100
 * @param tier           MVC, MGC, MIGRATOR or BZ; null for an account that is not ranked (not a client)
 * @param rank           among the ranked clients, 1 the highest; null with tier
 * @param rankedAccounts how many clients are ranked
 * @param level          the relationship level assessed, 1 (utility) to 6 (co-creation); null before the first
 * @param rankedAt       when the portfolio was ranked
 */
public record ValueStanding(BigDecimal score, String tier, Integer rank, int rankedAccounts, Integer level,
                            Instant rankedAt) {
}
