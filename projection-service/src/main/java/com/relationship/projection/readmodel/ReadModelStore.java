package com.relationship.projection.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import static com.relationship.projection.readmodel.ReadModelDocuments.DEAD_LETTER_COUNT;
import static com.relationship.projection.readmodel.ReadModelDocuments.FINGERPRINT;
import static com.relationship.projection.readmodel.ReadModelDocuments.ID;
import static com.relationship.projection.readmodel.ReadModelDocuments.NEXT_CHANGE_AT;
import static com.relationship.projection.readmodel.ReadModelDocuments.PARKED_COUNT;
import static com.relationship.projection.readmodel.ReadModelDocuments.VERSION;

/**
 * One read model's collection: one document per account, written with optimistic concurrency
 * (two instances can both hold a partition for a moment during a rebalance).
 * <p>
 * Queries are flat {@link Document}s, never {@code Filters.and}: the driver renders {@code and} as
 * {@code $and}, which no index of the embedded mongo-java-server can serve. There, the point reads
 * by {@code _id} and the compare-and-set by {@code (_id, version)} use unique indexes; the counts
 * and the pass over time scan the collection (the embedded server ignores secondary indexes), and
 * are served by the {@code parkedCount}, {@code deadLetterCount} and {@code nextChangeAt} indexes on
 * a real MongoDB. A read model's own queries (the status list, the watch list) use
 * {@link #collection()} with its own indexes ({@link #ensureIndexes}).
 */
public class ReadModelStore<V> {

    public static final String VERSION_INDEX = "id_version";
    private static final Logger log = LoggerFactory.getLogger(ReadModelStore.class);

    private final MongoCollection<Document> collection;
    private final ReadModelDocuments<V> documents;
    private final Consumer<MongoCollection<Document>> ownIndexes;
    private volatile boolean indexed;

    /** @param ownIndexes creates the read model's own query indexes (idempotent) */
    public ReadModelStore(MongoCollection<Document> collection, ReadModelDocuments<V> documents,
                          Consumer<MongoCollection<Document>> ownIndexes) {
        this.collection = collection;
        this.documents = documents;
        this.ownIndexes = ownIndexes;
    }

    /** A store of the same read model over another collection (a rebuild's shadow), with the same indexes. */
    public ReadModelStore<V> on(MongoCollection<Document> other) {
        return new ReadModelStore<>(other, documents, ownIndexes);
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    public ReadModelDocuments<V> documents() {
        return documents;
    }

    /** The stored state and its version, or empty if the account has no document yet. */
    public Optional<Versioned<V>> load(UUID accountId) {
        Document doc = collection.find(new Document(ID, accountId.toString())).first();
        return Optional.ofNullable(doc).map(d -> new Versioned<>(documents.stateOf(d), documents.versionOf(d)));
    }

    /** {@link #load} of several accounts in one query; an account without a document is not in the map. */
    public Map<UUID, Versioned<V>> loadAll(Collection<UUID> accountIds) {
        Map<UUID, Versioned<V>> loaded = new HashMap<>();
        List<String> ids = accountIds.stream().map(UUID::toString).toList();
        for (Document doc : collection.find(new Document(ID, new Document("$in", ids)))) {
            loaded.put(UUID.fromString(doc.getString(ID)), new Versioned<>(documents.stateOf(doc), documents.versionOf(doc)));
        }
        return loaded;
    }

    /**
     * {@link #compareAndSet} of several accounts in one unordered bulk write: each a first insert
     * ({@code expectedVersion} 0) or a replace of the expected version. True when every one was
     * written; false when any was not (a duplicate insert, a replace that matched nothing), and then
     * nothing says which: the caller goes back to writing account by account, from what is stored.
     */
    public boolean compareAndSetAll(List<PendingWrite<V>> writes) {
        ensureIndexes();
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        int replaces = 0;
        for (PendingWrite<V> write : writes) {
            Document next = documents.toDocument(write.accountId(), write.state(), write.expectedVersion() + 1);
            if (write.expectedVersion() == 0) {
                models.add(new InsertOneModel<>(next));
            } else {
                models.add(new ReplaceOneModel<>(new Document(ID, write.accountId().toString())
                        .append(VERSION, write.expectedVersion()), next));
                replaces++;
            }
        }
        if (models.isEmpty()) {
            return true;
        }
        try {
            return collection.bulkWrite(models, new BulkWriteOptions().ordered(false)).getMatchedCount() == replaces;
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    /** One account's write of a batch: its new state over the version it was read at. */
    public record PendingWrite<V>(UUID accountId, long expectedVersion, ProjectionState<V> state) {
    }

    /** The account's view as served (stale while letters are outstanding), if it has one yet. */
    public Optional<V> findVisible(UUID accountId) {
        Document doc = collection.find(new Document(ID, accountId.toString())).first();
        return Optional.ofNullable(doc).map(documents::visibleViewOf);
    }

    /**
     * The ids of the accounts time may have changed by {@code now}: due ({@code nextChangeAt <= now}),
     * or written under another {@link ReadModel#fingerprint} than {@code fingerprint}; by id, from after
     * {@code after} (null: from the first).
     */
    public List<UUID> due(Instant now, String fingerprint, UUID after, int limit) {
        return due(now, fingerprint, after, limit, false);
    }

    /**
     * {@link #due}, and with {@code everyDocument} also the documents written with no fingerprint at all (a
     * collection older than fingerprints): that one reads every document, so a pass asks it once per process.
     */
    public List<UUID> due(Instant now, String fingerprint, UUID after, int limit, boolean everyDocument) {
        ensureIndexes();
        // Flat queries, merged by id, rather than one $or: an index serves each (the nextChangeAt and fingerprint
        // ranges, on a real MongoDB and on the embedded server's ordered index); $or is always a scan there, and so is
        // $ne, which on the embedded server read every document of the collection under its lock every pass (seconds
        // at 100,000 accounts, and every other request to the collection waited). "Another fingerprint" is the two
        // ranges either side of this one.
        // Stored rounded up, compared with now rounded down: never due before its instant, at most 1 ms late.
        List<Document> filters = new ArrayList<>(List.of(
                new Document(NEXT_CHANGE_AT, new Document("$lte", Date.from(now.truncatedTo(ChronoUnit.MILLIS)))),
                new Document(FINGERPRINT, new Document("$lt", fingerprint)),
                new Document(FINGERPRINT, new Document("$gt", fingerprint))));
        if (everyDocument) {
            filters.add(new Document(FINGERPRINT, new Document("$ne", fingerprint)));
        }
        TreeSet<String> ids = new TreeSet<>();
        for (Document filter : filters) {
            if (after != null) {
                filter.append(ID, new Document("$gt", after.toString()));
            }
            collection.find(filter).projection(new Document(ID, 1)).sort(new Document(ID, 1)).limit(limit)
                    .forEach(d -> ids.add(d.getString(ID)));
        }
        return ids.stream().limit(limit).map(UUID::fromString).toList();
    }

    /**
     * Makes the accounts due at {@code now}, for something their events do not carry that changed what the model
     * reckons (an account's value tier): the next pass over time moves each. Only the due instant is written, not
     * the version: a write of the pipeline racing it replaces it with the instant it reckoned, which is harmless
     * when it already read the change and is made due again by whoever reads it later.
     */
    public void markDue(java.util.Collection<UUID> accountIds, Instant now) {
        if (accountIds.isEmpty()) {
            return;
        }
        collection.updateMany(new Document(ID, new Document("$in", accountIds.stream().map(UUID::toString).toList())),
                new Document("$set", new Document(NEXT_CHANGE_AT, Date.from(now.truncatedTo(ChronoUnit.MILLIS)))));
    }

    /**
     * Writes the state if the stored version is still {@code expectedVersion} (0 = no document yet).
     * <p>
     * A lost compare-and-set normally means another writer got there first. But when the document
     * is still at {@code expectedVersion} right after the write lost, nobody else wrote: the unique
     * {@code (_id, version)} index that serves the filter on the embedded server is out of step with
     * the documents (a crash of its H2 store once persisted one without the other, and every retry
     * then lost forever). Then the index is rebuilt from the documents and the write tried again; if
     * it still loses, it is written with a filter no secondary index can serve (the embedded server
     * matches it against the documents themselves). Either way it stays a compare-and-set.
     *
     * @return {@link WriteResult#CONFLICT} if another writer got there first: reload and try again
     */
    public WriteResult compareAndSet(UUID accountId, long expectedVersion, ProjectionState<V> state) {
        ensureIndexes();
        Document next = documents.toDocument(accountId, state, expectedVersion + 1);
        if (expectedVersion == 0) {
            try {
                collection.insertOne(next);
                return WriteResult.WRITTEN;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return WriteResult.CONFLICT;
                }
                throw e;
            }
        }
        Document filter = new Document(ID, accountId.toString()).append(VERSION, expectedVersion);
        if (replace(filter, next)) {
            return WriteResult.WRITTEN;
        }
        if (storedVersion(accountId) != expectedVersion) {
            return WriteResult.CONFLICT;
        }
        log.error("Account {} is still at version {} after its compare-and-set lost: the index {} of {} is out of step "
                + "with the documents (an interrupted write of the store); rebuilding it", accountId, expectedVersion,
                VERSION_INDEX, collection.getNamespace());
        rebuildVersionIndex();
        if (replace(filter, next)) {
            return WriteResult.WRITTEN_AFTER_REPAIR;
        }
        // $eq is an operator: no compound unique index of the embedded server takes it, so the server
        // matches the documents themselves (a scan there; the _id index on a real MongoDB).
        Document unindexed = new Document(ID, accountId.toString()).append(VERSION, new Document("$eq", expectedVersion));
        if (replace(unindexed, next)) {
            log.error("Account {}: written with an unindexed compare-and-set after the index rebuild did not help",
                    accountId);
            return WriteResult.WRITTEN_AFTER_REPAIR;
        }
        return storedVersion(accountId) == expectedVersion ? WriteResult.STUCK : WriteResult.CONFLICT;
    }

    private boolean replace(Document filter, Document next) {
        try {
            return collection.replaceOne(filter, next).getMatchedCount() == 1;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // A stale index entry holds the next version: as good as lost, and checked by the caller.
                log.warn("Compare-and-set of {} hit a duplicate key: {}", filter, e.getError().getMessage());
                return false;
            }
            throw e;
        }
    }

    private long storedVersion(UUID accountId) {
        Document doc = collection.find(new Document(ID, accountId.toString())).projection(new Document(VERSION, 1)).first();
        return doc == null ? 0 : documents.versionOf(doc);
    }

    /** Drops and recreates the compare-and-set index, so it is built again from the documents. */
    public void rebuildVersionIndex() {
        try {
            collection.dropIndex(VERSION_INDEX);
        } catch (MongoCommandException e) {
            log.warn("Could not drop index {} of {}: {}", VERSION_INDEX, collection.getNamespace(), e.getErrorMessage());
        }
        collection.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name(VERSION_INDEX));
    }

    /**
     * How many accounts have messages on the dead-letter topic not yet re-driven. A scan on the
     * embedded server; served by the {@code deadLetterCount} index on a real MongoDB.
     */
    public long countStale() {
        return collection.countDocuments(new Document(DEAD_LETTER_COUNT, new Document("$gt", 0)));
    }

    /**
     * The events parked across all accounts, for the gauge. A scan on the embedded server; on a real
     * MongoDB the {@code parkedCount} index keeps it to the few accounts with a gap.
     */
    public long countParked() {
        Document sum = collection.aggregate(List.of(
                new Document("$match", new Document(PARKED_COUNT, new Document("$gt", 0))),
                new Document("$group", new Document(ID, null).append("n", new Document("$sum", "$" + PARKED_COUNT)))))
                .first();
        return sum == null ? 0 : sum.get("n", Number.class).longValue();
    }

    /**
     * Idempotent, and retried on the next write if MongoDB was down at the first one (so the service
     * starts, unready, without it). The unique {@code (_id, version)} index is redundant on a real
     * MongoDB (the {@code _id} index finds the document) but is the only way the embedded server can
     * serve the compare-and-set filter without a scan: its unique indexes take exact-key equality only.
     */
    public void ensureIndexes() {
        if (indexed) {
            return;
        }
        collection.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name(VERSION_INDEX));
        collection.createIndex(Indexes.ascending(PARKED_COUNT), new IndexOptions().name("parkedCount"));
        collection.createIndex(Indexes.ascending(DEAD_LETTER_COUNT), new IndexOptions().name("deadLetterCount"));
        collection.createIndex(Indexes.ascending(NEXT_CHANGE_AT), new IndexOptions().name("nextChangeAt"));
        collection.createIndex(Indexes.ascending(FINGERPRINT), new IndexOptions().name("fingerprint"));
        ownIndexes.accept(collection);
        indexed = true;
        log.info("Indexes of {} are in place", collection.getNamespace());
    }

    public record Versioned<V>(ProjectionState<V> state, long version) {
    }

    public enum WriteResult {
        /** Written. */
        WRITTEN,
        /** Another writer got there first: reload and decide again. */
        CONFLICT,
        /** Written, but only after repairing the compare-and-set index (counted and alerted by the caller). */
        WRITTEN_AFTER_REPAIR,
        /** Not written although nobody else writes the account: the store refuses it; retry later, and alert. */
        STUCK;

        public boolean written() {
            return this == WRITTEN || this == WRITTEN_AFTER_REPAIR;
        }
    }
}
