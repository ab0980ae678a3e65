package com.relationship.service.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

/**
 * For tests that write stored event documents as an earlier version of the service would have
 * written them: re-chains an account's hashes with the store's own rule, so such a history is
 * intact, not tampered.
 */
public final class StoredChains {

    private StoredChains() {
    }

    public static void rechain(MongoCollection<Document> events, String account) {
        EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
        String previous = EventHash.GENESIS;
        for (Document stored : events.find(Filters.eq(fields.aggregateIdentifierProperty(), account))
                .sort(Sorts.ascending(fields.sequenceNumberProperty()))) {
            stored.remove(EventHash.FIELD);
            previous = EventHash.of(previous, stored, fields);
            events.updateOne(Filters.eq("_id", stored.get("_id")), Updates.set(EventHash.FIELD, previous));
        }
    }
}
