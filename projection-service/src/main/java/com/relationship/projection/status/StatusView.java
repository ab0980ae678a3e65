package com.relationship.projection.status;

import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.churn.AccountFacts;

import java.time.Instant;

/**
 * The status read model's view of one account: the status as served and published, and what its
 * standing (bonding level, churn risk, exchange type) is reckoned from, so time passing can move it
 * without an event.
 *
 * @param facts         the scoring facts, folded by the same {@link AccountFacts#apply} as the churn risk
 * @param nextChangeAt  the earliest instant at which time alone can change the standing; null when
 *                      only an event can
 */
public record StatusView(AccountStatus status, AccountFacts facts, Instant nextChangeAt) {

    StatusView withStale(String reason) {
        return new StatusView(status.withStale(reason), facts, nextChangeAt);
    }
}
