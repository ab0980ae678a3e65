package com.relationship.service.infra;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one storage engine Axon's event store is given, reading two ways: event streams (the relay's
 * tracking query, the only streaming processor) and their tokens only what a majority has committed
 * ({@link CommittedEvents}), so nothing a failover can roll back reaches Kafka; appends, snapshots and
 * an account's events for the aggregate as before, read "local", so a command sees the events just
 * stored for it. One event store, not two, so its own commits still wake the relay at once.
 */
final class StreamsReadCommitted implements EventStorageEngine {

    private final EventStorageEngine local;
    private final EventStorageEngine committed;

    StreamsReadCommitted(EventStorageEngine local, EventStorageEngine committed) {
        this.local = local;
        this.committed = committed;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return committed.readEvents(trackingToken, mayBlock);
    }

    @Override
    public TrackingToken createTailToken() {
        return committed.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return committed.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return committed.createTokenAt(dateTime);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        local.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        local.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return local.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return local.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return local.lastSequenceNumberFor(aggregateIdentifier);
    }
}
