package com.relationship.projection.status;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.status.AccountStatus;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.relationship.projection.status.AccountStatusDocuments.DEAD_LETTER_COUNT;
import static com.relationship.projection.status.AccountStatusDocuments.ID;
import static com.relationship.projection.status.AccountStatusDocuments.KAM_STAGE;
import static com.relationship.projection.status.AccountStatusDocuments.NAME;
import static com.relationship.projection.status.AccountStatusDocuments.PARKED_COUNT;
import static com.relationship.projection.status.AccountStatusDocuments.STAGE;
import static com.relationship.projection.status.AccountStatusDocuments.VERSION;

/**
 * The account status collection: one document per account, written with optimistic concurrency
 * (two instances can both hold a partition for a moment during a rebalance).
 * <p>
 * Queries are flat {@link Document}s, never {@code Filters.and}: the driver renders {@code and} as
 * {@code $and}, which no index of the embedded mongo-java-server can serve. There, the point reads
 * by {@code _id} and the compare-and-set by {@code (_id, version)} use unique indexes; the list and
 * funnel queries scan the whole collection (the embedded server ignores secondary indexes) - fine
 * for the account counts we have, and served by the {@code stage}/{@code kamStage} indexes on a real
 * MongoDB.
 */
public class AccountStatusStore {

    static final String VERSION_INDEX = "id_version";
    private static final Logger log = LoggerFactory.getLogger(AccountStatusStore.class);

    private final MongoCollection<Document> collection;
    private final AccountStatusDocuments documents;
    private volatile boolean indexed;

    public AccountStatusStore(MongoCollection<Document> collection, AccountStatusDocuments documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /** The stored state and its version, or empty if the account has no document yet. */
    public Optional<Versioned> load(UUID accountId) {
        Document doc = collection.find(new Document(ID, accountId.toString())).first();
        return Optional.ofNullable(doc).map(d -> new Versioned(documents.stateOf(d), documents.versionOf(d)));
    }

    /** The account's status, if it has one (an account known only from parked events has none yet). */
    public Optional<AccountStatus> findStatus(UUID accountId) {
        Document doc = collection.find(new Document(ID, accountId.toString())).first();
        return Optional.ofNullable(doc).filter(d -> d.getString(STAGE) != null).map(documents::visibleStatusOf);
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
    public WriteResult compareAndSet(UUID accountId, long expectedVersion, ProjectionState state) {
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
    void rebuildVersionIndex() {
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

    /** One page of statuses, by name then id; a full scan on the embedded server. */
    public List<AccountStatus> list(LifecycleStage stage, KamStage kamStage, int page, int size) {
        return collection.find(filter(stage, kamStage))
                .sort(new Document(NAME, 1).append(ID, 1))
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .map(documents::visibleStatusOf)
                .into(new ArrayList<>());
    }

    /** How many statuses match; a full scan on the embedded server. */
    public long count(LifecycleStage stage, KamStage kamStage) {
        return collection.countDocuments(filter(stage, kamStage));
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

    private static Bson filter(LifecycleStage stage, KamStage kamStage) {
        // Flat equality; without a stage filter, skip accounts known only from parked events.
        Document filter = new Document(STAGE, stage == null ? new Document("$ne", null) : stage.name());
        if (kamStage != null) {
            filter.append(KAM_STAGE, kamStage.name());
        }
        return filter;
    }

    /**
     * Idempotent, and retried on the next write if MongoDB was down at the first one (so the service
     * starts, unready, without it). The unique {@code (_id, version)} index is redundant on a real
     * MongoDB (the {@code _id} index finds the document) but is the only way the embedded server can
     * serve the compare-and-set filter without a scan: its unique indexes take exact-key equality only.
     */
    void ensureIndexes() {
        if (indexed) {
            return;
        }
        collection.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name(VERSION_INDEX));
        collection.createIndex(Indexes.ascending(STAGE, KAM_STAGE), new IndexOptions().name("stage_kamStage"));
        collection.createIndex(Indexes.ascending(KAM_STAGE), new IndexOptions().name("kamStage"));
        collection.createIndex(Indexes.ascending(PARKED_COUNT), new IndexOptions().name("parkedCount"));
        collection.createIndex(Indexes.ascending(DEAD_LETTER_COUNT), new IndexOptions().name("deadLetterCount"));
        indexed = true;
        log.info("Indexes of {} are in place", collection.getNamespace());
    }

    public record Versioned(ProjectionState state, long version) {
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
