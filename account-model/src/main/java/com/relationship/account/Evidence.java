package com.relationship.account;

import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.LifecycleStage;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the account has shown in its current tenure (docs/domain.md, "Evidence counts per
 * tenure"): the facts the lifecycle rules ask for before a move. Only the counting lives here;
 * what each move needs is the write side's rule.
 *
 * <p>A win-back starts a new tenure, so a customer who left does not climb straight back on the
 * strength of what it did before it left. A deliberate downgrade forgets the evidence of the
 * stages above the new stage: a broken commitment has to be earned again. Open complaints are
 * kept across both, because they are still open.
 */
public record Evidence(int purchases, int referrals, int coDevelopmentEngagements, int partnershipAgreements,
                       ComplianceOutcome latestComplianceReview, Instant latestComplianceReviewAt,
                       Set<UUID> openComplaints) {

    public Evidence {
        openComplaints = Set.copyOf(openComplaints);
    }

    public static Evidence none() {
        return new Evidence(0, 0, 0, 0, null, null, Set.of());
    }

    Evidence withPurchase() {
        return new Evidence(purchases + 1, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, openComplaints);
    }

    Evidence withReferral() {
        return new Evidence(purchases, referrals + 1, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, openComplaints);
    }

    Evidence withCoDevelopmentEngagement() {
        return new Evidence(purchases, referrals, coDevelopmentEngagements + 1, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, openComplaints);
    }

    Evidence withPartnershipAgreement() {
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements + 1,
                latestComplianceReview, latestComplianceReviewAt, openComplaints);
    }

    /** The latest review, and when it was made (business time): an approval does not clear PARTNER forever. */
    Evidence withComplianceReview(ComplianceOutcome outcome, Instant at) {
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements, outcome, at,
                openComplaints);
    }

    Evidence withComplaintOpened(UUID complaintId) {
        Set<UUID> open = new HashSet<>(openComplaints);
        open.add(complaintId);
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, open);
    }

    Evidence withComplaintResolved(UUID complaintId) {
        Set<UUID> open = new HashSet<>(openComplaints);
        open.remove(complaintId);
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, open);
    }

    /**
     * A win-back: the tenure starts again with the purchases recorded while the account was
     * lapsed (the purchase that won it back is the new tenure's first); open complaints carry over.
     */
    Evidence forNewTenure(int purchasesWhileLapsed) {
        return new Evidence(purchasesWhileLapsed, 0, 0, 0, null, null, openComplaints);
    }

    /**
     * A downgrade to {@code stage}: the evidence that earned the stages above it no longer counts.
     * Down to CUSTOMER, only the first purchase stays: the repeat purchases that made it a CLIENT
     * must be made again.
     */
    Evidence keepingOnlyWhatEarned(LifecycleStage stage) {
        boolean keepRepeatPurchases = stage.rank() >= LifecycleStage.CLIENT.rank();
        boolean keepSupporter = stage.rank() >= LifecycleStage.SUPPORTER.rank();
        boolean keepAdvocate = stage.rank() >= LifecycleStage.ADVOCATE.rank();
        boolean keepPartner = stage.rank() >= LifecycleStage.PARTNER.rank();
        return new Evidence(keepRepeatPurchases ? purchases : Math.min(purchases, 1), keepSupporter ? referrals : 0,
                keepAdvocate ? coDevelopmentEngagements : 0, keepPartner ? partnershipAgreements : 0,
                keepPartner ? latestComplianceReview : null, keepPartner ? latestComplianceReviewAt : null,
                openComplaints);
    }
}
