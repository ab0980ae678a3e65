package com.relationship.projection.status;

import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.ProjectionState;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.contracts.status.AccountStatus;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.projection.readmodel.ReadModelStore.WriteResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state issue 6 found after a crash of the embedded store: an account's document at version n
 * while the unique (_id, version) index that serves the compare-and-set has no entry for it, so every
 * compare-and-set lost "to a concurrent writer" that did not exist, forever. Reproduced by removing
 * the index entry behind the server's back (its own in-process backend, so the test can reach it).
 */
class AccountStatusStoreIndexRepairTest {

    private static final String DATABASE = "repair_test";
    private static final String COLLECTION = "account_status";

    private final EventOrdering<StatusView> projection = new EventOrdering<>(new AccountStatusModel("account_status", null));
    private MemoryBackend backend;
    private MongoServer server;
    private MongoClient client;
    private ReadModelStore<StatusView> store;

    @BeforeEach
    void start() {
        backend = new MemoryBackend();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoCollection<Document> collection = client.getDatabase(DATABASE).getCollection(COLLECTION);
        store = new ReadModelStore<>(collection, new ReadModelDocuments<>(new AccountStatusModel("account_status", null), new AccountEventCodec()), AccountStatusModel::ensureQueryIndexes);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aCompareAndSetThatLosesToNobodyRepairsTheIndexAndWrites() {
        AccountHistory history = AccountHistory.registered(UUID.randomUUID(), "Acme")
                .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("10"), "EUR",
                        Instant.parse("2026-01-10T00:00:00Z"), "Licence"))
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        UUID id = history.accountId();
        ProjectionState<StatusView> registered = projection.handle(ProjectionState.<StatusView>empty(), history.get(0)).state();
        ProjectionState<StatusView> purchased = projection.handle(registered, history.get(1)).state();
        ProjectionState<StatusView> customer = projection.handle(purchased, history.get(2)).state();
        assertThat(store.compareAndSet(id, 0, registered)).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.compareAndSet(id, 1, purchased)).isEqualTo(WriteResult.WRITTEN);

        dropIndexEntry(id, 2);
        Document filter = new Document("_id", id.toString()).append("version", 2L);
        assertThat(client.getDatabase(DATABASE).getCollection(COLLECTION).find(filter).first())
                .as("the indexed compare-and-set filter no longer finds the document").isNull();

        assertThat(store.compareAndSet(id, 2, customer)).isEqualTo(WriteResult.WRITTEN_AFTER_REPAIR);
        assertThat(store.load(id)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(3);
            assertThat(v.state()).isEqualTo(customer);
        });
        assertThat(store.compareAndSet(id, 2, customer)).as("still a compare-and-set").isEqualTo(WriteResult.CONFLICT);
        System.out.println("Index repair: a compare-and-set that lost to nobody was written after rebuilding the index");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dropIndexEntry(UUID accountId, long version) {
        AbstractMongoCollection<?> collection = (AbstractMongoCollection<?>) backend.resolveDatabase(DATABASE)
                .resolveCollection(COLLECTION, true);
        Index index = collection.getIndexes().stream().filter(i -> i.getName().equals(ReadModelStore.VERSION_INDEX))
                .findFirst().orElseThrow();
        index.remove(new de.bwaldvogel.mongo.bson.Document("_id", accountId.toString()).append("version", version));
    }
}
