package com.relationship.projection.rebuild;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.ingest.ReadModelPipeline;
import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.ProjectionState;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One read model folded from the events topic into memory, exactly as its live pipeline folds it
 * ({@link EventOrdering}: duplicates dropped, events after a gap parked) but without a store, a ledger
 * or a publisher: nothing leaves the rebuild until it is compared and, on request, swapped in.
 * An event the fold refuses (it refused it live too, and dead-lettered it) is skipped and counted;
 * the account's later events then park behind it, as they do live.
 */
final class ShadowFold<V> {

    private final ReadModelPipeline<V> pipeline;
    private final EventOrdering<V> ordering;
    private final Map<UUID, ProjectionState<V>> states = new HashMap<>();
    private long refused;

    ShadowFold(ReadModelPipeline<V> pipeline) {
        this.pipeline = pipeline;
        this.ordering = new EventOrdering<>(pipeline.model());
    }

    void accept(EnvelopedAccountEvent event) {
        ProjectionState<V> state = states.getOrDefault(event.accountId(), ProjectionState.empty());
        try {
            states.put(event.accountId(), ordering.handle(state, event).state());
        } catch (RuntimeException refusedByTheFold) {
            refused++;
        }
    }

    ReadModelPipeline<V> pipeline() {
        return pipeline;
    }

    Map<UUID, ProjectionState<V>> states() {
        return states;
    }

    long refused() {
        return refused;
    }
}
