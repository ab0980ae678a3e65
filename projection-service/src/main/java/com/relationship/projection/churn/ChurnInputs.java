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
 */
public record ChurnInputs(LifecycleStage stage, LifecycleStage lapsedFrom, String stageEventId, boolean keyAccount,
                          Instant registeredAt, Dated lastTwoWayInteraction, List<Complaint> openComplaints,
                          Survey latestSurvey, List<Bond> bonds, List<Purchase> purchases) {

    public ChurnInputs {
        openComplaints = List.copyOf(openComplaints);
        bonds = List.copyOf(bonds);
        purchases = List.copyOf(purchases);
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
