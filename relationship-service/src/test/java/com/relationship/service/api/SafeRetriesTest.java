package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.relationship.contracts.events.PurchaseRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, test 8: concurrent commands are serialised or retried, never lost; a retried command
 * never doubles a fact; a stale If-Match changes nothing. Over real HTTP, on the embedded stack.
 */
class SafeRetriesTest extends EmbeddedServiceTest {

    private static final Map<String, Object> PURCHASE = Map.of("amount", "120.00", "currency", "EUR",
            "occurredAt", "2026-05-01T10:00:00Z", "description", "licence");

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    @Autowired
    EventStore eventStore;

    @Autowired
    MeterRegistry meters;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api("http://127.0.0.1:" + port + "/api/v1", "carol@ops");
    }

    private String register() {
        Api.Reply reply = api.post("/accounts", Map.of("name", "Initech", "industry", "Software",
                "employeeCount", 300, "region", "NA", "classification", "TACTICAL"));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
        return reply.body().get("accountId").asText();
    }

    private int eventCount(String id) {
        return api.get("/accounts/" + id + "/events").body().size();
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    @Test
    void twoHundredConcurrentCommandsOnOneAccountAreAllStoredEachVersionOnce() throws Exception {
        String id = register();
        List<Future<Api.Reply>> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 200; i++) {
                replies.add(pool.submit(() -> api.post("/accounts/" + id + "/purchases", PURCHASE)));
            }
            List<Long> versions = new ArrayList<>();
            for (Future<Api.Reply> reply : replies) {
                assertThat(reply.get().status()).as(String.valueOf(reply.get().body())).isEqualTo(200);
                versions.add(reply.get().body().get("version").asLong());
            }
            JsonNode events = api.get("/accounts/" + id + "/events").body();
            System.out.printf("200 concurrent purchases on one account (16 threads): %d answered 2xx, %d distinct"
                    + " versions (%d..%d), %d events stored%n", versions.size(), new HashSet<>(versions).size(),
                    versions.stream().mapToLong(Long::longValue).min().orElse(-1),
                    versions.stream().mapToLong(Long::longValue).max().orElse(-1), events.size());
            assertThat(versions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
            assertThat(events).hasSize(201);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThousandAccountsRegisterAndRecordAPurchaseInParallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        List<Future<String>> accounts = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                accounts.add(pool.submit(() -> {
                    String id = register();
                    Api.Reply purchase = api.post("/accounts/" + id + "/purchases", PURCHASE);
                    assertThat(purchase.status()).isEqualTo(200);
                    assertThat(purchase.body().get("version").asLong()).isEqualTo(1);
                    return id;
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> account : accounts) {
                ids.add(account.get());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            Map<String, List<Long>> stored = storedSequences(ids);
            long events = stored.values().stream().mapToLong(List::size).sum();
            System.out.printf("1,000 accounts registered + 1 purchase each (8 threads): %d ms, %d accounts, %d events"
                    + " stored%n", millis, ids.size(), events);
            assertThat(ids).hasSize(1000);
            assertThat(stored).hasSize(1000).allSatisfy((id, sequences) ->
                    assertThat(sequences).containsExactlyInAnyOrder(0L, 1L));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each account's stored sequence numbers, read from the event collection in one pass. */
    private Map<String, List<Long>> storedSequences(Set<String> ids) {
        Map<String, List<Long>> sequences = new HashMap<>();
        for (Document event : events().find().projection(Projections.include("aggregateIdentifier", "sequenceNumber"))) {
            String id = event.getString("aggregateIdentifier");
            if (ids.contains(id)) {
                sequences.computeIfAbsent(id, any -> new ArrayList<>()).add(((Number) event.get("sequenceNumber")).longValue());
            }
        }
        return sequences;
    }

    private com.mongodb.client.MongoCollection<Document> events() {
        return mongo.getDatabase("relationship").getCollection("domainevents");
    }

    private com.mongodb.client.MongoCollection<Document> keys() {
        return mongo.getDatabase("relationship").getCollection("idempotency_keys");
    }

    @Test
    void theSameKeyAndBodyAnswersTheFirstAnswerAgainAndStoresOneEvent() {
        String id = register();
        String k = UUID.randomUUID().toString();
        Api.Reply first = api.post("/accounts/" + id + "/purchases", PURCHASE, key(k));
        Api.Reply again = api.post("/accounts/" + id + "/purchases", PURCHASE, key(k));
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount(id)).isEqualTo(2);
        JsonNode purchase = api.get("/accounts/" + id + "/events").body().get(1);
        assertThat(purchase.get("metadata").get("idempotencyKey").asText()).isEqualTo(k);
    }

    /** Concurrent requests with one key: one is handled, the others wait for its answer (or are told to retry). */
    @Test
    void concurrentRequestsWithOneKeyStoreOneEvent() throws Exception {
        String id = register();
        String k = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> api.post("/accounts/" + id + "/purchases", PURCHASE, key(k))));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            Set<JsonNode> answers = new HashSet<>();
            for (Future<Api.Reply> reply : replies) {
                statuses.merge(reply.get().status(), 1, Integer::sum);
                if (reply.get().status() == 200) {
                    answers.add(reply.get().body());
                } else {
                    assertThat(reply.get().body().get("type").asText())
                            .isEqualTo("/problems/idempotency-key-in-progress");
                }
            }
            System.out.printf("8 concurrent requests with one Idempotency-Key: statuses %s, %d distinct answers,"
                    + " %d purchase events stored%n", statuses, answers.size(), eventCount(id) - 1);
            assertThat(statuses.keySet()).isSubsetOf(200, 409);
            assertThat(answers).hasSize(1);
            assertThat(eventCount(id)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRegistrationRetriedWithItsKeyRegistersOneAccount() {
        String k = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Hooli", "industry", "Software", "employeeCount", 5000,
                "region", "NA", "classification", "STRATEGIC");
        Api.Reply first = api.post("/accounts", body, key(k));
        Api.Reply again = api.post("/accounts", body, key(k));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"0\"");
        assertThat(eventCount(first.body().get("accountId").asText())).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndStoresNothing() {
        String id = register();
        String k = UUID.randomUUID().toString();
        assertThat(api.post("/accounts/" + id + "/purchases", PURCHASE, key(k)).status()).isEqualTo(200);
        Map<String, Object> other = new HashMap<>(PURCHASE);
        other.put("amount", "999.00");
        Api.Reply reused = api.post("/accounts/" + id + "/purchases", other, key(k));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.body().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(reused.body().get("detail").asText()).contains(k).contains("new key");
        Api.Reply otherEndpoint = api.post("/accounts/" + id + "/referrals", Map.of("description", "x"), key(k));
        assertThat(otherEndpoint.status()).isEqualTo(422);
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void aRefusalIsRememberedUnderItsKey() {
        String id = register();
        String k = UUID.randomUUID().toString();
        Map<String, Object> advance = Map.of("targetStage", "CUSTOMER");
        Api.Reply refused = api.post("/accounts/" + id + "/lifecycle/advance", advance, key(k));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.post("/accounts/" + id + "/purchases", PURCHASE).status()).isEqualTo(200);
        Api.Reply retried = api.post("/accounts/" + id + "/lifecycle/advance", advance, key(k));
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.body()).isEqualTo(refused.body());
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount(id)).isEqualTo(2);
    }

    /**
     * The instance stored the event and died before it could record the answer: the key is left
     * "in progress" with no answer. The retry takes the abandoned attempt over, finds the event by its
     * key in the account's metadata, and answers the same (same complaint id) without a second event.
     */
    @Test
    void aRetryAfterALostAnswerFindsTheStoredEventInsteadOfStoringASecond() {
        String id = register();
        String k = UUID.randomUUID().toString();
        Map<String, Object> complaint = Map.of("summary", "late delivery", "occurredAt", "2026-05-20T00:00:00Z",
                "dueBy", "2026-06-01T00:00:00Z");
        Api.Reply first = api.post("/accounts/" + id + "/complaints", complaint, key(k));
        assertThat(first.status()).isEqualTo(200);
        loseTheAnswerOf(k);

        Api.Reply retried = api.post("/accounts/" + id + "/complaints", complaint, key(k));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isNull(); // re-derived from the store, not replayed
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(retried.body().get("complaintId").asText()).isEqualTo(first.body().get("complaintId").asText());
        assertThat(eventCount(id)).isEqualTo(2);
        System.out.printf("Retry after a lost answer: %d events stored (1 registration + 1 complaint), version %d"
                + " answered again%n", eventCount(id), retried.body().get("version").asLong());

        Api.Reply thirdTime = api.post("/accounts/" + id + "/complaints", complaint, key(k));
        assertThat(thirdTime.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(thirdTime.body()).isEqualTo(first.body());
    }

    /** An attempt that died before its event was stored: the retry finds no event with its key and stores it, once. */
    @Test
    void aRetryAfterAnAttemptThatStoredNothingStoresTheEventOnce() throws Exception {
        String id = register();
        String k = UUID.randomUUID().toString();
        String body = "{\"amount\":\"5.00\",\"currency\":\"EUR\",\"occurredAt\":\"2026-05-01T10:00:00Z\"}";
        String path = "/accounts/" + id + "/purchases";
        keys().insertOne(new Document("_id", "carol@ops " + k)
                .append("fingerprint", fingerprint("POST /api/v1" + path, body)).append("state", "IN_PROGRESS")
                .append("attempt", 1).append("startedAt", Date.from(Instant.now().minusSeconds(120)))
                .append("createdAt", Date.from(Instant.now())));

        Api.Reply retried = api.post(path, body, key(k));
        assertThat(retried.status()).as(String.valueOf(retried.body())).isEqualTo(200);
        assertThat(retried.body().get("version").asLong()).isEqualTo(1);
        Api.Reply again = api.post(path, body, key(k));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(retried.body());
        assertThat(eventCount(id)).isEqualTo(2);
    }

    /** How the service fingerprints a request under a key: SHA-256 of method, path, newline and body. */
    private static String fingerprint(String request, String body) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((request + "\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Rewrites the key's record as a crash between the event insert and the answer would have left it. */
    private void loseTheAnswerOf(String key) {
        keys().updateOne(new Document("_id", "carol@ops " + key), Updates.combine(Updates.set("state", "IN_PROGRESS"),
                Updates.set("startedAt", Date.from(Instant.now().minusSeconds(120))), Updates.unset("response")));
    }

    @Test
    void aStaleIfMatchIsRefusedWithTheCurrentVersionAndStoresNothing() {
        String id = register();
        assertThat(api.post("/accounts/" + id + "/purchases", PURCHASE).status()).isEqualTo(200);
        Api.Reply state = api.get("/accounts/" + id);
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.header("ETag")).isEqualTo("\"1\"");
        assertThat(state.body().get("version").asLong()).isEqualTo(1);
        assertThat(state.body().get("stage").asText()).isEqualTo("PROSPECT");
        assertThat(state.body().get("classification").asText()).isEqualTo("TACTICAL");

        Api.Reply stale = api.post("/accounts/" + id + "/purchases", PURCHASE, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.body().get("type").asText()).isEqualTo("/problems/stale-version");
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(eventCount(id)).isEqualTo(2);

        assertThat(api.post("/accounts/" + id + "/purchases", PURCHASE, Map.of("If-Match", "\"1\"")).body()
                .get("version").asLong()).isEqualTo(2);
        assertThat(api.post("/accounts/" + id + "/purchases", PURCHASE, Map.of("If-Match", "W/\"2\"")).body()
                .get("version").asLong()).isEqualTo(3);
        assertThat(api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"),
                Map.of("If-Match", "3")).status()).isEqualTo(200);
        assertThat(api.post("/accounts/" + id + "/purchases", PURCHASE, Map.of("If-Match", "\"3\"")).status())
                .isEqualTo(412);
        assertThat(api.get("/accounts/" + id).body().get("stage").asText()).isEqualTo("CUSTOMER");
        assertThat(eventCount(id)).isEqualTo(5);
    }

    /**
     * Another writer appends behind this instance's back (as a second instance would): the next
     * command here decides on the account as stored, including that event, with no stale copy to
     * collide with (decision 0011: no aggregate cache). Races that do collide are re-run by
     * {@code ConflictRetries} (its own test, and the two-writer ScaleOutIT).
     */
    @Test
    void aCommandSeesWhatAnotherWriterAppendedMeanwhile() {
        String id = register();
        assertThat(api.post("/accounts/" + id + "/purchases", PURCHASE).status()).isEqualTo(200);
        double retriesBefore = meters.counter("relationship.commands.conflict.retries").count();
        eventStore.publish(new GenericDomainEventMessage<>("Account", id, 2, new PurchaseRecorded(UUID.fromString(id),
                UUID.randomUUID(), BigDecimal.ONE, "EUR", Instant.parse("2026-05-02T00:00:00Z"), "other instance")));

        Api.Reply reply = api.post("/accounts/" + id + "/purchases", PURCHASE, Map.of("If-Match", "\"2\""));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        assertThat(reply.body().get("version").asLong()).isEqualTo(3);
        assertThat(meters.counter("relationship.commands.conflict.retries").count()).isEqualTo(retriesBefore);
        assertThat(api.get("/accounts/" + id + "/events").body()).extracting(e -> e.get("sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aTooLongFieldIs422AndATooLargeBodyIs413() {
        String id = register();
        Api.Reply tooLong = api.post("/accounts/" + id + "/lifecycle/disqualify", Map.of("reason", "x".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body().get("type").asText()).isEqualTo("/problems/invalid-field");
        assertThat(tooLong.body().get("fields").get(0).get("field").asText()).isEqualTo("reason");

        Api.Reply tooLarge = api.post("/accounts/" + id + "/referrals", Map.of("description", "x".repeat(70_000)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("type").asText()).isEqualTo("/problems/request-too-large");
        assertThat(eventCount(id)).isEqualTo(1);
    }
}
