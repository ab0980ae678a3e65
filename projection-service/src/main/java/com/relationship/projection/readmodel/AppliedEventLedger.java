package com.relationship.projection.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which event id each (account, sequence) was seen with, so a redelivery (same id) and a different
 * event at a sequence already seen (another id: the write side or the relay published two facts for
 * one place in the history) are told apart. The status document keeps only the last applied
 * sequence, and a list of every applied id in it would grow with the history and be rewritten on
 * every event; one small document per event, written once, costs an insert per event instead.
 * <p>
 * {@code _id} is {@code accountId:sequence}, so the only query is a point read by {@code _id}: the
 * one key every MongoDB, the embedded mongo-java-server included, serves from its primary index.
 * The first id to claim a sequence keeps it; entries are never changed. History applied before the
 * ledger existed has no entries: the first delivery seen afterwards claims them.
 */
public class AppliedEventLedger {

    private final MongoCollection<Document> collection;

    public AppliedEventLedger(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /**
     * Records {@code eventId} for the account's {@code sequence}, unless an id is recorded already.
     *
     * @return the other event id if a different one holds this sequence; empty if the sequence is
     *         now (or already was) held by {@code eventId}
     */
    public Optional<String> claim(UUID accountId, long sequence, String eventId) {
        String key = accountId + ":" + sequence;
        try {
            collection.insertOne(new Document("_id", key).append("accountId", accountId.toString())
                    .append("sequence", sequence).append("eventId", eventId));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document held = collection.find(new Document("_id", key)).first();
        String heldId = held == null ? null : held.getString("eventId");
        return heldId == null || heldId.equals(eventId) ? Optional.empty() : Optional.of(heldId);
    }

    /**
     * {@link #claim} for a batch in at most three round trips rather than up to two per event: one
     * read of the entries already there (the read models share the ledger, so after the first of them
     * claimed a batch the others find every entry and write nothing), one unordered insert of the
     * rest, and a read of any that another reader inserted in between.
     *
     * @return whether every event now holds its (account, sequence); false when a different event
     *         holds one (the caller then claims event by event, to dead-letter that one)
     */
    public boolean claimAll(List<EnvelopedAccountEvent> events) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (EnvelopedAccountEvent event : events) {
            String previous = wanted.putIfAbsent(event.accountId() + ":" + event.sequence(), event.eventId());
            if (previous != null && !previous.equals(event.eventId())) {
                return false;
            }
        }
        Map<String, String> held = held(wanted.keySet());
        if (!agrees(held, wanted)) {
            return false;
        }
        List<Document> entries = new ArrayList<>();
        for (EnvelopedAccountEvent event : events) {
            String key = event.accountId() + ":" + event.sequence();
            if (!held.containsKey(key) && wanted.remove(key) != null) {
                entries.add(new Document("_id", key).append("accountId", event.accountId().toString())
                        .append("sequence", event.sequence()).append("eventId", event.eventId()));
            }
        }
        if (entries.isEmpty()) {
            return true;
        }
        List<String> insertedMeanwhile = new ArrayList<>();
        try {
            collection.insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                insertedMeanwhile.add(entries.get(error.getIndex()).getString("_id"));
            }
        }
        if (insertedMeanwhile.isEmpty()) {
            return true;
        }
        Map<String, String> ours = new HashMap<>();
        entries.stream().filter(entry -> insertedMeanwhile.contains(entry.getString("_id")))
                .forEach(entry -> ours.put(entry.getString("_id"), entry.getString("eventId")));
        return agrees(held(insertedMeanwhile), ours);
    }

    /** The event id held for each of the keys that has an entry. */
    private Map<String, String> held(Collection<String> keys) {
        Map<String, String> held = new HashMap<>();
        for (Document entry : collection.find(new Document("_id", new Document("$in", List.copyOf(keys))))) {
            held.put(entry.getString("_id"), entry.getString("eventId"));
        }
        return held;
    }

    /** Whether every entry held for a key holds the id wanted for it (an entry without an id agrees). */
    private static boolean agrees(Map<String, String> held, Map<String, String> wanted) {
        return held.entrySet().stream().allMatch(entry -> entry.getValue() == null
                || !wanted.containsKey(entry.getKey()) || entry.getValue().equals(wanted.get(entry.getKey())));
    }
}
