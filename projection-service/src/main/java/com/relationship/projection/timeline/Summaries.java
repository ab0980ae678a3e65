package com.relationship.projection.timeline;

import com.relationship.contracts.events.*;


/**
 * One short sentence per event for a person reading the timeline. The reason is not repeated here:
 * the entry carries it beside the summary. Stored with the entry, so an entry keeps the words it
 * was folded with even if this wording changes later (a rebuild gives the new wording).
 */
final class Summaries {

    private Summaries() {
    }

    static String of(AccountEvent event) {
        return event.accept(WORDS);
    }

    private static final AccountEventVisitor<String> WORDS = new Words();

    private static final class Words implements AccountEventVisitor<String> {

        @Override
        public String visit(AccountRegistered event) {
            return "Registered as a PROSPECT: " + event.name();
        }

        @Override
        public String visit(PurchaseRecorded event) {
            return "Purchase of " + event.amount().toPlainString() + " " + event.currency() + " recorded"
                    + (event.orderRef() == null ? "" : " (order " + event.orderRef() + ")");
        }

        @Override
        public String visit(ReferralRecorded event) {
            return "Referral recorded: " + event.description();
        }

        @Override
        public String visit(ComplaintOpened event) {
            return "Complaint opened: " + event.summary();
        }

        @Override
        public String visit(ComplaintResolved event) {
            return "Complaint resolved: " + event.resolution();
        }

        @Override
        public String visit(CoDevelopmentEngagementRecorded event) {
            return "Co-development engagement recorded: " + event.description();
        }

        @Override
        public String visit(PartnershipAgreementRecorded event) {
            return "Partnership agreement recorded: " + event.description();
        }

        @Override
        public String visit(ComplianceReviewRecorded event) {
            return "Compliance review recorded: " + event.outcome() + " by " + event.reviewer();
        }

        @Override
        public String visit(LifecycleStageAdvanced event) {
            return "Advanced to " + event.to();
        }

        @Override
        public String visit(LifecycleStageDowngraded event) {
            return "Downgraded to " + event.to();
        }

        @Override
        public String visit(AccountLapsed event) {
            return "Lapsed";
        }

        @Override
        public String visit(AccountWonBack event) {
            return "Won back to CUSTOMER";
        }

        @Override
        public String visit(ProspectDisqualified event) {
            return "Disqualified";
        }

        @Override
        public String visit(ProspectRequalified event) {
            return "Requalified to PROSPECT";
        }

        @Override
        public String visit(AccountClassified event) {
            return "Classified " + event.classification();
        }

        @Override
        public String visit(KeyAccountDesignated event) {
            return "Designated a key account (PRE_KAM)";
        }

        @Override
        public String visit(KamStageAdvanced event) {
            return "KAM stage advanced to " + event.to();
        }

        @Override
        public String visit(KeyAccountUncoupled event) {
            return "Uncoupled from the KAM track (UNCOUPLING_KAM)";
        }

        @Override
        public String visit(BondEstablished event) {
            return event.kind() + " bond established: " + event.description();
        }

        @Override
        public String visit(BondDissolved event) {
            return event.kind() + " bond dissolved";
        }

        @Override
        public String visit(InteractionRecorded event) {
            return event.channel() + " (" + event.direction() + ") with " + event.contact() + ": " + event.summary();
        }

        @Override
        public String visit(SatisfactionSurveyed event) {
            return event.instrument() + " survey scored " + event.score();
        }
    }
}
