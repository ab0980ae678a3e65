package com.relationship.projection.committee;

import com.relationship.contracts.account.LifecycleStage;

/**
 * What the account's contact cadence depends on, with the events that set it: the lifecycle stage
 * (and, once lapsed, the stage it lapsed from) and whether it is on an active KAM track. The cadence
 * itself is the churn model's ({@code ChurnModel#cadenceFor}), never reckoned here.
 *
 * @param kamEventId the event that last moved its KAM stage; null when it never had one
 */
public record CadenceBasis(LifecycleStage stage, LifecycleStage lapsedFrom, boolean keyAccount, String stageEventId,
                           String kamEventId) {

    static final CadenceBasis NONE = new CadenceBasis(null, null, false, null, null);

    CadenceBasis movedTo(LifecycleStage to, LifecycleStage from, String eventId) {
        return new CadenceBasis(to, from, keyAccount, eventId, kamEventId);
    }

    CadenceBasis onKamTrack(boolean active, String eventId) {
        return new CadenceBasis(stage, lapsedFrom, active, stageEventId, eventId);
    }
}
