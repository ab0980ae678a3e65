package com.relationship.projection.status;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.projection.status.AccountStatusStore.WriteResult;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The compare-and-set and the queries against a real Mongo-protocol server (embedded by default). */
class AccountStatusStoreTest {

    private static MongoClient client;
    private final AccountProjection projection = new AccountProjection(new AccountStatusProjector());
    private MongoCollection<Document> collection;
    private AccountStatusStore store;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.shared().mongoUri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyCollection() {
        collection = client.getDatabase("store_test").getCollection("account_status_" + UUID.randomUUID());
        store = new AccountStatusStore(collection, new AccountStatusDocuments(new AccountEventCodec()));
    }

    @Test
    void compareAndSetWinsOnceThenNeedsTheNewVersion() {
        AccountHistory history = AccountHistory.registered(UUID.randomUUID(), "Acme")
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        UUID id = history.accountId();
        ProjectionState registered = projection.handle(ProjectionState.EMPTY, history.get(0)).state();
        ProjectionState customer = projection.handle(registered, history.get(1)).state();

        assertThat(store.compareAndSet(id, 0, registered)).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.compareAndSet(id, 0, registered)).as("second insert loses").isEqualTo(WriteResult.CONFLICT);
        assertThat(store.compareAndSet(id, 1, customer)).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.compareAndSet(id, 1, customer)).as("stale version loses").isEqualTo(WriteResult.CONFLICT);

        assertThat(store.load(id)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.state()).isEqualTo(customer);
        });
        assertThat(store.findStatus(id)).contains(customer.status());
    }

    @Test
    void listsCountsAndParkedEvents() {
        AccountStatus prospect = save(AccountHistory.registered(UUID.randomUUID(), "Beta"), 0);
        AccountStatus keyAccount = save(AccountHistory.registered(UUID.randomUUID(), "Alpha")
                .then(id -> new KeyAccountDesignated(id, "Potential")), 1);
        AccountHistory parkedOnly = AccountHistory.registered(UUID.randomUUID(), "Gamma")
                .then(id -> new KeyAccountDesignated(id, "Potential"));
        store.compareAndSet(parkedOnly.accountId(), 0, projection.handle(ProjectionState.EMPTY, parkedOnly.get(1)).state());

        assertThat(store.list(null, null, 0, 10)).containsExactly(keyAccount, prospect);
        assertThat(store.list(null, null, 1, 1)).containsExactly(prospect);
        assertThat(store.count(null, null)).isEqualTo(2);
        assertThat(store.list(LifecycleStage.PROSPECT, KamStage.PRE_KAM, 0, 10)).containsExactly(keyAccount);
        assertThat(store.count(LifecycleStage.CUSTOMER, null)).isZero();
        assertThat(store.findStatus(parkedOnly.accountId())).isEmpty();
        assertThat(store.countParked()).isEqualTo(1);
    }

    private AccountStatus save(AccountHistory history, int upTo) {
        ProjectionState state = ProjectionState.EMPTY;
        for (int sequence = 0; sequence <= upTo; sequence++) {
            state = projection.handle(state, history.get(sequence)).state();
        }
        assertThat(store.compareAndSet(history.accountId(), 0, state).written()).isTrue();
        return state.status();
    }
}
