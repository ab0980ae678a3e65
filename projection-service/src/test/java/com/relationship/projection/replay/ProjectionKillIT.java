package com.relationship.projection.replay;

import com.relationship.projection.status.StatusView;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.status.AccountStatusModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.KamStageAdvanced;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.ingest.CommittedRecords;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.projection.status.AccountHistory;
import com.relationship.projection.status.AccountStatusProjector;
import com.relationship.security.test.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6, test 3: projection-service killed with SIGKILL while it consumes, restarted, ends with the
 * read model a fresh instance builds from the topic into an empty database. The service runs as a
 * child JVM from its repackaged jar (a real process to kill); Kafka and MongoDB run in this JVM, so
 * the kill takes only the service. The compared digest is a SHA-256 over every status document's
 * status JSON, sorted by account id.
 */
class ProjectionKillIT {

    private static final int ACCOUNTS = 100;
    private static final int PARTITIONS = 12;
    private static final String EVENTS = "kill-it.account-events";
    private static final String STATUS = "kill-it.account-status";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Infrastructure infra = TestInfrastructure.shared();
    private static final AccountEventCodec codec = new AccountEventCodec();
    private static final ReadModelDocuments<StatusView> documents = new ReadModelDocuments<>(new AccountStatusModel("account_status", null), codec);
    private static final ObjectMapper json = ContractJson.newObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedMidBatchAndRestartedItEndsWithTheReadModelAFreshInstanceBuilds() throws Exception {
        infra.createTopic(EVENTS, PARTITIONS, false);
        Map<UUID, List<EnvelopedAccountEvent>> histories = histories();
        int total = histories.values().stream().mapToInt(List::size).sum();
        produce(histories);
        long started = System.nanoTime();

        Process first = start("first", "kill-it", "projection_kill_it", "kill-it-tx", STATUS);
        long consumedAtKill = await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> committed("kill-it"), n -> n >= total / 4);
        first.destroyForcibly();   // SIGKILL on Linux
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed, not stopped").isEqualTo(137);

        start("restarted", "kill-it", "projection_kill_it", "kill-it-tx", STATUS);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> committed("kill-it") == total);
        String restarted = digest("projection_kill_it");

        start("fresh", "kill-it-fresh", "projection_kill_it_fresh", "kill-it-fresh-tx", STATUS + "-fresh");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> committed("kill-it-fresh") == total);
        String fresh = digest("projection_kill_it_fresh");

        assertThat(restarted).isEqualTo(fresh);
        assertThat(restarted).isEqualTo(expectedDigest(histories));
        Map<String, AccountStatus> latestPublished = latestStatuses();
        assertThat(latestPublished).hasSize(ACCOUNTS);
        assertThat(latestPublished.values()).allSatisfy(status -> assertThat(status)
                .isEqualTo(new AccountStatusProjector().fold(histories.get(status.accountId()))));
        System.out.printf("Kill test: %d events for %d accounts on %d partitions; SIGKILL after %d committed; "
                        + "restarted and fresh read models both digest %s (= the fold of the histories); "
                        + "the status topic's latest value is the final status for all %d accounts; %d s in all%n",
                total, ACCOUNTS, PARTITIONS, consumedAtKill, restarted.substring(0, 16), latestPublished.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /** Legal histories of 15 to 30 events: registration, purchases, stages up to SUPPORTER, a complaint, KAM. */
    private static Map<UUID, List<EnvelopedAccountEvent>> histories() {
        Random random = new Random(6);
        Map<UUID, List<EnvelopedAccountEvent>> histories = new HashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID complaint = UUID.randomUUID();
            AccountHistory history = AccountHistory.registered(UUID.randomUUID(), "Account " + i)
                    .then(id -> purchase(id, random))
                    .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER))
                    .then(id -> new ComplaintOpened(id, complaint, "Late delivery", Instant.parse("2026-03-01T00:00:00Z")))
                    .then(id -> purchase(id, random))
                    .then(id -> purchase(id, random))
                    .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.CUSTOMER, LifecycleStage.CLIENT))
                    .then(id -> new ComplaintResolved(id, complaint, "Replacement shipped"))
                    .then(id -> new ReferralRecorded(id, UUID.randomUUID(), "Sister plant", "Sister GmbH"))
                    .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.CLIENT, LifecycleStage.SUPPORTER))
                    .then(id -> new AccountClassified(id, Classification.STRATEGIC, "Growth"))
                    .then(id -> new KeyAccountDesignated(id, "Potential"))
                    .then(id -> new KamStageAdvanced(id, KamStage.PRE_KAM, KamStage.EARLY_KAM));
            int purchases = 2 + random.nextInt(16);
            for (int p = 0; p < purchases; p++) {
                history.then(id -> purchase(id, random));
            }
            histories.put(history.accountId(), history.events());
        }
        return histories;
    }

    private static PurchaseRecorded purchase(UUID accountId, Random random) {
        return new PurchaseRecorded(accountId, UUID.randomUUID(), BigDecimal.valueOf(random.nextInt(1_000_000), 2),
                random.nextBoolean() ? "EUR" : "USD", Instant.parse("2026-01-10T00:00:00Z"), "Order");
    }

    /** Round-robin over the accounts, each account's events in order (one producer, idempotent). */
    private static void produce(Map<UUID, List<EnvelopedAccountEvent>> histories) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            int longest = histories.values().stream().mapToInt(List::size).max().orElse(0);
            for (int sequence = 0; sequence < longest; sequence++) {
                for (List<EnvelopedAccountEvent> history : histories.values()) {
                    if (sequence < history.size()) {
                        EnvelopedAccountEvent event = history.get(sequence);
                        producer.send(new ProducerRecord<>(EVENTS, event.accountId().toString(), codec.encode(event)));
                    }
                }
            }
            producer.flush();
        }
    }

    private Process start(String name, String group, String database, String transactionIdPrefix, String statusTopic)
            throws IOException {
        int port = freePort();
        Path log = Path.of("target", "kill-it", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("projection.jar"),
                "--server.port=" + port,
                "--spring.mongodb.uri=" + infra.mongoUri(database),
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.kafka.consumer.group-id=" + group,
                "--spring.kafka.producer.transaction-id-prefix=" + transactionIdPrefix + "-",
                "--projection.topics.events=" + EVENTS,
                "--projection.topics.status=" + statusTopic,
                "--projection.topics.dead-letter=" + EVENTS + ".DLT",
                "--spring.kafka.listener.concurrency=4",
                "--projection.retry.max-interval=1s",
                // The read models are compared with the fold at the events' own times: no pass over time
                // may move a standing meanwhile (time passing has its own tests).
                "--projection.time.initial-delay=1h"));
        command.addAll(TestTokens.serviceArguments()); // the jar has no test configuration: trust the test key
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(child);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(child.isAlive()).as("%s is running (see %s)", name, log).isTrue();
            return ready(port);
        });
        return child;
    }

    private static boolean ready(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The offsets the group committed on the events topic, summed over its partitions. */
    private static long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(EVENTS) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /** SHA-256 over every status of the database's read model as JSON, sorted by account id. */
    private static String digest(String database) throws Exception {
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            TreeMap<String, AccountStatus> statuses = new TreeMap<>();
            for (Document doc : client.getDatabase(database).getCollection("account_status").find()) {
                assertThat(doc.getInteger("parkedCount")).as("nothing parked for %s", doc.get("_id")).isZero();
                statuses.put(doc.getString("_id"), documents.visibleViewOf(doc).status());
            }
            assertThat(statuses).hasSize(ACCOUNTS);
            return sha256(statuses);
        }
    }

    private static String expectedDigest(Map<UUID, List<EnvelopedAccountEvent>> histories) throws Exception {
        TreeMap<String, AccountStatus> statuses = new TreeMap<>();
        histories.forEach((id, events) -> statuses.put(id.toString(), new AccountStatusProjector().fold(events)));
        return sha256(statuses);
    }

    private static String sha256(TreeMap<String, AccountStatus> statuses) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (AccountStatus status : statuses.values()) {
            sha.update(json.writeValueAsBytes(status));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The latest committed value per key on the compacted status topic. */
    private static Map<String, AccountStatus> latestStatuses() throws Exception {
        Map<String, AccountStatus> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : CommittedRecords.readAll(infra.kafkaBootstrapServers(), STATUS)) {
            latest.put(record.key(), json.readValue(record.value(), AccountStatus.class));
        }
        return latest;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
