package com.relationship.projection.status;

import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.ProjectionState;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import com.mongodb.client.MongoClient;
import com.relationship.projection.TestMongo;
import com.mongodb.client.MongoCollection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountOwnerAssigned;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.readmodel.ReadModelStore.WriteResult;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The compare-and-set and the queries against a real Mongo-protocol server (embedded by default). */
class AccountStatusStoreTest {

    private static final MongoClient client = TestMongo.client();
    private final EventOrdering<StatusView> projection = new EventOrdering<>(new AccountStatusModel("account_status", null));
    private MongoCollection<Document> collection;
    private ReadModelStore<StatusView> store;
    private AccountStatusStore queries;

    @BeforeEach
    void emptyCollection() {
        collection = client.getDatabase("store_test").getCollection("account_status_" + UUID.randomUUID());
        store = new ReadModelStore<>(collection, new ReadModelDocuments<>(new AccountStatusModel("account_status", null), new AccountEventCodec()), AccountStatusModel::ensureQueryIndexes);
        queries = new AccountStatusStore(store);
    }

    /**
     * Every filter of the list has an index that yields its page in the list's order (name, then id)
     * and counts its matches alone: the stage, the KAM stage, both, or none.
     */
    @Test
    void theListHasAnIndexInItsOrderForEachOfItsFilters() {
        store.ensureIndexes();
        java.util.List<Document> keys = new java.util.ArrayList<>();
        collection.listIndexes().forEach(index -> keys.add(index.get("key", Document.class)));
        assertThat(keys).contains(new Document("name", 1).append("_id", 1),
                new Document("stage", 1).append("name", 1).append("_id", 1),
                new Document("kamStage", 1).append("name", 1).append("_id", 1),
                new Document("stage", 1).append("kamStage", 1).append("name", 1).append("_id", 1));
    }

    @Test
    void compareAndSetWinsOnceThenNeedsTheNewVersion() {
        AccountHistory history = AccountHistory.registered(UUID.randomUUID(), "Acme")
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        UUID id = history.accountId();
        ProjectionState<StatusView> registered = projection.handle(ProjectionState.<StatusView>empty(), history.get(0)).state();
        ProjectionState<StatusView> customer = projection.handle(registered, history.get(1)).state();

        assertThat(store.compareAndSet(id, 0, registered)).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.compareAndSet(id, 0, registered)).as("second insert loses").isEqualTo(WriteResult.CONFLICT);
        assertThat(store.compareAndSet(id, 1, customer)).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.compareAndSet(id, 1, customer)).as("stale version loses").isEqualTo(WriteResult.CONFLICT);

        assertThat(store.load(id)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.state()).isEqualTo(customer);
        });
        assertThat(queries.findStatus(id)).contains(customer.view().status());
    }

    @Test
    void listsCountsAndParkedEvents() {
        AccountStatus prospect = save(AccountHistory.registered(UUID.randomUUID(), "Beta"), 0);
        AccountStatus keyAccount = save(AccountHistory.registered(UUID.randomUUID(), "Alpha")
                .then(id -> new KeyAccountDesignated(id, "Potential")), 1);
        AccountHistory parkedOnly = AccountHistory.registered(UUID.randomUUID(), "Gamma")
                .then(id -> new KeyAccountDesignated(id, "Potential"));
        store.compareAndSet(parkedOnly.accountId(), 0, projection.handle(ProjectionState.<StatusView>empty(), parkedOnly.get(1)).state());

        assertThat(queries.list(null, null, 0, 10)).containsExactly(keyAccount, prospect);
        assertThat(queries.list(null, null, 1, 1)).containsExactly(prospect);
        assertThat(queries.count(null, null)).isEqualTo(2);
        assertThat(queries.list(LifecycleStage.PROSPECT, KamStage.PRE_KAM, 0, 10)).containsExactly(keyAccount);
        assertThat(queries.count(LifecycleStage.CUSTOMER, null)).isZero();
        assertThat(queries.findStatus(parkedOnly.accountId())).isEmpty();
        assertThat(store.countParked()).isEqualTo(1);
    }

    /** Issue 28: the lists take the owner's subject; an account with no owner is nobody's. */
    @Test
    void theListsFilterByTheOwnersSubject() {
        AccountStatus alices = save(AccountHistory.registered(UUID.randomUUID(), "Alpha")
                .then(id -> new AccountOwnerAssigned(id, "alice", OwnerKind.HUNTER, "new logo")), 1);
        AccountStatus bobs = save(AccountHistory.registered(UUID.randomUUID(), "Beta")
                .then(id -> new AccountOwnerAssigned(id, "alice", OwnerKind.HUNTER, "new logo"))
                .then(id -> new AccountOwnerAssigned(id, "bob", OwnerKind.DEVELOPER, "won: grow it")), 2);
        AccountStatus nobodys = save(AccountHistory.registered(UUID.randomUUID(), "Gamma"), 0);

        assertThat(queries.list(null, null, "alice", 0, 10)).containsExactly(alices);
        assertThat(queries.count(null, null, "alice")).isEqualTo(1);
        assertThat(queries.list(LifecycleStage.PROSPECT, null, "bob", 0, 10)).containsExactly(bobs);
        assertThat(queries.count(LifecycleStage.CUSTOMER, null, "bob")).isZero();
        assertThat(queries.list(null, null, null, 0, 10)).containsExactly(alices, bobs, nobodys);
        assertThat(queries.findStatus(bobs.accountId()).orElseThrow().owner().subject()).isEqualTo("bob");
    }

    /** The latest profitability decision is stored and read back as it was folded. */
    @Test
    void theProfitabilityDecisionIsStoredAndReadBack() {
        AccountStatus converting = save(AccountHistory.registered(UUID.randomUUID(), "Delta")
                .then(id -> new com.relationship.contracts.events.ProfitabilityDecided(id,
                        com.relationship.contracts.account.ProfitabilityDecision.CONVERT,
                        java.util.List.of(com.relationship.contracts.account.ConversionLever.RAISE_PRICES,
                                com.relationship.contracts.account.ConversionLever.REMOVE_DISCOUNTS), "loses money")), 1);

        AccountStatus read = queries.findStatus(converting.accountId()).orElseThrow();
        assertThat(read).isEqualTo(converting);
        assertThat(read.profitability().levers()).containsExactly(
                com.relationship.contracts.account.ConversionLever.RAISE_PRICES,
                com.relationship.contracts.account.ConversionLever.REMOVE_DISCOUNTS);
    }

    /** The watch list of one owner: only the accounts that can churn, and only theirs. */
    @Test
    void theWatchListFiltersByTheOwnersSubject() {
        UUID alices = stored(AccountHistory.registered(UUID.randomUUID(), "Customer Ltd")
                .then(id -> new com.relationship.contracts.events.PurchaseRecorded(id, UUID.randomUUID(),
                        new java.math.BigDecimal("10.00"), "EUR", java.time.Instant.parse("2026-01-02T00:00:00Z"), "parts"))
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER))
                .then(id -> new AccountOwnerAssigned(id, "alice", OwnerKind.DEVELOPER, "grow it")));
        stored(AccountHistory.registered(UUID.randomUUID(), "Other Ltd")
                .then(id -> new com.relationship.contracts.events.PurchaseRecorded(id, UUID.randomUUID(),
                        new java.math.BigDecimal("10.00"), "EUR", java.time.Instant.parse("2026-01-02T00:00:00Z"), "parts"))
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER)));

        assertThat(queries.watchList(null, null, null, "alice", AccountStatusStore.WatchOrder.SCORE, 50))
                .extracting(AccountStatus::accountId).containsExactly(alices);
        assertThat(queries.countWatched(null, null, null, "alice")).isEqualTo(1);
        assertThat(queries.countWatched(null, null, null, null)).isEqualTo(2);
        assertThat(queries.countWatched(null, null, null, "bob")).isZero();
        ChurnBand band = queries.findStatus(alices).orElseThrow().churnBand();
        long inBand = queries.watchList(band, null, null, null, AccountStatusStore.WatchOrder.SCORE, 50).size();
        assertThat(queries.countWatched(band, null, null, null)).as("a band's total, counted stage by stage")
                .isEqualTo(inBand).isPositive();
        assertThat(queries.countWatched(band, LifecycleStage.PROSPECT, null, null)).as("a prospect cannot churn").isZero();
    }

    private AccountStatus save(AccountHistory history, int upTo) {
        ProjectionState<StatusView> state = ProjectionState.<StatusView>empty();
        for (int sequence = 0; sequence <= upTo; sequence++) {
            state = projection.handle(state, history.get(sequence)).state();
        }
        assertThat(store.compareAndSet(history.accountId(), 0, state).written()).isTrue();
        return state.view().status();
    }

    /**
     * The watch list holds the accounts that can churn (issue 27): a CUSTOMER is on it; a PROSPECT (its
     * risk is a pipeline question) and a LAPSED account (lost already) are not, whatever their score.
     */
    @Test
    void theWatchListHoldsOnlyAccountsThatCanChurn() {
        UUID prospect = stored(AccountHistory.registered(UUID.randomUUID(), "Prospect Ltd"));
        UUID customer = stored(AccountHistory.registered(UUID.randomUUID(), "Customer Ltd")
                .then(id -> new com.relationship.contracts.events.PurchaseRecorded(id, UUID.randomUUID(),
                        new java.math.BigDecimal("10.00"), "EUR", java.time.Instant.parse("2026-01-02T00:00:00Z"), "parts"))
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER)));
        UUID lapsed = stored(AccountHistory.registered(UUID.randomUUID(), "Lapsed Ltd")
                .then(id -> new com.relationship.contracts.events.PurchaseRecorded(id, UUID.randomUUID(),
                        new java.math.BigDecimal("10.00"), "EUR", java.time.Instant.parse("2026-01-02T00:00:00Z"), "parts"))
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER))
                .then(id -> new com.relationship.contracts.events.AccountLapsed(id, LifecycleStage.CUSTOMER, "gone")));

        java.util.List<UUID> listed = queries.watchList(null, null, null, AccountStatusStore.WatchOrder.SCORE, 50)
                .stream().map(AccountStatus::accountId).toList();
        assertThat(listed).containsExactly(customer).doesNotContain(prospect, lapsed);
        assertThat(queries.countWatched(null, null, null)).isEqualTo(1);
        assertThat(queries.watchList(null, LifecycleStage.LAPSED, null, AccountStatusStore.WatchOrder.SCORE, 50))
                .as("asked for a stage that cannot churn").isEmpty();
        assertThat(queries.countWatched(null, LifecycleStage.PROSPECT, null)).isZero();
        AccountStatus lapsedStatus = queries.findStatus(lapsed).orElseThrow();
        assertThat(queries.watchList(lapsedStatus.churnBand(), null, null, AccountStatusStore.WatchOrder.SCORE, 50))
                .extracting(AccountStatus::accountId).doesNotContain(lapsed);
    }

    /** Folds and stores the whole history; answers its account. */
    private UUID stored(AccountHistory history) {
        ProjectionState<StatusView> state = ProjectionState.empty();
        for (int i = 0; i < history.events().size(); i++) {
            state = projection.handle(state, history.get(i)).state();
        }
        assertThat(store.compareAndSet(history.accountId(), 0, state)).isEqualTo(WriteResult.WRITTEN);
        return history.accountId();
    }
}
