package com.relationship.service.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * The highest sequence of each account that Kafka has acknowledged at least once, in collection
 * {@value #COLLECTION} ({@code {_id: accountId, sequence}}) beside the event store. It is what lets
 * the relay notice an event it never saw (a commit that became visible after the tracking query had
 * moved past it) and publish it before the account's later events. Only ever raised ({@code $max}),
 * so two publishers never move it back. Queried by {@code _id} only: the embedded MongoDB serves
 * nothing else from an index.
 */
@Component
class RelayPositions {

    static final String COLLECTION = "relay_positions";
    private static final String KEPT_SINCE = "positions-kept-since";

    private final MongoCollection<Document> positions;
    private volatile boolean markerWritten;

    RelayPositions(MongoClient client, MongoTemplate axonMongoTemplate) {
        String database = axonMongoTemplate.eventCollection().getNamespace().getDatabaseName();
        this.positions = client.getDatabase(database).getCollection(COLLECTION);
    }

    /** The acknowledged position of each of these accounts that has one. */
    Map<String, Long> of(Collection<String> accounts) {
        Map<String, Long> found = new HashMap<>();
        if (accounts.isEmpty()) {
            return found;
        }
        Document query = accounts.size() == 1
                ? new Document("_id", accounts.iterator().next())
                : new Document("_id", new Document("$in", List.copyOf(accounts)));
        for (Document position : positions.find(query)) {
            found.put(position.getString("_id"), ((Number) position.get("sequence")).longValue());
        }
        return found;
    }

    /** Every account's acknowledged position. */
    Map<String, Long> all() {
        Map<String, Long> found = new HashMap<>();
        for (Document position : positions.find()) {
            if (position.get("sequence") instanceof Number sequence) {
                found.put(position.getString("_id"), sequence.longValue());
            }
        }
        return found;
    }

    /**
     * Since when positions are kept (in the event store's timestamp format), recorded before the first
     * position and never changed: an account without a position whose events are all older was published
     * by a relay that kept none (before an upgrade). Any event created later is younger, even a late commit.
     */
    String keptSince() {
        Document marker = new Document("_id", KEPT_SINCE);
        positions.updateOne(marker, new Document("$setOnInsert", new Document("at", formatInstant(Instant.now()))),
                new UpdateOptions().upsert(true));
        return positions.find(marker).first().getString("at");
    }

    /** Raises each account's position to the given sequence (never lowers it). */
    void advance(Map<String, Long> acknowledged) {
        if (!acknowledged.isEmpty() && !markerWritten) {
            keptSince();
            markerWritten = true;
        }
        acknowledged.forEach((account, sequence) -> positions.updateOne(new Document("_id", account),
                new Document("$max", new Document("sequence", sequence)), new UpdateOptions().upsert(true)));
    }
}
