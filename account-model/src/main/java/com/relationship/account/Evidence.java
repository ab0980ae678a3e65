package com.relationship.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 *
 * <p>The counts are what the tenure recorded; what a move may count is the facts dated at or before
 * it ({@link Dated}): a fact recorded late counts for the moves dated after it, not for one before.
 */
public record Evidence(int purchases, int referrals, int coDevelopmentEngagements, int partnershipAgreements,
                       ComplianceOutcome latestComplianceReview, Instant latestComplianceReviewAt,
                       Set<UUID> openComplaints, @JsonIgnore Dated dated) {

    /**
     * When the counted facts happened (business time), kind by kind: what a move dated T may count of
     * them ({@code EvidenceRequirements}). The counts above are what the tenure recorded.
     */
    public record Dated(Dates purchases, Dates referrals, Dates coDevelopmentEngagements,
                        Dates partnershipAgreements) {

        static final Dated NONE = new Dated(Dates.none(), Dates.none(), Dates.none(), Dates.none());
    }

    public Evidence {
        openComplaints = Set.copyOf(openComplaints);
    }

    public static Evidence none() {
        return new Evidence(0, 0, 0, 0, null, null, Set.of(), Dated.NONE);
    }

    Evidence withPurchase(Instant at) {
        return new Evidence(purchases + 1, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, openComplaints, new Dated(dated.purchases().with(at),
                dated.referrals(), dated.coDevelopmentEngagements(), dated.partnershipAgreements()));
    }

    Evidence withReferral(Instant at) {
        return new Evidence(purchases, referrals + 1, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, openComplaints, new Dated(dated.purchases(),
                dated.referrals().with(at), dated.coDevelopmentEngagements(), dated.partnershipAgreements()));
    }

    Evidence withCoDevelopmentEngagement(Instant at) {
        return new Evidence(purchases, referrals, coDevelopmentEngagements + 1, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, openComplaints, new Dated(dated.purchases(),
                dated.referrals(), dated.coDevelopmentEngagements().with(at), dated.partnershipAgreements()));
    }

    Evidence withPartnershipAgreement(Instant at) {
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements + 1,
                latestComplianceReview, latestComplianceReviewAt, openComplaints, new Dated(dated.purchases(),
                dated.referrals(), dated.coDevelopmentEngagements(), dated.partnershipAgreements().with(at)));
    }

    /** The latest review, and when it was made (business time): an approval does not clear PARTNER forever. */
    Evidence withComplianceReview(ComplianceOutcome outcome, Instant at) {
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements, outcome, at,
                openComplaints, dated);
    }

    Evidence withComplaintOpened(UUID complaintId) {
        Set<UUID> open = new HashSet<>(openComplaints);
        open.add(complaintId);
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, open, dated);
    }

    Evidence withComplaintResolved(UUID complaintId) {
        Set<UUID> open = new HashSet<>(openComplaints);
        open.remove(complaintId);
        return new Evidence(purchases, referrals, coDevelopmentEngagements, partnershipAgreements,
                latestComplianceReview, latestComplianceReviewAt, open, dated);
    }

    /**
     * A win-back: the tenure starts again with the purchases made while the account was lapsed (dated
     * after the lapse; the one that won it back is the new tenure's first); open complaints carry over.
     */
    Evidence forNewTenure(Dates purchasesWhileLapsed) {
        return new Evidence(purchasesWhileLapsed.size(), 0, 0, 0, null, null, openComplaints,
                new Dated(purchasesWhileLapsed, Dates.none(), Dates.none(), Dates.none()));
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
        Dated kept = new Dated(keepRepeatPurchases ? dated.purchases() : dated.purchases().earliestOnly(),
                keepSupporter ? dated.referrals() : Dates.none(),
                keepAdvocate ? dated.coDevelopmentEngagements() : Dates.none(),
                keepPartner ? dated.partnershipAgreements() : Dates.none());
        return new Evidence(keepRepeatPurchases ? purchases : Math.min(purchases, 1), keepSupporter ? referrals : 0,
                keepAdvocate ? coDevelopmentEngagements : 0, keepPartner ? partnershipAgreements : 0,
                keepPartner ? latestComplianceReview : null, keepPartner ? latestComplianceReviewAt : null,
                openComplaints, kept);
    }
}
