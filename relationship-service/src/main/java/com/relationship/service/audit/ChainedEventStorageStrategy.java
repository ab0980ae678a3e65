package com.relationship.service.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's document-per-event storage, with every event document chained to the one before it by
 * {@link EventHash}: the hash is computed over the documents exactly as they are inserted, in the
 * same write.
 *
 * <p>The previous hash of a batch's first event is read from the store, or taken from a small
 * cache of the last event each account committed here; a cached entry is only ever one whose
 * insert succeeded, and stored events never change, so it cannot go stale. When another
 * instance appended in between, the cached sequence is not the one before and the store is read.
 */
public class ChainedEventStorageStrategy extends DocumentPerEventStorageStrategy {

    private static final int REMEMBERED_ACCOUNTS = 10_000;

    private final EventEntryConfiguration fields;
    private final Map<String, Link> lastCommitted = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                    return size() > REMEMBERED_ACCOUNTS;
                }
            });

    public ChainedEventStorageStrategy(EventEntryConfiguration fields, Duration lookBackTime) {
        super(fields, lookBackTime);
        this.fields = fields;
    }

    private record Link(long sequence, String hash) {
    }

    @Override
    public void appendEvents(MongoCollection<Document> eventCollection, List<? extends EventMessage<?>> events,
                             Serializer serializer) {
        List<Document> documents = createEventDocuments(events, serializer).toList();
        Map<String, Link> chained = new HashMap<>();
        for (Document document : documents) {
            String account = document.getString(fields.aggregateIdentifierProperty());
            long sequence = ((Number) document.get(fields.sequenceNumberProperty())).longValue();
            Link previous = chained.get(account);
            String previousHash = previous != null && previous.sequence() == sequence - 1 ? previous.hash()
                    : previousHash(eventCollection, account, sequence);
            String hash = EventHash.of(previousHash, document, fields);
            document.put(EventHash.FIELD, hash);
            chained.put(account, new Link(sequence, hash));
        }
        eventCollection.insertMany(documents);
        lastCommitted.putAll(chained);
    }

    private String previousHash(MongoCollection<Document> eventCollection, String account, long sequence) {
        if (sequence == 0) {
            return EventHash.GENESIS;
        }
        Link cached = lastCommitted.get(account);
        if (cached != null && cached.sequence() == sequence - 1) {
            return cached.hash();
        }
        Document previous = eventCollection.find(Filters.and(Filters.eq(fields.aggregateIdentifierProperty(), account),
                Filters.eq(fields.sequenceNumberProperty(), sequence - 1))).first();
        // A missing or unhashed predecessor chains on nothing: the integrity check reports it there.
        String hash = previous == null ? null : previous.getString(EventHash.FIELD);
        return hash == null ? EventHash.GENESIS : hash;
    }
}
