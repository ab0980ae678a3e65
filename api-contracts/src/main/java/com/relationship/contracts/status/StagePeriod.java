package com.relationship.contracts.status;

import com.relationship.contracts.account.LifecycleStage;

import java.time.Instant;

/**
 * One stretch of time an account spent in a lifecycle stage. A stage change (advance, downgrade,
 * lapse, win-back, disqualification) closes the current period and opens the next one.
 *
 * @param enteredAt when the stage change into it happened (the event's time)
 * @param leftAt    when the account left it; null for the current period
 */
public record StagePeriod(LifecycleStage stage, Instant enteredAt, Instant leftAt) {
}
