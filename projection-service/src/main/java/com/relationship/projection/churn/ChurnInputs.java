package com.relationship.projection.churn;

import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.projection.bonding.Bond;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the churn-risk score reads of an account, each fact with the id of the event it came from
 * so every factor can name its causes.
 *
 * @param stageEventId          the event that moved the account into its stage
 * @param keyAccount            on an active KAM track (a shorter contact cadence)
 * @param lastTwoWayInteraction null when there has been none
 * @param latestSurvey          null when no survey was recorded
 * @param purchases             each purchase, when it occurred (business time) and for how much
 * @param tierCadence           the cadence the account's value tier calls for, when it has one that sets one: not a
 *                              fact of its events but of the portfolio's ranking, so never kept with the facts;
 *                              attached when the account is scored ({@link ChurnScoring#score(java.util.UUID,
 *                              ChurnInputs, Instant)})
 */
public record ChurnInputs(LifecycleStage stage, LifecycleStage lapsedFrom, String stageEventId, boolean keyAccount,
                          Instant registeredAt, Dated lastTwoWayInteraction, List<Complaint> openComplaints,
                          Survey latestSurvey, List<Bond> bonds, List<Purchase> purchases, TierCadence tierCadence) {

    public ChurnInputs {
        openComplaints = List.copyOf(openComplaints);
        bonds = List.copyOf(bonds);
        purchases = List.copyOf(purchases);
    }

    /** The facts of the account's events, without a tier's cadence. */
    public ChurnInputs(LifecycleStage stage, LifecycleStage lapsedFrom, String stageEventId, boolean keyAccount,
                       Instant registeredAt, Dated lastTwoWayInteraction, List<Complaint> openComplaints,
                       Survey latestSurvey, List<Bond> bonds, List<Purchase> purchases) {
        this(stage, lapsedFrom, stageEventId, keyAccount, registeredAt, lastTwoWayInteraction, openComplaints,
                latestSurvey, bonds, purchases, null);
    }

    /** The same facts, held to {@code cadence} where it is shorter than the stage's (null: the stage's). */
    public ChurnInputs withTierCadence(TierCadence cadence) {
        return java.util.Objects.equals(cadence, tierCadence) ? this : new ChurnInputs(stage, lapsedFrom, stageEventId,
                keyAccount, registeredAt, lastTwoWayInteraction, openComplaints, latestSurvey, bonds, purchases, cadence);
    }

    /** Something that happened at a business time, and the event that recorded it. */
    public record Dated(Instant at, String eventId) {
    }

    /**
     * A purchase at its business time.
     *
     * @param amount   null in facts stored before amounts were kept (version 2 then counts it, not its money)
     * @param currency ISO 4217; null with {@code amount}
     */
    public record Purchase(Instant at, BigDecimal amount, String currency, String eventId) {
    }

    public record Complaint(UUID complaintId, Instant dueBy, String eventId) {
    }

    public record Survey(int score, SurveyInstrument instrument, Instant at, String eventId) {
    }
}
