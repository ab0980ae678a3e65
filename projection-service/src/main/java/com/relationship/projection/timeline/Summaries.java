package com.relationship.projection.timeline;

import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.CoDevelopmentEngagementRecorded;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.ComplianceReviewRecorded;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.KamStageAdvanced;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.KeyAccountUncoupled;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.PartnershipAgreementRecorded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ProspectRequalified;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.contracts.events.SatisfactionSurveyed;

/**
 * One short sentence per event for a person reading the timeline. The reason is not repeated here:
 * the entry carries it beside the summary. Stored with the entry, so an entry keeps the words it
 * was folded with even if this wording changes later (a rebuild gives the new wording).
 */
final class Summaries {

    private Summaries() {
    }

    static String of(AccountEvent event) {
        if (event instanceof AccountRegistered e) {
            return "Registered as a PROSPECT: " + e.name();
        } else if (event instanceof PurchaseRecorded e) {
            return "Purchase of " + e.amount().toPlainString() + " " + e.currency() + " recorded"
                    + (e.orderRef() == null ? "" : " (order " + e.orderRef() + ")");
        } else if (event instanceof ReferralRecorded e) {
            return "Referral recorded: " + e.description();
        } else if (event instanceof ComplaintOpened e) {
            return "Complaint opened: " + e.summary();
        } else if (event instanceof ComplaintResolved e) {
            return "Complaint resolved: " + e.resolution();
        } else if (event instanceof CoDevelopmentEngagementRecorded e) {
            return "Co-development engagement recorded: " + e.description();
        } else if (event instanceof PartnershipAgreementRecorded e) {
            return "Partnership agreement recorded: " + e.description();
        } else if (event instanceof ComplianceReviewRecorded e) {
            return "Compliance review recorded: " + e.outcome() + " by " + e.reviewer();
        } else if (event instanceof LifecycleStageAdvanced e) {
            return "Advanced to " + e.to();
        } else if (event instanceof LifecycleStageDowngraded e) {
            return "Downgraded to " + e.to();
        } else if (event instanceof AccountLapsed) {
            return "Lapsed";
        } else if (event instanceof AccountWonBack) {
            return "Won back to CUSTOMER";
        } else if (event instanceof ProspectDisqualified) {
            return "Disqualified";
        } else if (event instanceof ProspectRequalified) {
            return "Requalified to PROSPECT";
        } else if (event instanceof AccountClassified e) {
            return "Classified " + e.classification();
        } else if (event instanceof KeyAccountDesignated) {
            return "Designated a key account (PRE_KAM)";
        } else if (event instanceof KamStageAdvanced e) {
            return "KAM stage advanced to " + e.to();
        } else if (event instanceof KeyAccountUncoupled) {
            return "Uncoupled from the KAM track (UNCOUPLING_KAM)";
        } else if (event instanceof BondEstablished e) {
            return e.kind() + " bond established: " + e.description();
        } else if (event instanceof BondDissolved e) {
            return e.kind() + " bond dissolved";
        } else if (event instanceof InteractionRecorded e) {
            return e.channel() + " (" + e.direction() + ") with " + e.contact() + ": " + e.summary();
        } else if (event instanceof SatisfactionSurveyed e) {
            return e.instrument() + " survey scored " + e.score();
        }
        // AccountEvent is sealed and every kind is above; a new kind shows its type until it has words.
        return event.getClass().getSimpleName();
    }
}
