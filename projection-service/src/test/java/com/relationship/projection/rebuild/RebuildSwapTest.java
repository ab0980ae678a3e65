package com.relationship.projection.rebuild;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.projection.ingest.ReadModelListeners;
import com.relationship.projection.ingest.ReadModelPipeline;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.projection.status.AccountHistory;
import com.relationship.projection.status.StatusView;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

/**
 * A rebuild's swap is one step per read model, whole or undone, whatever fails (issue 33): each of its
 * steps is failed here in turn (the outside calls go through {@link SwapSteps}, a spy), and the read
 * model must be as it was, with the offsets its listener goes on from, and a second swap must work.
 * A swap never installs a shadow a later rebuild is writing, writers wait while it runs, and a
 * compare-and-set that read the live collection loses against the swapped-in one. Topics, group and
 * database are this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RebuildSwapTest {

    private static final Infrastructure infra = TestInfrastructure.shared();
    private static final String EVENTS = "rebuild-swap.account-events";
    private static final String STATUS = "account-status";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AccountEventCodec codec = new AccountEventCodec();
    private static KafkaProducer<String, byte[]> producer;

    @MockitoSpyBean
    SwapSteps steps;

    @Autowired
    Rebuilds rebuilds;

    @Autowired
    ReadModelListeners listeners;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<org.springframework.kafka.transaction.KafkaTransactionManager<?, ?>>
            transactionManager;

    private final List<UUID> accounts = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.createTopic(EVENTS, 3, false);
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("rebuild_swap"));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> "rebuild-swap");
        registry.add("projection.topics.events", () -> EVENTS);
        registry.add("projection.topics.status", () -> "rebuild-swap.account-status");
        registry.add("projection.topics.churn-risk", () -> "rebuild-swap.churn-risk");
        registry.add("projection.topics.dead-letter", () -> EVENTS + ".DLT");
        registry.add("projection.topics.status-partitions", () -> "3");
        registry.add("projection.topics.dead-letter-partitions", () -> "3");
        registry.add("projection.time.initial-delay", () -> "1h");
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    /** Three accounts, registered and with one purchase each, applied by the live status read model. */
    @BeforeEach
    void seed() throws Exception {
        for (int i = 0; i < 3; i++) {
            UUID account = UUID.randomUUID();
            AccountHistory history = AccountHistory.registered(account, "Swap " + i)
                    .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("10.00"), "EUR",
                            Instant.parse("2026-01-10T00:00:00Z"), "Licence"));
            for (EnvelopedAccountEvent event : history.events()) {
                send(event);
            }
            accounts.add(account);
        }
        await().atMost(WAIT).until(() -> accounts.stream().allMatch(account -> status(account) != null
                && status(account).lastAppliedSequence() == 1));
    }

    @AfterEach
    void noFaults() {
        Mockito.reset(steps);
    }

    @Test
    void whenKafkaRefusesTheOffsetsNothingIsSwappedAndASecondSwapWorks() throws Exception {
        UUID corrupted = corruptOne();
        String id = rebuiltStatus();
        Map<TopicPartition, OffsetAndMetadata> before = committedOffsets();
        doThrow(new IllegalStateException("Kafka is away")).when(steps).setOffsets(anyString(), anyMap());

        assertThatThrownBy(() -> rebuilds.swap(id)).hasMessageContaining("Nothing of " + STATUS + " was swapped");

        assertThat(status(corrupted).purchaseCount()).as("the live collection is still the live one").isEqualTo(999);
        assertThat(committedOffsets()).as("the group's offsets are as they were").isEqualTo(before);
        assertThat(listenerRunning()).isTrue();
        Mockito.reset(steps);
        rebuilds.swap(id);
        assertThat(status(corrupted).purchaseCount()).as("repaired by the second swap").isEqualTo(1);
        assertFoldsOnTop(corrupted);
    }

    @Test
    void whenTheShadowCannotTakeTheLiveNameTheLiveCollectionAndTheOffsetsArePutBack() throws Exception {
        UUID corrupted = corruptOne();
        String id = rebuiltStatus();
        Map<TopicPartition, OffsetAndMetadata> before = committedOffsets();
        String live = pipeline().model().collection();
        doThrow(new IllegalStateException("MongoDB refused the rename")).when(steps).rename(startsWith(live + "_rebuild"), eq(live));

        assertThatThrownBy(() -> rebuilds.swap(id)).hasMessageContaining("Nothing of " + STATUS + " was swapped");

        assertThat(status(corrupted)).as("the live collection is back under its name").isNotNull();
        assertThat(status(corrupted).purchaseCount()).isEqualTo(999);
        assertThat(committedOffsets()).as("the group's offsets are put back").isEqualTo(before);
        assertThat(listenerRunning()).isTrue();
        Mockito.reset(steps);
        rebuilds.swap(id);
        assertThat(status(corrupted).purchaseCount()).isEqualTo(1);
        assertFoldsOnTop(corrupted);
    }

    @Test
    void aRebuildIsNotSwappedOnceALaterOneHasStartedRunningOrDone() throws Exception {
        String first = rebuiltStatus();
        String second = rebuilds.start(List.of(STATUS)).id();
        assertThatThrownBy(() -> rebuilds.swap(first)).as("while the later one runs, or after it")
                .isInstanceOf(RebuildProblem.class).hasMessageContaining(second);
        awaitCompleted(second);
        assertThatThrownBy(() -> rebuilds.swap(first)).isInstanceOf(RebuildProblem.class)
                .hasMessageContaining("swap " + second + " instead");
        assertThat(rebuilds.swap(second).swap()).isNotNull();
    }

    @Test
    void writersWaitWhileTheCollectionUnderTheNameChanges() throws Exception {
        String id = rebuiltStatus();
        CountDownLatch renaming = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        doAnswer(call -> {
            if (first.getAndSet(false)) {
                renaming.countDown();
                goOn.await(30, TimeUnit.SECONDS);
            }
            return call.callRealMethod();
        }).when(steps).rename(anyString(), anyString());
        CompletableFuture<RebuildReport> swap = CompletableFuture.supplyAsync(() -> rebuilds.swap(id));
        await().atMost(WAIT).until(() -> renaming.getCount() == 0 || swap.isDone());
        assertThat(swap).as("the swap is held at its first rename, not finished or refused").isNotDone();

        // A pass over time, as TimePasses runs it (in a Kafka transaction: a changed status is published):
        // reads the document, then writes it by compare-and-set.
        org.springframework.transaction.support.TransactionTemplate inTransaction =
                new org.springframework.transaction.support.TransactionTemplate(transactionManager.getObject());
        CompletableFuture<Boolean> pass = CompletableFuture.supplyAsync(() -> inTransaction.execute(status ->
                pipeline().advance(accounts.get(0), Instant.now().plus(Duration.ofDays(400)))));
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> !pass.isDone());
        goOn.countDown();
        assertThat(swap.get(30, TimeUnit.SECONDS).swap()).isNotNull();
        pass.get(30, TimeUnit.SECONDS);
        assertThat(status(accounts.get(0))).as("written to the swapped-in collection").isNotNull();
    }

    @Test
    void aMemberStillLeavingTheGroupAfterTheListenerStoppedIsWaitedForNotTakenForAnotherInstance() {
        String id = rebuiltStatus();
        String group = listeners.groupOf(STATUS);
        // As the coordinator answers for a listener stopped while it was joining: a member until its session ends.
        Mockito.doReturn(1, 1, 0).when(steps).members(group);

        assertThat(rebuilds.swap(id).swap()).isNotNull();
        Mockito.verify(steps, Mockito.times(3)).members(group);
    }

    @Test
    void aCompareAndSetThatReadTheLiveDocumentLosesAgainstTheSwappedInOne() throws Exception {
        UUID account = UUID.randomUUID(); // one event, one write: its live document is at version 1
        send(AccountHistory.registered(account, "Written once").get(0));
        await().atMost(WAIT).until(() -> status(account) != null);
        String id = rebuiltStatus();
        ReadModelStore.Versioned<?> readBefore = pipeline().store().load(account).orElseThrow();
        rebuilds.swap(id);

        @SuppressWarnings({"unchecked", "rawtypes"})
        ReadModelStore.WriteResult written = ((ReadModelStore) pipeline().store())
                .compareAndSet(account, readBefore.version(), readBefore.state());
        assertThat(written).as("version " + readBefore.version() + " was the live document's").isEqualTo(
                ReadModelStore.WriteResult.CONFLICT);
    }

    private ReadModelPipeline<?> pipeline() {
        return listeners.pipeline(STATUS).orElseThrow();
    }

    private AccountStatus status(UUID account) {
        return pipeline().store().load(account).map(stored -> ((StatusView) stored.state().view()).status()).orElse(null);
    }

    private UUID corruptOne() {
        UUID account = accounts.get(0);
        pipeline().store().collection().updateOne(new Document("_id", account.toString()),
                new Document("$set", new Document("purchaseCount", 999)));
        assertThat(status(account).purchaseCount()).isEqualTo(999);
        return account;
    }

    /** A rebuild of the status read model, completed. */
    private String rebuiltStatus() {
        String id = rebuilds.start(List.of(STATUS)).id();
        awaitCompleted(id);
        return id;
    }

    private void awaitCompleted(String id) {
        RebuildReport done = await().atMost(WAIT).until(() -> rebuilds.find(id).orElseThrow(),
                report -> report.state() != RebuildReport.State.RUNNING);
        assertThat(done.state()).as(String.valueOf(done.failure())).isEqualTo(RebuildReport.State.COMPLETED);
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            return admin.listConsumerGroupOffsets(listeners.groupOf(STATUS)).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private boolean listenerRunning() {
        return registry.getListenerContainer(ReadModelListeners.containerId(STATUS)).isRunning();
    }

    /** The listener goes on from the offsets the swap left: the account's next event lands on the swapped model. */
    private void assertFoldsOnTop(UUID account) throws Exception {
        send(new EnvelopedAccountEvent(UUID.randomUUID().toString(), account, 2, AccountHistory.at(2), "alice",
                "corr-2", "cmd-2", new PurchaseRecorded(account, UUID.randomUUID(), new BigDecimal("5.00"), "EUR",
                Instant.parse("2026-01-11T00:00:00Z"), "Seats")));
        await().atMost(WAIT).until(() -> status(account) != null && status(account).lastAppliedSequence() == 2);
        assertThat(status(account).purchaseCount()).isEqualTo(2);
    }

    private static void send(EnvelopedAccountEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EVENTS, event.accountId().toString(), codec.encode(event));
        record.headers().add("content-type", AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }
}
