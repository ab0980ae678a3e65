package com.relationship.projection.readmodel;

import com.relationship.contracts.events.EnvelopedAccountEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The ordering and idempotence rules every read model folds under, still pure:
 * <ul>
 *     <li>an event at or below the last applied sequence is a <b>duplicate</b> (a redelivery) and
 *     changes nothing;</li>
 *     <li>an event above the next expected one reveals a <b>gap</b>: it is <b>parked</b> until the
 *     missing events arrive (never skipped, never applied out of order);</li>
 *     <li>the next expected event is applied, and then every parked event that now follows on.</li>
 * </ul>
 */
public final class EventOrdering<V> {

    private final ReadModel<V> model;

    public EventOrdering(ReadModel<V> model) {
        this.model = model;
    }

    public Outcome<V> handle(ProjectionState<V> state, EnvelopedAccountEvent event) {
        long expected = state.nextExpectedSequence();
        if (event.sequence() < expected) {
            return new Outcome<>(Kind.DUPLICATE, state, List.of(), expected);
        }
        if (event.sequence() > expected) {
            if (state.parked().containsKey(event.sequence())) {
                return new Outcome<>(Kind.DUPLICATE, state, List.of(), expected);
            }
            TreeMap<Long, EnvelopedAccountEvent> parked = new TreeMap<>(state.parked());
            parked.put(event.sequence(), event);
            return new Outcome<>(Kind.PARKED, state.withView(state.view(), state.lastAppliedSequence(), parked),
                    List.of(), expected);
        }
        TreeMap<Long, EnvelopedAccountEvent> parked = new TreeMap<>(state.parked());
        List<EnvelopedAccountEvent> applied = new ArrayList<>();
        V view = model.apply(state.view(), event);
        long last = event.sequence();
        applied.add(event);
        EnvelopedAccountEvent next;
        while ((next = parked.remove(last + 1)) != null) {
            view = model.apply(view, next);
            last = next.sequence();
            applied.add(next);
        }
        // Anything still parked at or below the applied sequence is stale; it cannot be applied again.
        parked.headMap(last + 1).clear();
        return new Outcome<>(Kind.APPLIED, state.withView(view, last, parked), List.copyOf(applied), expected);
    }

    public enum Kind {
        /** The event and every parked one that followed on were applied, in order. */
        APPLIED,
        /** Already applied or already parked: nothing changes. */
        DUPLICATE,
        /** Ahead of a gap: kept until the missing events arrive. */
        PARKED
    }

    /**
     * @param state    the state to store (unchanged for a duplicate)
     * @param applied  the events applied, in order: the incoming one first, then any parked ones
     * @param expected the sequence that was expected next when the event arrived
     */
    public record Outcome<V>(Kind kind, ProjectionState<V> state, List<EnvelopedAccountEvent> applied, long expected) {
    }
}
