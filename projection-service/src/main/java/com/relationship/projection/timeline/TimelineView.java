package com.relationship.projection.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's timeline read model: the periods it spent in each lifecycle and KAM stage, who moved
 * it in and out and why, and its events as short sentences for a dashboard.
 *
 * @param lifecycle      the lifecycle stage periods, oldest first; never capped (a handful per account)
 * @param kam            the KAM stage periods, oldest first; empty until the account is designated
 * @param entries        the account's events, oldest first, the newest {@code projection.timeline.entry-cap} kept
 * @param droppedEntries how many older entries were dropped to keep to the cap
 */
public record TimelineView(UUID accountId, List<Period> lifecycle, List<Period> kam, List<Entry> entries,
                           long droppedEntries, long lastAppliedSequence) {

    public TimelineView {
        lifecycle = List.copyOf(lifecycle);
        kam = List.copyOf(kam);
        entries = List.copyOf(entries);
    }

    /**
     * A stay in one stage.
     *
     * @param stage  a {@code LifecycleStage} or {@code KamStage} name
     * @param leftAt null while the account is still in the stage
     * @param leftBy null while the account is still in the stage
     */
    public record Period(String stage, Instant enteredAt, Instant leftAt, Move enteredBy, Move leftBy) {

        boolean isOpen() {
            return leftAt == null;
        }

        Period leftBy(Move move, Instant at) {
            return new Period(stage, enteredAt, at, enteredBy, move);
        }
    }

    /**
     * The event that moved the account, who asked for it and why.
     *
     * @param type   the CloudEvent type ({@code com.relationship.account.AccountLapsed.v1})
     * @param reason the command's reason as its caller gave it; null when the command takes none
     */
    public record Move(long sequence, String eventId, String type, String actor, String reason) {
    }

    /**
     * One event of the account.
     *
     * @param type         the CloudEvent type ({@code com.relationship.account.PurchaseRecorded.v1})
     * @param at           when it happened (its business time)
     * @param summary      what happened, in one short sentence, with names and free text (for auditors)
     * @param plainSummary the same without them (for readers); null in entries folded before it was kept
     */
    public record Entry(long sequence, String eventId, String type, Instant at, String actor, String reason,
                        String correlationId, String summary, String plainSummary) {
    }
}
