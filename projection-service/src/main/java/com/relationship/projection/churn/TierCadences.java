package com.relationship.projection.churn;

import java.util.UUID;

/**
 * The cadence each account's value tier calls for, as last published (the value package's ledger of tiers); null
 * for an account without a tier, or whose tier leaves the contact "as needed" (MIGRATOR, BZ: its stage's cadence).
 */
@FunctionalInterface
public interface TierCadences {

    /** No account has a tier's cadence: every account is held to its stage's (a backtest over history, a unit test). */
    TierCadences NONE = accountId -> null;

    TierCadence of(UUID accountId);
}
