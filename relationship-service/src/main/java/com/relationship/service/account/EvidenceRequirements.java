package com.relationship.service.account;

import com.relationship.account.Dates;
import com.relationship.account.Evidence;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.LifecycleStage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The evidence each move up the lifecycle needs (docs/domain.md, "Advancing"), worded so the
 * eligibility answer and the refusal say what to record. The counting itself is the fold's
 * ({@link Evidence}).
 */
final class EvidenceRequirements {

    private EvidenceRequirements() {
    }

    /**
     * What is still missing for a move into {@code target} made at {@code at}, in words an account manager
     * can act on. A move counts the facts of the current tenure dated at or before it: a fact recorded
     * late counts for the moves dated after it, not for one it postdates.
     */
    public static List<String> missingFor(Evidence evidence, LifecycleStage target, LifecyclePolicy policy,
                                          Instant at) {
        List<String> missing = new ArrayList<>();
        Evidence.Dated dated = evidence.dated();
        switch (target) {
            case CUSTOMER -> {
                if (dated.purchases().countUpTo(at) < 1) {
                    missing.add("a recorded purchase" + laterOnes(dated.purchases(), at, "none yet"));
                }
            }
            case CLIENT -> {
                int repeats = Math.max(0, dated.purchases().countUpTo(at) - 1);
                if (repeats < policy.repeatPurchasesForClient()) {
                    missing.add(policy.repeatPurchasesForClient() + " purchases after the first (" + repeats
                            + " recorded" + (dated.purchases().countUpTo(at) < dated.purchases().size()
                            ? "; later ones are dated after the move" : "") + ")");
                }
            }
            case SUPPORTER -> {
                // A prospect is no reference customer: a reference counts from the tenure's first purchase on.
                Instant firstPurchase = dated.purchases().earliest().orElse(null);
                int references = firstPurchase == null ? 0 : dated.referrals().countBetween(firstPurchase, at);
                if (references < 1) {
                    missing.add(dated.referrals().size() > 0 && references == 0 && dated.referrals().countUpTo(at) > 0
                            ? "a referral or positive reference dated after the account's first purchase (a prospect"
                            + " is no reference customer)"
                            : "a recorded referral or positive reference" + laterOnes(dated.referrals(), at, null));
                }
                if (!evidence.openComplaints().isEmpty()) {
                    missing.add("no unresolved complaint (" + evidence.openComplaints().size() + " open)");
                }
            }
            case ADVOCATE -> {
                if (dated.coDevelopmentEngagements().countUpTo(at) < 1) {
                    missing.add("a recorded co-development or feedback engagement"
                            + laterOnes(dated.coDevelopmentEngagements(), at, null));
                }
            }
            case PARTNER -> {
                if (dated.partnershipAgreements().countUpTo(at) < 1) {
                    missing.add("a recorded partnership agreement" + laterOnes(dated.partnershipAgreements(), at, null));
                }
                if (evidence.latestComplianceReview() == null) {
                    missing.add("a compliance (antitrust / dependency) review, recorded before the move");
                } else if (evidence.latestComplianceReview() != ComplianceOutcome.APPROVED) {
                    missing.add("an APPROVED compliance review (the latest one was "
                            + evidence.latestComplianceReview() + ")");
                } else {
                    staleReview(evidence, policy, at).ifPresent(missing::add);
                }
            }
            default -> throw new IllegalArgumentException(target + " is not reached by advancing");
        }
        return missing;
    }

    /** " (none yet)", or why the recorded ones do not count: they are dated after the move. */
    private static String laterOnes(Dates dates, Instant at, String noneYet) {
        if (dates.size() > dates.countUpTo(at)) {
            return " dated at or before the move (" + dates.size() + " recorded, dated after it)";
        }
        return noneYet == null ? "" : " (" + noneYet + ")";
    }

    /**
     * The approved review is too old at {@code at}: what to record instead, naming its date and age. An
     * approval recorded before reviews were dated (no date) is taken as made when recorded, so still valid.
     */
    static Optional<String> staleReview(Evidence evidence, LifecyclePolicy policy, Instant at) {
        Instant reviewedAt = evidence.latestComplianceReviewAt();
        if (reviewedAt == null || !at.isAfter(reviewedAt.plus(policy.complianceReviewValidity()))) {
            return Optional.empty();
        }
        return Optional.of("a compliance review no older than " + policy.complianceReviewValidity().toDays()
                + " days at the move (the APPROVED one of " + reviewedAt + " is "
                + Duration.between(reviewedAt, at).toDays() + " days old: dependency and cartel risk change)");
    }
}
