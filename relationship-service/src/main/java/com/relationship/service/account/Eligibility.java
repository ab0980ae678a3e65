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
 * @param evidenceSince   when the current tenure began, from which facts count as evidence: the lapse
 *                        the latest win-back ended; null in the first tenure (everything since the
 *                        relationship began counts)
 */
public record Eligibility(LifecycleStage currentStage, LifecycleStage nextStage, boolean eligible,
                          List<String> missingEvidence, String note, Instant evidenceSince) {

    /**
     * The eligibility of an account in {@code state}, the one fold of its history, for a move made at
     * {@code at}: the aggregate asks it before it advances (at the command's business time), and
     * {@code GET .../lifecycle/eligibility} answers it from the history itself (now).
     */
    public static Eligibility of(AccountState state, LifecyclePolicy policy, Instant at) {
        Instant since = state.tenureSince();
        if (state.stage() == LifecycleStage.LAPSED) {
            return new Eligibility(state.stage(), null, false, List.of(), Rule.NOT_ON_THE_LADDER.says(state.lapsedFrom()),
                    since);
        }
        if (state.stage() == LifecycleStage.DISQUALIFIED) {
            return new Eligibility(state.stage(), null, false, List.of(), Rule.NOT_ON_THE_LADDER.saysIn(1), since);
        }
        return state.stage().next()
                .map(next -> {
                    List<String> missing = EvidenceRequirements.missingFor(state.evidence(), next, policy, at);
                    return new Eligibility(state.stage(), next, missing.isEmpty(), missing,
                            missing.isEmpty() ? "Eligible: advance to " + next + "." : missingNote(since), since);
                })
                .orElseGet(() -> new Eligibility(state.stage(), null, false, List.of(), Rule.NO_STAGE_ABOVE.says(), since));
    }

    /** What to do, and, after a win-back, why what the account did before it lapsed no longer counts. */
    private static String missingNote(Instant tenureSince) {
        if (tenureSince == null) {
            return "Record the missing evidence first.";
        }
        return "Record the missing evidence first. Evidence counts from the current tenure, which began when the"
                + " account lapsed (" + tenureSince + ") before it was won back: what it did before then is history"
                + " and does not count again.";
    }
}
