package com.relationship.projection.timeline;

import com.mongodb.client.MongoCollection;
import com.relationship.projection.readmodel.ReadModelStore;
import org.bson.Document;

import java.util.Optional;
import java.util.UUID;

/** What the REST API asks of the timeline collection: one account's view, by its id. */
public class TimelineStore {

    private final ReadModelStore<TimelineView> store;

    public TimelineStore(ReadModelStore<TimelineView> store) {
        this.store = store;
    }

    public Optional<TimelineView> find(UUID accountId) {
        return store.findVisible(accountId);
    }

    /** No query beyond the point read by {@code _id}. */
    public static void ensureQueryIndexes(MongoCollection<Document> collection) {
    }
}
