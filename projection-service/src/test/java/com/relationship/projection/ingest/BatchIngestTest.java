package com.relationship.projection.ingest;

import com.mongodb.client.MongoClient;
import com.relationship.projection.TestMongo;
import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.readmodel.AppliedEventLedger;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.projection.status.AccountHistory;
import com.relationship.projection.status.AccountStatusModel;
import com.relationship.projection.status.StatusPublisher;
import com.relationship.projection.status.StatusView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * A poll's batch applied together ({@link ReadModelPipeline#ingestBatch}), against the embedded
 * MongoDB: each account's events of the batch folded in order and written once, one publish of its
 * latest view; and the cases the batch path leaves to the event-by-event path, having written
 * nothing, so that path's rules (parking, dead letters) decide them.
 */
class BatchIngestTest {

    private static final MongoClient client = TestMongo.client();
    private MongoDatabase database;
    private ReadModelStore<StatusView> store;
    private final StatusPublisher publisher = mock(StatusPublisher.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ReadModelPipeline<StatusView> pipeline;

    @BeforeEach
    void emptyDatabase() {
        database = client.getDatabase("batch_" + UUID.randomUUID().toString().substring(0, 8));
        AccountStatusModel model = new AccountStatusModel("account_status", publisher);
        store = new ReadModelStore<>(database.getCollection("account_status"),
                new ReadModelDocuments<>(model, new AccountEventCodec()), AccountStatusModel::ensureQueryIndexes);
        pipeline = new ReadModelPipeline<>(model, store, new AppliedEventLedger(database.getCollection("ledger")),
                new ProjectionMetrics(registry), new ProjectionAlerts(), () -> { }, 5);
    }

    @Test
    void eachAccountsEventsAreFoldedInOrderWrittenOnceAndPublishedOnce() {
        AccountHistory acme = purchases(AccountHistory.registered(UUID.randomUUID(), "Acme"), 3);
        AccountHistory globex = AccountHistory.registered(UUID.randomUUID(), "Globex")
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        List<EnvelopedAccountEvent> batch = interleave(acme.events(), globex.events());

        assertThat(pipeline.ingestBatch(batch)).isTrue();

        AccountStatus acmeStatus = store.load(acme.accountId()).orElseThrow().state().view().status();
        assertThat(acmeStatus.purchaseCount()).isEqualTo(3);
        assertThat(acmeStatus.lastAppliedSequence()).isEqualTo(3);
        assertThat(store.load(acme.accountId()).orElseThrow().version()).as("one write for four events").isEqualTo(1);
        assertThat(store.load(globex.accountId()).orElseThrow().state().view().status().stage())
                .isEqualTo(LifecycleStage.CUSTOMER);
        verify(publisher, times(2)).publish(any());
        assertThat(registry.find(ProjectionMetrics.APPLIED).counters().stream().mapToDouble(c -> c.count()).sum())
                .as("every event is counted as applied").isEqualTo(6);
        assertThat(database.getCollection("ledger").countDocuments()).as("every event claims its place").isEqualTo(6);

        // Redelivered with one new event: the duplicates change nothing, the new one is applied.
        AccountHistory more = purchases(acme, 1);
        assertThat(pipeline.ingestBatch(more.events())).isTrue();
        assertThat(store.load(acme.accountId()).orElseThrow().state().view().status().purchaseCount()).isEqualTo(4);
        assertThat(store.load(acme.accountId()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aBatchOfDuplicatesOnlyWritesNothingAndPublishesTheStoredViewAgain() {
        AccountHistory acme = purchases(AccountHistory.registered(UUID.randomUUID(), "Acme"), 2);
        assertThat(pipeline.ingestBatch(acme.events())).isTrue();

        assertThat(pipeline.ingestBatch(acme.events())).isTrue();

        assertThat(store.load(acme.accountId()).orElseThrow().version()).isEqualTo(1);
        verify(publisher, times(2)).publish(any()); // once applied, once republished for the redelivery
    }

    @Test
    void aGapLeavesTheBatchToTheEventByEventPathWithNothingWritten() {
        AccountHistory acme = purchases(AccountHistory.registered(UUID.randomUUID(), "Acme"), 3);
        List<EnvelopedAccountEvent> withGap = List.of(acme.get(0), acme.get(2), acme.get(3));

        assertThat(pipeline.ingestBatch(withGap)).isFalse();

        assertThat(store.load(acme.accountId())).isEmpty();
        verifyNoInteractions(publisher);
    }

    @Test
    void anotherEventAtASequenceAlreadyHeldLeavesTheBatchToTheEventByEventPath() {
        AccountHistory acme = AccountHistory.registered(UUID.randomUUID(), "Acme");
        assertThat(pipeline.ingestBatch(purchases(acme, 1).events())).isTrue();
        EnvelopedAccountEvent impostor = purchases(AccountHistory.registered(acme.accountId(), "Acme"), 1).get(1);

        assertThat(pipeline.ingestBatch(List.of(impostor))).isFalse();
        assertThat(pipeline.ingestBatch(List.of(impostor, impostor))).isFalse();

        assertThat(store.load(acme.accountId()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aWriteLostToAnotherInstanceLeavesTheBatchToTheEventByEventPath() {
        AccountHistory acme = purchases(AccountHistory.registered(UUID.randomUUID(), "Acme"), 2);
        assertThat(pipeline.ingestBatch(acme.events().subList(0, 2))).isTrue();
        // Another instance writes the account after this one read it, before its write.
        ReadModelStore<StatusView> racing = new ReadModelStore<>(store.collection(), store.documents(),
                AccountStatusModel::ensureQueryIndexes) {
            @Override
            public boolean compareAndSetAll(List<PendingWrite<StatusView>> writes) {
                store.collection().updateOne(new Document("_id", acme.accountId().toString()),
                        new Document("$inc", new Document("version", 1)));
                return super.compareAndSetAll(writes);
            }
        };
        ReadModelPipeline<StatusView> losing = new ReadModelPipeline<>(new AccountStatusModel("account_status", publisher),
                racing, new AppliedEventLedger(database.getCollection("ledger")), new ProjectionMetrics(registry),
                new ProjectionAlerts(), () -> { }, 5);

        assertThat(losing.ingestBatch(acme.events().subList(2, 3))).isFalse();

        assertThat(store.load(acme.accountId()).orElseThrow().state().lastAppliedSequence()).as("not written").isEqualTo(1);
        assertThat(registry.counter(ProjectionMetrics.CONFLICTS).count()).isEqualTo(1);
    }

    private static AccountHistory purchases(AccountHistory history, int count) {
        for (int i = 0; i < count; i++) {
            history.then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("100.00"), "EUR",
                    AccountHistory.START, "order"));
        }
        return history;
    }

    private static List<EnvelopedAccountEvent> interleave(List<EnvelopedAccountEvent> a, List<EnvelopedAccountEvent> b) {
        List<EnvelopedAccountEvent> mixed = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                mixed.add(a.get(i));
            }
            if (i < b.size()) {
                mixed.add(b.get(i));
            }
        }
        return mixed;
    }
}
