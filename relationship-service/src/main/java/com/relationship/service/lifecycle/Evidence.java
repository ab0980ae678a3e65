package com.relationship.service.lifecycle;

import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.LifecycleStage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the account has shown so far, and so which stage it may move into (docs/domain.md).
 *
 * <p>Evidence counts within the current tenure: a win-back starts a new one, so a customer who
 * left does not climb straight back on the strength of what it did before it left. A deliberate
 * downgrade forgets the evidence of the stages above the new stage: a broken commitment has to
 * be earned again. Open complaints are kept across both, because they are still open.
 */
public record Evidence(int purchases, int referrals, int coDevelopmentEngagements, int partnershipAgreements,
                       ComplianceOutcome latestComplianceReview, Set<UUID> openComplaints) {

    public Evidence {
        openComplaints = Set.copyOf(openComplaints);
    }

    public static Evidence none() {
        return new Evidence(0, 0, 0, 0, null, Set.of());
    }

    public Evidence withPurchase() {
        return new Evidence(purchases + 1, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, openComplaints);
    }

    public Evidence withReferral() {
        return new Evidence(purchases, referrals + 1, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, openComplaints);
    }

    public Evidence withCoDevelopmentEngagement() {
        return new Evidence(purchases, referrals, coDevelopmentEngagements + 1, partnershipAgreements,
                latestComplianceReview, openComplaints);
    }

    public Evidence withPartnershipAgreement() {
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements + 1,
                latestComplianceReview, openComplaints);
    }

    public Evidence withComplianceReview(ComplianceOutcome outcome) {
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements, outcome,
                openComplaints);
    }

    public Evidence withComplaintOpened(UUID complaintId) {
        Set<UUID> open = new HashSet<>(openComplaints);
        open.add(complaintId);
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, open);
    }

    public Evidence withComplaintResolved(UUID complaintId) {
        Set<UUID> open = new HashSet<>(openComplaints);
        open.remove(complaintId);
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, open);
    }

    /**
     * A win-back: the tenure starts again with the purchases recorded while the account was
     * lapsed (the purchase that won it back is the new tenure's first); open complaints carry over.
     */
    public Evidence forNewTenure(int purchasesWhileLapsed) {
        return new Evidence(purchasesWhileLapsed, 0, 0, 0, null, openComplaints);
    }

    /**
     * A downgrade to {@code stage}: the evidence that earned the stages above it no longer counts.
     * Down to CUSTOMER, only the first purchase stays: the repeat purchases that made it a CLIENT
     * must be made again.
     */
    public Evidence keepingOnlyWhatEarned(LifecycleStage stage) {
        boolean keepRepeatPurchases = stage.rank() >= LifecycleStage.CLIENT.rank();
        boolean keepSupporter = stage.rank() >= LifecycleStage.SUPPORTER.rank();
        boolean keepAdvocate = stage.rank() >= LifecycleStage.ADVOCATE.rank();
        boolean keepPartner = stage.rank() >= LifecycleStage.PARTNER.rank();
        return new Evidence(keepRepeatPurchases ? purchases : Math.min(purchases, 1), keepSupporter ? referrals : 0, keepAdvocate ? coDevelopmentEngagements : 0,
                keepPartner ? partnershipAgreements : 0, keepPartner ? latestComplianceReview : null, openComplaints);
    }

    public boolean allows(LifecycleStage target, LifecyclePolicy policy) {
        return missingFor(target, policy).isEmpty();
    }

    /** What is still missing for a move into {@code target}, in words an account manager can act on. */
    public List<String> missingFor(LifecycleStage target, LifecyclePolicy policy) {
        List<String> missing = new ArrayList<>();
        switch (target) {
            case CUSTOMER -> {
                if (purchases < 1) {
                    missing.add("a recorded purchase (none yet)");
                }
            }
            case CLIENT -> {
                int repeats = Math.max(0, purchases - 1);
                if (repeats < policy.repeatPurchasesForClient()) {
                    missing.add(policy.repeatPurchasesForClient() + " purchases after the first (" + repeats
                            + " recorded)");
                }
            }
            case SUPPORTER -> {
                if (referrals < 1) {
                    missing.add("a recorded referral or positive reference");
                }
                if (!openComplaints.isEmpty()) {
                    missing.add("no unresolved complaint (" + openComplaints.size() + " open)");
                }
            }
            case ADVOCATE -> {
                if (coDevelopmentEngagements < 1) {
                    missing.add("a recorded co-development or feedback engagement");
                }
            }
            case PARTNER -> {
                if (partnershipAgreements < 1) {
                    missing.add("a recorded partnership agreement");
                }
                if (latestComplianceReview == null) {
                    missing.add("a compliance (antitrust / dependency) review, recorded before the move");
                } else if (latestComplianceReview != ComplianceOutcome.APPROVED) {
                    missing.add("an APPROVED compliance review (the latest one was "
                            + latestComplianceReview + ")");
                }
            }
            default -> throw new IllegalArgumentException(target + " is not reached by advancing");
        }
        return missing;
    }
}
