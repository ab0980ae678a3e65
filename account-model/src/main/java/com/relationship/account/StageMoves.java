package com.relationship.account;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.*;

import java.util.Optional;

/**
 * Where an event moves the account, as the event itself says: its lifecycle stage and its KAM stage
 * after the event. The one answer to "which stage does this event lead to", used by the write side's
 * fold ({@link AccountState#evolve}) and by every read model that keeps stages (the status, the
 * timeline, the churn facts), so none of them can drift from another.
 */
public final class StageMoves {

    private static final Move NONE = new Move(null, null);
    private static final AccountEventVisitor<Move> MOVES = new Moves();

    private StageMoves() {
    }

    /** The lifecycle stage after {@code event}; empty when the event moves no lifecycle stage. */
    public static Optional<LifecycleStage> lifecycleAfter(AccountEvent event) {
        return Optional.ofNullable(event.accept(MOVES).lifecycle());
    }

    /** The KAM stage after {@code event}; empty when the event moves no KAM stage. */
    public static Optional<KamStage> kamAfter(AccountEvent event) {
        return Optional.ofNullable(event.accept(MOVES).kam());
    }

    /**
     * The stage a lapse left: the one the event names, or, for a lapse stored before events named it,
     * the stage the account was in ({@code current}).
     */
    public static LifecycleStage lapsedFrom(AccountLapsed lapsed, LifecycleStage current) {
        return lapsed.lapsedFrom() != null ? lapsed.lapsedFrom() : current;
    }

    /** A move: either stage may be null (the event leaves it as it was). */
    private record Move(LifecycleStage lifecycle, KamStage kam) {
    }

    private static final class Moves implements AccountEventVisitor<Move> {

        @Override
        public Move visit(AccountRegistered event) {
            return new Move(LifecycleStage.PROSPECT, null);
        }

        @Override
        public Move visit(PurchaseRecorded event) {
            return NONE;
        }

        @Override
        public Move visit(ReferralRecorded event) {
            return NONE;
        }

        @Override
        public Move visit(ComplaintOpened event) {
            return NONE;
        }

        @Override
        public Move visit(ComplaintResolved event) {
            return NONE;
        }

        @Override
        public Move visit(CoDevelopmentEngagementRecorded event) {
            return NONE;
        }

        @Override
        public Move visit(PartnershipAgreementRecorded event) {
            return NONE;
        }

        @Override
        public Move visit(ComplianceReviewRecorded event) {
            return NONE;
        }

        @Override
        public Move visit(LifecycleStageAdvanced event) {
            return new Move(event.to(), null);
        }

        @Override
        public Move visit(LifecycleStageDowngraded event) {
            return new Move(event.to(), null);
        }

        @Override
        public Move visit(AccountLapsed event) {
            return new Move(LifecycleStage.LAPSED, null);
        }

        @Override
        public Move visit(AccountWonBack event) {
            // A win-back names no stage: the domain returns a won-back account to CUSTOMER.
            return new Move(LifecycleStage.CUSTOMER, null);
        }

        @Override
        public Move visit(ProspectDisqualified event) {
            return new Move(LifecycleStage.DISQUALIFIED, null);
        }

        @Override
        public Move visit(ProspectRequalified event) {
            return new Move(LifecycleStage.PROSPECT, null);
        }

        @Override
        public Move visit(AccountClassified event) {
            return NONE;
        }

        @Override
        public Move visit(KeyAccountDesignated event) {
            return new Move(null, KamStage.PRE_KAM);
        }

        @Override
        public Move visit(KamStageAdvanced event) {
            return new Move(null, event.to());
        }

        @Override
        public Move visit(KeyAccountUncoupled event) {
            return new Move(null, KamStage.UNCOUPLING_KAM);
        }

        @Override
        public Move visit(BondEstablished event) {
            return NONE;
        }

        @Override
        public Move visit(BondDissolved event) {
            return NONE;
        }

        @Override
        public Move visit(InteractionRecorded event) {
            return NONE;
        }

        @Override
        public Move visit(SatisfactionSurveyed event) {
            return NONE;
        }
    
        @Override
        public Move visit(ContactAdded event) {
            return NONE;
        }

        @Override
        public Move visit(ContactRoleAssessed event) {
            return NONE;
        }

        @Override
        public Move visit(ContactLeft event) {
            return NONE;
        }

        @Override
        public Move visit(ContactErased event) {
            return NONE;
        }

        @Override
        public Move visit(AccountOwnerAssigned event) {
            return NONE;
        }

        @Override
        public Move visit(ValueComponentAssessed event) {
            return NONE;
        }

        @Override
        public Move visit(WalletEstimated event) {
            return NONE;
        }

        @Override
        public Move visit(RelationshipLevelAssessed event) {
            return NONE;
        }

        @Override
        public Move visit(ServiceActivityRecorded event) {
            return NONE;
        }

        @Override
        public Move visit(ProfitabilityDecided event) {
            return NONE; // a FIRE is a decision, not a lapse
        }
    }
}
