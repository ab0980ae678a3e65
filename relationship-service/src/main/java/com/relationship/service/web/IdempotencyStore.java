package com.relationship.service.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * {@code Idempotency-Key}s in MongoDB (collection {@value #COLLECTION}), one document per key scope
 * ({@code _id}: actor and key): the hash of the request it was first used for, the attempt that
 * owns it, and once answered, the answer. Every read and write is by {@code _id} alone (the only
 * query mongo-java-server serves from an index); a take-over of an abandoned attempt is claimed by
 * inserting a document {@code <scope>#<attempt>}, so two retries can never both take it over.
 * {@code createdAt} carries a TTL index (real MongoDB drops expired keys; mongo-java-server ignores
 * TTL indexes, so an expired key is also treated as absent when read).
 */
@Component
class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    enum State { IN_PROGRESS, COMPLETED, UNKNOWN }

    /** A remembered answer. */
    record Response(int status, String contentType, String eTag, String location, byte[] body) {
    }

    /** What a request with a key may do. */
    sealed interface Claim {
    }

    /** This request owns the key: handle it. */
    record Owned(int attempt, boolean outcomeUnknown) implements Claim {
    }

    /** The key was answered: answer the same again. */
    record Answered(Response response) implements Claim {
    }

    /** The key belongs to another request (other body, path or method). */
    record Reused() implements Claim {
    }

    /** Another request with this key is being handled right now. */
    record Busy() implements Claim {
    }

    private final MongoCollection<Document> keys;
    private final ApiProperties properties;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean indexed;

    IdempotencyStore(MongoClient mongoClient, MongoConnectionDetails connection, ApiProperties properties) {
        String database = connection.getConnectionString().getDatabase();
        this.keys = mongoClient.getDatabase(database != null ? database : "relationship").getCollection(COLLECTION);
        this.properties = properties;
    }

    /** Claims the key for a request with this fingerprint, waiting a little for an in-flight one to finish. */
    Claim claim(String scope, String fingerprint) {
        ensureIndex();
        Instant deadline = clock.instant().plus(properties.idempotencyWait());
        while (true) {
            Instant now = clock.instant();
            if (insert(fresh(scope, fingerprint, now))) {
                return new Owned(1, false);
            }
            Document existing = keys.find(new Document("_id", scope)).first();
            if (existing == null) {
                continue; // expired and removed between our insert and read
            }
            if (existing.getDate("createdAt").toInstant().plus(properties.idempotencyKeyTtl()).isBefore(now)) {
                // Only the expired generation we read may be replaced: two requests (on two instances) that
                // both found it expired must not both own the key.
                Document expired = new Document("_id", scope).append("createdAt", existing.getDate("createdAt"));
                if (keys.replaceOne(expired, fresh(scope, fingerprint, now), new ReplaceOptions()).getMatchedCount() == 1) {
                    return new Owned(1, false);
                }
                continue; // another request renewed the key first: read it again
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return new Reused();
            }
            State state = State.valueOf(existing.getString("state"));
            int attempt = existing.getInteger("attempt");
            boolean abandoned = state == State.IN_PROGRESS && existing.getDate("startedAt").toInstant()
                    .plus(properties.idempotencyStaleAfter()).isBefore(now);
            if (state == State.COMPLETED) {
                return new Answered(response(existing.get("response", Document.class)));
            }
            if (state == State.UNKNOWN || abandoned) {
                return takeOver(scope, attempt + 1, now);
            }
            if (now.isAfter(deadline)) {
                return new Busy();
            }
            pause();
        }
    }

    void complete(String scope, int attempt, Response response) {
        keys.updateOne(new Document("_id", scope), Updates.combine(Updates.set("state", State.COMPLETED.name()),
                Updates.set("attempt", attempt), Updates.set("response", new Document("status", response.status())
                        .append("contentType", response.contentType()).append("eTag", response.eTag())
                        .append("location", response.location()).append("body", new Binary(response.body())))));
    }

    /** The attempt ended without an answer we can repeat (5xx, a lost race): a retry re-checks and re-sends. */
    void release(String scope, int attempt) {
        keys.updateOne(new Document("_id", scope), Updates.combine(
                Updates.set("state", State.UNKNOWN.name()), Updates.set("attempt", attempt)));
    }

    private Claim takeOver(String scope, int attempt, Instant now) {
        Document claim = new Document("_id", scope + "#" + attempt).append("createdAt", Date.from(now));
        if (!insert(claim)) {
            Document taken = keys.find(new Document("_id", scope + "#" + attempt)).first();
            boolean abandoned = taken != null && taken.getDate("createdAt").toInstant()
                    .plus(properties.idempotencyStaleAfter()).isBefore(now);
            // another retry took it over first, unless that one, too, died before it said so
            return abandoned ? takeOver(scope, attempt + 1, now) : new Busy();
        }
        keys.updateOne(new Document("_id", scope), Updates.combine(Updates.set("state", State.IN_PROGRESS.name()),
                Updates.set("attempt", attempt), Updates.set("startedAt", Date.from(now))));
        return new Owned(attempt, true);
    }

    private boolean insert(Document document) {
        try {
            keys.insertOne(document);
            return true;
        } catch (MongoWriteException duplicate) {
            if (duplicate.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw duplicate;
        }
    }

    private static Document fresh(String scope, String fingerprint, Instant now) {
        return new Document("_id", scope).append("fingerprint", fingerprint).append("state", State.IN_PROGRESS.name())
                .append("attempt", 1).append("startedAt", Date.from(now)).append("createdAt", Date.from(now));
    }

    private static Response response(Document stored) {
        return new Response(stored.getInteger("status"), stored.getString("contentType"), stored.getString("eTag"),
                stored.getString("location"), stored.get("body", Binary.class).getData());
    }

    private void ensureIndex() {
        if (indexed) {
            return;
        }
        Duration ttl = properties.idempotencyKeyTtl();
        try {
            keys.createIndex(Indexes.ascending("createdAt"),
                    new IndexOptions().name("expireAfterTtl").expireAfter(ttl.toSeconds(), TimeUnit.SECONDS));
        } catch (MongoCommandException conflicting) {
            // e.g. the TTL was changed (real MongoDB refuses other options for an existing index): keys are
            // still checked for expiry when read; drop the index to change its TTL
            log.warn("Could not create the TTL index on {}.createdAt: {}", COLLECTION, conflicting.getMessage());
        }
        indexed = true;
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another request with the same key",
                    interrupted);
        }
    }
}
