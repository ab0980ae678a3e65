package com.relationship.projection.value;

import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ValueStanding;
import com.relationship.projection.status.StatusFigures;

/**
 * Answers each status with where the account stands by lifetime value (issue 30: "the status shows tier and
 * level"), as the value ranking last ranked the portfolio: in memory, so a page of statuses costs no more
 * reads. Before the ranking has read the account (a moment after its first event), none.
 */
public class ValueOnStatus implements StatusFigures {

    private final ValueRanking ranking;

    public ValueOnStatus(ValueRanking ranking) {
        this.ranking = ranking;
    }

    @Override
    public AccountStatus withFigures(AccountStatus status) {
        ValueRanking.ValueStandingView value = ranking.standing(status.accountId());
        if (value == null) {
            return status;
        }
        return status.withValue(new ValueStanding(value.score(), value.tier() == null ? null : value.tier().name(),
                value.rank(), value.rankedAccounts(), value.level(), value.rankedAt()));
    }
}
