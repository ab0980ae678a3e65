package com.relationship.service.account;

import com.relationship.account.AccountState;
import com.relationship.contracts.account.LifecycleStage;

import java.time.Instant;
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

    /**
     * The eligibility of an account in {@code state}, the one fold of its history, for a move made at
     * {@code at}: the aggregate asks it before it advances (at the command's business time), and
     * {@code GET .../lifecycle/eligibility} answers it from the history itself (now).
     */
    public static Eligibility of(AccountState state, LifecyclePolicy policy, Instant at) {
        if (state.stage() == LifecycleStage.LAPSED) {
            return new Eligibility(state.stage(), null, false, List.of(), Rule.NOT_ON_THE_LADDER.says(state.lapsedFrom()));
        }
        if (state.stage() == LifecycleStage.DISQUALIFIED) {
            return new Eligibility(state.stage(), null, false, List.of(), Rule.NOT_ON_THE_LADDER.saysIn(1));
        }
        return state.stage().next()
                .map(next -> {
                    List<String> missing = EvidenceRequirements.missingFor(state.evidence(), next, policy, at);
                    return new Eligibility(state.stage(), next, missing.isEmpty(), missing,
                            missing.isEmpty() ? "Eligible: advance to " + next + "." : "Record the missing evidence first.");
                })
                .orElseGet(() -> new Eligibility(state.stage(), null, false, List.of(), Rule.NO_STAGE_ABOVE.says()));
    }
}
