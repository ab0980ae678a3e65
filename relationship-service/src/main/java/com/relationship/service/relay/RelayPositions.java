package com.relationship.service.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final MongoCollection<Document> positions;

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
            found.put(position.getString("_id"), ((Number) position.get("sequence")).longValue());
        }
        return found;
    }

    /** Raises each account's position to the given sequence (never lowers it). */
    void advance(Map<String, Long> acknowledged) {
        acknowledged.forEach((account, sequence) -> positions.updateOne(new Document("_id", account),
                new Document("$max", new Document("sequence", sequence)), new UpdateOptions().upsert(true)));
    }
}
