package com.relationship.service.account;

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

    /** What is still missing for a move into {@code target} made at {@code at}, in words an account manager can act on. */
    public static List<String> missingFor(Evidence evidence, LifecycleStage target, LifecyclePolicy policy,
                                          Instant at) {
        List<String> missing = new ArrayList<>();
        switch (target) {
            case CUSTOMER -> {
                if (evidence.purchases() < 1) {
                    missing.add("a recorded purchase (none yet)");
                }
            }
            case CLIENT -> {
                int repeats = Math.max(0, evidence.purchases() - 1);
                if (repeats < policy.repeatPurchasesForClient()) {
                    missing.add(policy.repeatPurchasesForClient() + " purchases after the first (" + repeats
                            + " recorded)");
                }
            }
            case SUPPORTER -> {
                if (evidence.referrals() < 1) {
                    missing.add("a recorded referral or positive reference");
                }
                if (!evidence.openComplaints().isEmpty()) {
                    missing.add("no unresolved complaint (" + evidence.openComplaints().size() + " open)");
                }
            }
            case ADVOCATE -> {
                if (evidence.coDevelopmentEngagements() < 1) {
                    missing.add("a recorded co-development or feedback engagement");
                }
            }
            case PARTNER -> {
                if (evidence.partnershipAgreements() < 1) {
                    missing.add("a recorded partnership agreement");
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
