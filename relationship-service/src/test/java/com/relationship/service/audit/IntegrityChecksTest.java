package com.relationship.service.audit;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.infra.embedded.EmbeddedMongo;
import com.relationship.service.audit.IntegrityCheck.BrokenAccount;
import com.relationship.service.audit.IntegrityCheck.State;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The check of every account without the service around it, on the local stack's kind of store
 * (the embedded MongoDB on file, with its ordered indexes): a store of {@value #ACCOUNTS} accounts
 * written by the service's own {@link ChainedEventStorageStrategy}, two of them tampered with, gives
 * the same answer as {@link AccountIntegrity} asked account by account; the broken list is capped;
 * one check runs at a time. The events/s of both ways are printed (figures, not assertions).
 */
class IntegrityChecksTest {

    private static final int ACCOUNTS = 2_000;
    private static final int EVENTS_PER_ACCOUNT = 10;

    @TempDir
    static Path storeDir;

    private static EmbeddedMongo embedded;
    private static MongoClient client;

    @BeforeAll
    static void startStore() {
        embedded = EmbeddedMongo.persistent(storeDir.resolve("events.mv"), 0);
        client = MongoClients.create(embedded.connectionString());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        embedded.close();
    }

    private static MongoTemplate template(String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    /** The accounts, appended as the service appends them: Axon's engine over the chained strategy. */
    private static List<String> writeAccounts(MongoTemplate template, int accounts) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().mongoTemplate(template)
                .storageStrategy(new ChainedEventStorageStrategy(EventEntryConfiguration.getDefault(),
                        Duration.ofSeconds(5)))
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()).build();
        engine.ensureIndexes();
        List<String> ids = new ArrayList<>();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            batch.add(new GenericDomainEventMessage<>("Account", id.toString(), 0,
                    new AccountRegistered(id, "Account " + a, "Software", 40, null, "EMEA", Classification.TACTICAL)));
            for (long sequence = 1; sequence < EVENTS_PER_ACCOUNT; sequence++) {
                batch.add(new GenericDomainEventMessage<>("Account", id.toString(), sequence,
                        new ReferralRecorded(id, UUID.randomUUID(), "told a peer " + sequence, null)));
            }
            if (batch.size() >= 1_000) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        engine.appendEvents(batch);
        return ids;
    }

    private static IntegrityCheck completed(IntegrityChecks checks, IntegrityCheck started) {
        await().atMost(Duration.ofMinutes(2)).until(() -> checks.find(started.checkId()).orElseThrow().state()
                != State.RUNNING);
        return checks.find(started.checkId()).orElseThrow();
    }

    private static Bson event(String id, long sequence) {
        return Filters.and(Filters.eq("aggregateIdentifier", id), Filters.eq("sequenceNumber", sequence));
    }

    @Test
    void oneSortedPassFindsWhatTheCheckOfEachAccountFinds() {
        MongoTemplate template = template("whole-store");
        List<String> ids = writeAccounts(template, ACCOUNTS);
        MongoCollection<Document> events = template.eventCollection();
        String edited = ids.get(17);
        String payload = events.find(event(edited, 4)).first().getString("serializedPayload");
        events.updateOne(event(edited, 4), Updates.set("serializedPayload", payload.replace("peer", "bear")));
        String gap = ids.get(1_234);
        events.deleteOne(event(gap, 7));

        IntegrityChecks checks = new IntegrityChecks(template);
        IntegrityCheck check = completed(checks, checks.start("adam"));

        assertThat(check.state()).isEqualTo(State.COMPLETED);
        assertThat(check.startedBy()).isEqualTo("adam");
        assertThat(check.finishedAt()).isAfterOrEqualTo(check.startedAt());
        assertThat(check.eventsInStore()).isEqualTo(ACCOUNTS * EVENTS_PER_ACCOUNT - 1L);
        assertThat(check.eventsVerified()).isEqualTo(ACCOUNTS * EVENTS_PER_ACCOUNT - 1L);
        assertThat(check.accountsVerified()).isEqualTo(ACCOUNTS);
        assertThat(check.intact()).isEqualTo(ACCOUNTS - 2);
        assertThat(check.broken()).isEqualTo(2);
        assertThat(check.brokenAccountsNotListed()).isZero();
        assertThat(check.failure()).isNull();
        assertThat(check.brokenAccounts()).extracting(BrokenAccount::accountId, BrokenAccount::brokenAt)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(edited, 4L),
                        org.assertj.core.groups.Tuple.tuple(gap, 7L));

        // The same store asked account by account: one query each, the single-account endpoint's way.
        AccountIntegrity integrity = new AccountIntegrity(template);
        long started = System.nanoTime();
        List<BrokenAccount> oneByOne = new ArrayList<>();
        for (String id : ids) {
            IntegrityReport report = integrity.verify(UUID.fromString(id));
            if (!report.intact()) {
                oneByOne.add(new BrokenAccount(id, report.brokenAt(), report.reason()));
            }
        }
        long perAccountNanos = System.nanoTime() - started;
        assertThat(check.brokenAccounts()).containsExactlyInAnyOrderElementsOf(oneByOne);
        // Measured again with the JIT warm: the first check ran in a cold JVM.
        IntegrityCheck again = completed(checks, checks.start("adam"));
        assertThat(again.brokenAccounts()).isEqualTo(check.brokenAccounts());
        System.out.printf("integrity check of %d accounts, %d events (embedded MongoDB on file): one sorted pass"
                        + " %d events/s (first, cold JVM: %d); one query per account %d events/s%n",
                again.accountsVerified(), again.eventsVerified(), again.eventsPerSecond(), check.eventsPerSecond(),
                Math.round(check.eventsVerified() * 1e9 / perAccountNanos));
    }

    @Test
    void theBrokenListIsCappedAndCountsTheRest() {
        MongoTemplate template = template("many-broken");
        List<Document> unhashed = new ArrayList<>();
        for (int a = 0; a < IntegrityChecks.BROKEN_LISTED + 5; a++) {
            unhashed.add(new Document("aggregateIdentifier", UUID.randomUUID().toString()).append("sequenceNumber", 0L)
                    .append("type", "Account").append("eventIdentifier", UUID.randomUUID().toString()));
        }
        template.eventCollection().insertMany(unhashed);

        IntegrityChecks checks = new IntegrityChecks(template);
        IntegrityCheck check = completed(checks, checks.start("adam"));

        assertThat(check.broken()).isEqualTo(IntegrityChecks.BROKEN_LISTED + 5);
        assertThat(check.intact()).isZero();
        assertThat(check.brokenAccounts()).hasSize(IntegrityChecks.BROKEN_LISTED);
        assertThat(check.brokenAccountsNotListed()).isEqualTo(5);
        TreeSet<String> ids = new TreeSet<>(unhashed.stream().map(d -> d.getString("aggregateIdentifier")).toList());
        assertThat(check.brokenAccounts()).extracting(BrokenAccount::accountId)
                .as("the first in account id order").containsExactlyElementsOf(ids.stream()
                        .limit(IntegrityChecks.BROKEN_LISTED).toList());
        assertThat(check.brokenAccounts()).allSatisfy(broken -> {
            assertThat(broken.brokenAt()).isZero();
            assertThat(broken.reason()).contains("no hash");
        });
    }

    /** A second start while one runs names the running one; a store that stops answering ends it FAILED. */
    @Test
    void oneCheckAtATimeAndAStoreFailureEndsItFailed() throws Exception {
        CountDownLatch storeAnswers = new CountDownLatch(1);
        @SuppressWarnings("unchecked")
        MongoCollection<Document> stalled = mock(MongoCollection.class);
        when(stalled.estimatedDocumentCount()).thenAnswer(call -> {
            storeAnswers.await();
            throw new MongoTimeoutException("Timed out while waiting for a server");
        });
        MongoTemplate template = mock(MongoTemplate.class);
        when(template.eventCollection()).thenReturn(stalled);
        IntegrityChecks checks = new IntegrityChecks(template);
        try {
            IntegrityCheck first = checks.start("adam");
            assertThat(first.state()).isEqualTo(State.RUNNING);
            assertThat(first.finishedAt()).isNull();

            assertThatThrownBy(() -> checks.start("eve")).isInstanceOfSatisfying(IntegrityCheckRunning.class,
                    running -> {
                        assertThat(running.running().checkId()).isEqualTo(first.checkId());
                        assertThat(running.location()).isEqualTo("/api/v1/admin/integrity-checks/" + first.checkId());
                        assertThat(running.getMessage()).contains(first.checkId().toString()).contains("adam");
                    });
            assertThat(checks.latest()).extracting(IntegrityCheck::checkId).containsExactly(first.checkId());

            storeAnswers.countDown();
            IntegrityCheck failed = completed(checks, first);
            assertThat(failed.state()).isEqualTo(State.FAILED);
            assertThat(failed.failure()).contains("stopped answering").doesNotContain("Exception");
            assertThat(failed.finishedAt()).isNotNull();
            assertThat(checks.start("adam").state()).as("once one has ended, the next starts").isEqualTo(State.RUNNING);
            assertThat(checks.latest()).hasSize(2).extracting(IntegrityCheck::checkId).last()
                    .isEqualTo(first.checkId());
        } finally {
            checks.destroy();
        }
    }
}
