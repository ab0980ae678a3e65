package com.relationship.projection.readmodel;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.bson.Document;

import java.time.Instant;

/**
 * What one read model plugs into the pipeline ({@link ReadModelPipeline}): a fold of an account's
 * events into a view, the view's document form, and what it publishes when the view changes. The
 * pipeline does the rest, the same for every read model: its own consumer group, the event-id
 * ledger, ordering (events ahead of a gap park until the gap closes), compare-and-set writes that
 * survive two instances holding a partition for a moment, dead letters that mark the account stale,
 * retries, and time passing ({@link #advance}) for views that change without an event.
 * <p>
 * Everything here is pure but {@link #stored} and {@link #republish}: the same events, in the same
 * order, at the same times, always give the same view, so a rebuild from the topic gives what the
 * live fold gave.
 *
 * @param <V> the view of one account: an immutable value
 */
public interface ReadModel<V> {

    /**
     * A short, stable name: the listener container's id, the suffix of the consumer group
     * ({@code <group>.<name>}), the tag of its metrics ("account-status", "bonding", "churn-risk", "timeline", "committee").
     */
    String name();

    /**
     * Its consumer group: {@code <base>.<name>}, where {@code base} is {@code spring.kafka.consumer.group-id}.
     * Rewinding or rebuilding this read model is resetting this group's offsets; no other model notices.
     */
    default String consumerGroup(String base) {
        return base + "." + name();
    }

    /** The MongoDB collection of its documents (one per account, {@code _id} = account id). */
    String collection();

    /**
     * The view after {@code event}. Events arrive in the account's sequence order, each exactly once,
     * starting at sequence 0.
     *
     * @param view the view before, null before the account's first event
     * @throws com.relationship.projection.status.InconsistentEventStreamException when the history
     *         cannot be folded (dead-lettered, never retried)
     */
    V apply(V view, EnvelopedAccountEvent event);

    /** The sequence of the last event folded into {@code view}. */
    long lastAppliedSequence(V view);

    /**
     * Writes the view's fields at the top level of its document. The pipeline owns {@code _id},
     * {@code version}, {@code parked}, {@code parkedCount}, {@code deadLetters},
     * {@code deadLetterCount}, {@code hasView}, {@code nextChangeAt} and {@code fingerprint}; the view must
     * not use them.
     */
    void write(V view, Document into);

    /** The view written by {@link #write}; null if the document holds none (only parked events). */
    V read(Document from);

    /**
     * The earliest instant at which time alone can change the view (a bond runs out, silence grows);
     * null when only an event can. Stored with the document, so a pass over time visits only the
     * accounts whose view can have changed.
     */
    default Instant nextChangeAt(V view) {
        return null;
    }

    /** The view as time has moved it to {@code now}; {@code view} itself when nothing changed. */
    default V advance(V view, Instant now) {
        return view;
    }

    /**
     * Changes whenever configuration changes what {@link #advance} would answer (a new churn model
     * version): the pass over time then visits every account once, not only the due ones.
     */
    default String fingerprint() {
        return "";
    }

    /**
     * What a rebuild compares of a view ({@code com.relationship.projection.rebuild}): what it says of
     * the account, after both live and rebuilt views were moved to the same instant with
     * {@link #advance}. Not when it was last looked at, nor the history of how time moved it: the live
     * view's time-driven history depends on when the passes over time ran, the rebuilt one's on when
     * the rebuild ran. Serialised as JSON for a digest; the view itself by default.
     */
    default Object comparable(V view) {
        return view;
    }

    /**
     * The view as served and published while the account has dead letters outstanding
     * ({@code staleReason} non-null) or not ({@code null}). The status marks itself stale.
     */
    default V visible(V view, String staleReason) {
        return view;
    }

    /**
     * After a changed view was stored: publish what others need of the change. Runs inside the Kafka
     * transaction of the record (or of the pass over time), so the publish commits with the offset.
     *
     * @param before the visible view before; null before the account's first view
     * @param after  the visible view now stored
     */
    default void stored(V before, V after) {
    }

    /**
     * A redelivered event found its change stored already: publish the stored view again if this
     * model publishes, because the delivery that stored it may have died before its publish committed.
     * A compacted topic keeps the latest copy, so an extra one is harmless.
     */
    default void republish(V stored) {
    }
}
