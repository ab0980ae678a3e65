package com.relationship.projection.status;

import com.mongodb.ErrorCategory;
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
        return Optional.ofNullable(doc).filter(d -> d.getString(STAGE) != null).map(documents::statusOf);
    }

    /**
     * Writes the state if the stored version is still {@code expectedVersion} (0 = no document yet).
     *
     * @return false if another writer got there first: reload and try again
     */
    public boolean compareAndSet(UUID accountId, long expectedVersion, ProjectionState state) {
        ensureIndexes();
        Document next = documents.toDocument(accountId, state, expectedVersion + 1);
        if (expectedVersion == 0) {
            try {
                collection.insertOne(next);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        Document filter = new Document(ID, accountId.toString()).append(VERSION, expectedVersion);
        return collection.replaceOne(filter, next).getMatchedCount() == 1;
    }

    /** One page of statuses, by name then id; a full scan on the embedded server. */
    public List<AccountStatus> list(LifecycleStage stage, KamStage kamStage, int page, int size) {
        return collection.find(filter(stage, kamStage))
                .sort(new Document(NAME, 1).append(ID, 1))
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .map(documents::statusOf)
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
        collection.createIndex(Indexes.ascending(ID, VERSION), new IndexOptions().unique(true).name("id_version"));
        collection.createIndex(Indexes.ascending(STAGE, KAM_STAGE), new IndexOptions().name("stage_kamStage"));
        collection.createIndex(Indexes.ascending(KAM_STAGE), new IndexOptions().name("kamStage"));
        collection.createIndex(Indexes.ascending(PARKED_COUNT), new IndexOptions().name("parkedCount"));
        indexed = true;
        log.info("Indexes of {} are in place", collection.getNamespace());
    }

    public record Versioned(ProjectionState state, long version) {
    }
}
