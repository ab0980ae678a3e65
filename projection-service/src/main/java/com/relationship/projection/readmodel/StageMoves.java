package com.relationship.projection.readmodel;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.KamStageAdvanced;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.KeyAccountUncoupled;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ProspectRequalified;

import java.util.Optional;

/**
 * The stage an event moves the account into, as the event itself says it: the one answer the
 * status fold ({@code AccountStatusProjector}) and the timeline ({@code TimelineReadModel}) both
 * use, so their stage periods cannot drift apart (TimelineReadModelTest compares them too).
 */
public final class StageMoves {

    private StageMoves() {
    }

    /** The lifecycle stage after {@code event}; empty when the event moves no stage. */
    public static Optional<LifecycleStage> lifecycleAfter(AccountEvent event) {
        if (event instanceof AccountRegistered) {
            return Optional.of(LifecycleStage.PROSPECT);
        } else if (event instanceof LifecycleStageAdvanced advanced) {
            return Optional.of(advanced.to());
        } else if (event instanceof LifecycleStageDowngraded downgraded) {
            return Optional.of(downgraded.to());
        } else if (event instanceof AccountLapsed) {
            return Optional.of(LifecycleStage.LAPSED);
        } else if (event instanceof AccountWonBack) {
            // A win-back names no stage: the domain returns a won-back account to CUSTOMER.
            return Optional.of(LifecycleStage.CUSTOMER);
        } else if (event instanceof ProspectDisqualified) {
            return Optional.of(LifecycleStage.DISQUALIFIED);
        } else if (event instanceof ProspectRequalified) {
            return Optional.of(LifecycleStage.PROSPECT);
        }
        return Optional.empty();
    }

    /** The KAM stage after {@code event}; empty when the event moves no KAM stage. */
    public static Optional<KamStage> kamAfter(AccountEvent event) {
        if (event instanceof KeyAccountDesignated) {
            return Optional.of(KamStage.PRE_KAM);
        } else if (event instanceof KamStageAdvanced advanced) {
            return Optional.of(advanced.to());
        } else if (event instanceof KeyAccountUncoupled) {
            return Optional.of(KamStage.UNCOUPLING_KAM);
        }
        return Optional.empty();
    }
}
