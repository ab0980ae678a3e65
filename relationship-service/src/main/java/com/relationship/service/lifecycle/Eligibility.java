package com.relationship.service.lifecycle;

import com.relationship.contracts.account.LifecycleStage;

import java.util.List;

/**
 * Whether the account may move up now.
 *
 * @param nextStage       the stage an advance would move into; null when there is none (PARTNER,
 *                        LAPSED, DISQUALIFIED)
 * @param missingEvidence what is still needed; empty when eligible
 * @param note            why there is no next stage, or what to do instead
 */
public record Eligibility(LifecycleStage currentStage, LifecycleStage nextStage, boolean eligible,
                          List<String> missingEvidence, String note) {
}
