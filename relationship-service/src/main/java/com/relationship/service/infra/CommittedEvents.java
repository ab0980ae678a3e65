package com.relationship.service.infra;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;

/**
 * The event store as the relay reads it: only what a majority of the replica set has written (read
 * concern {@code majority}). Read "local", an event the primary applied but a majority had not yet
 * could be on the topic within milliseconds and then be rolled back from the store by a failover,
 * leaving a published event the history does not hold. The tracking query reads the same way (see
 * {@link StreamsReadCommitted}); the command path keeps reading its own writes as before.
 *
 * <p>On a single node, the embedded MongoDB included, majority-committed and local are the same.
 */
public final class CommittedEvents {

    private final MongoTemplate template;
    private final EventStorageEngine engine;

    CommittedEvents(MongoTemplate majorityReads, EventStorageEngine engine) {
        this.template = majorityReads;
        this.engine = engine;
    }

    /** The event collection, every read of it majority-committed. */
    public MongoCollection<Document> eventCollection() {
        return template.eventCollection();
    }

    /** The account's stored events from this sequence on, upcast, as a majority has them. */
    public DomainEventStream readEvents(String account, long fromSequence) {
        return engine.readEvents(account, fromSequence);
    }

    EventStorageEngine engine() {
        return engine;
    }
}
