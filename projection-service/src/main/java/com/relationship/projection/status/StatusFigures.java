package com.relationship.projection.status;

import com.relationship.contracts.status.AccountStatus;

/**
 * Figures a status is answered with over REST that are not folded from its events: priced when asked
 * for (the profitability's trailing year), so neither stored nor on the status topic.
 */
public interface StatusFigures {

    /** No figures: the status as stored. */
    StatusFigures NONE = status -> status;

    AccountStatus withFigures(AccountStatus status);
}
