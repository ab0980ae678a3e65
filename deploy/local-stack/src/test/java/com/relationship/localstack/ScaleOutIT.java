package com.relationship.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.relationship.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: two relationship-service and two projection-service instances on one embedded MongoDB
 * and one Kafka broker. A concurrent stream of purchases goes to both writers (round robin, as a load
 * balancer would), spread over many accounts and concentrated on a few hot ones; under that load one
 * instance of each service is stopped with SIGTERM (taken out of the rotation first, as a rolling
 * update does) and restarted, then the other one is killed with SIGKILL. Every
 * acknowledged command is stored once, each account's versions are unique and gapless, the events
 * topic carries each account's events in order (re-sends allowed, nothing skipped or reordered),
 * the survivors take over the relay's segments and the consumer group's partitions, and the read
 * models equal those of a projection of its own (new consumer group and database) that folded the
 * topic from offset 0.
 */
class ScaleOutIT {

    private static final int CLIENTS = 6;
    private static final int ACCOUNTS = 40;
    private static final int HOT_ACCOUNTS = 3;
    private static final int ACKS_PER_PHASE = 250;
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** How long one command is retried (same Idempotency-Key, the next instance) before its outcome counts as unknown. */
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(40);
    private static final String RELAY = "kafka-relay";
    private static final String GROUP = "projection-service";

    @TempDir
    Path dataDir;
    private ScaleOutCluster cluster;
    private MongoClient mongo;

    private final List<ServiceProcess> rotation = new CopyOnWriteArrayList<>();
    private final Set<ServiceProcess> draining = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<Long, String>> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> unknownOutcome = ConcurrentHashMap.newKeySet();
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong refusedAfterConflicts = new AtomicLong();
    private final AtomicLong droppedWhileDraining = new AtomicLong();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final List<AssertionError> clientErrors = new CopyOnWriteArrayList<>();
    private volatile boolean loadRunning = true;

    @AfterEach
    void stopEverything() {
        loadRunning = false;
        if (mongo != null) {
            mongo.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoInstancesOfEachServiceLoseNothingAndReorderNothingThroughAKillAndAGracefulRestart() throws Exception {
        long testStarted = System.nanoTime();
        cluster = ScaleOutCluster.start(dataDir);
        mongo = MongoClients.create(cluster.mongoUri());
        ServiceProcess writer1 = cluster.relationship("relationship-1");
        ServiceProcess writer2 = cluster.relationship("relationship-2");
        ServiceProcess reader1 = cluster.projection("projection-1");
        ServiceProcess reader2 = cluster.projection("projection-2");
        ScaleOutCluster.awaitReady(List.of(writer1, writer2, reader1, reader2));
        System.out.printf("Two instances of each service ready after %d ms%n", millisSince(testStarted));
        rotation.addAll(List.of(writer1, writer2));

        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(register(rotation.get(i % 2), "Scale Out " + i));
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> streamPurchases(client, accounts));
        }

        // Both instances work: the relay's segments and the group's partitions are split between them.
        awaitAcks(ACKS_PER_PHASE);
        eventually().until(() -> relayOwners().containsAll(Set.of("relationship-1", "relationship-2")));
        eventually().until(() -> partitionOwners().keySet().containsAll(Set.of("projection-1", "projection-2")));
        System.out.printf("Under load: relay segments %s, partitions per instance %s%n", relaySegments(), partitionCounts());

        // SIGTERM one of each, out of the rotation first (as a rolling update does): no request in flight
        // on it may be dropped, and the other one takes over what it hands back.
        long beforeStop = acks.get();
        rotation.remove(writer2);
        draining.add(writer2);
        long stoppedAt = System.nanoTime();
        writer2.requestStop();
        reader2.requestStop();
        writer2.awaitStopped(Duration.ofSeconds(40));
        long writerStopTook = millisSince(stoppedAt);
        reader2.awaitStopped(Duration.ofSeconds(40));
        long readerStopTook = millisSince(stoppedAt);
        eventually().until(() -> relayOwners().equals(Set.of("relationship-1")) && relaySegments().size() == 4);
        long relayTakeOverAfterStop = millisSince(stoppedAt);
        eventually().until(() -> partitionOwners().keySet().equals(Set.of("projection-1"))
                && partitionCounts().get("projection-1") == Topics.PARTITIONS);
        long partitionTakeOverAfterStop = millisSince(stoppedAt);
        System.out.printf("SIGTERM of relationship-2 and projection-2 after %d acknowledged commands: they stopped in "
                + "%d and %d ms; relationship-1 holds every relay segment after %d ms, projection-1 every partition "
                + "after %d ms; %d requests dropped while draining%n", beforeStop, writerStopTook, readerStopTook,
                relayTakeOverAfterStop, partitionTakeOverAfterStop, droppedWhileDraining.get());
        assertThat(droppedWhileDraining.get()).as("requests in flight on the instance stopped gracefully that failed").isZero();

        // Restart them; a fresh projection of its own starts too and folds the topic from offset 0 (the
        // rebuild the live read models are compared with at the end; it starts now so no later phase
        // waits for a JVM start).
        writer2 = cluster.relationship("relationship-2");
        reader2 = cluster.projection("projection-2");
        ServiceProcess rebuild = cluster.rebuild("projection-rebuild");
        ScaleOutCluster.awaitReady(List.of(writer2, reader2, rebuild));
        draining.clear();
        rotation.add(writer2);
        eventually().until(() -> relayOwners().equals(Set.of("relationship-1", "relationship-2")));
        eventually().until(() -> partitionOwners().keySet().equals(Set.of("projection-1", "projection-2")));
        System.out.printf("Restarted: relay segments %s, partitions per instance %s%n", relaySegments(), partitionCounts());

        // SIGKILL the other one of each under load.
        awaitAcks(acks.get() + ACKS_PER_PHASE / 2);
        long beforeKill = acks.get();
        long killedAt = System.nanoTime();
        writer1.kill();
        reader1.kill();
        rotation.remove(writer1);
        eventually().until(() -> relayOwners().equals(Set.of("relationship-2")) && relaySegments().size() == 4);
        long relayTakeOverAfterKill = millisSince(killedAt);
        eventually().until(() -> partitionOwners().keySet().equals(Set.of("projection-2"))
                && partitionCounts().get("projection-2") == Topics.PARTITIONS);
        long partitionTakeOverAfterKill = millisSince(killedAt);
        System.out.printf("SIGKILL of relationship-1 and projection-1 after %d acknowledged commands: relationship-2 "
                + "holds every relay segment after %d ms, projection-2 every partition after %d ms%n",
                beforeKill, relayTakeOverAfterKill, partitionTakeOverAfterKill);
        awaitAcks(acks.get() + ACKS_PER_PHASE / 4);
        loadRunning = false;
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(clientErrors).as("answers no client expected").isEmpty();

        // Stored: each acknowledged command once, versions gapless per account.
        Map<String, Map<Long, JsonNode>> stored = new HashMap<>();
        Map<String, Integer> storedCopies = new HashMap<>();
        long storedEvents = 0;
        for (String account : accounts) {
            Map<Long, JsonNode> history = storedHistory(writer2, account);
            stored.put(account, history);
            storedEvents += history.size();
            assertThat(history.keySet()).as("account %s's versions are gapless", account)
                    .containsExactlyElementsOf(LongStream.range(0, history.size()).boxed().toList());
            history.values().forEach(event -> {
                JsonNode description = event.path("payload").path("description");
                if (!description.isMissingNode()) {
                    storedCopies.merge(description.asText(), 1, Integer::sum);
                }
            });
        }
        long ackCount = 0;
        for (var account : acknowledged.entrySet()) {
            for (var ack : account.getValue().entrySet()) {
                ackCount++;
                JsonNode event = stored.get(account.getKey()).get(ack.getKey());
                assertThat(event).as("acknowledged version %s of %s is stored", ack.getKey(), account.getKey()).isNotNull();
                assertThat(event.path("payload").path("description").asText())
                        .as("version %s of %s is the command acknowledged with it", ack.getKey(), account.getKey())
                        .isEqualTo(ack.getValue());
            }
        }
        assertThat(storedCopies.values()).as("no command stored twice").allMatch(copies -> copies == 1);
        long unknownStored = unknownOutcome.stream().filter(storedCopies::containsKey).count();
        System.out.printf("Commands: %d sent, %d acknowledged (%d re-sent to the other instance with the same "
                + "Idempotency-Key), %d refused after conflict retries, %d of unknown outcome (%d of them stored); "
                + "%d events stored for %d accounts (%d hot), every acknowledged one once%n", sent.get(), ackCount,
                resent.get(), refusedAfterConflicts.get(), unknownOutcome.size(), unknownStored, storedEvents,
                ACCOUNTS, HOT_ACCOUNTS);

        Map<String, Map<Long, String>> storedIds = new HashMap<>();
        stored.forEach((account, history) -> history.forEach((sequence, event) -> storedIds
                .computeIfAbsent(account, a -> new HashMap<>()).put(sequence, event.get("eventId").asText())));
        TopicAgainstStore topic = TopicAgainstStore.read(cluster.kafkaBootstrapServers(), storedIds, EVENTUALLY);
        System.out.printf("Events topic against the store, account by account: %s%n", topic.summary());
        topic.assertEveryStoredEventOnTheTopicAsStored();
        assertThat(topic.outOfOrder()).as("records ahead of their account's next sequence").isZero();
        assertThat(topic.splitAccounts()).as("accounts spread over partitions").isZero();

        // Read models: the live ones (shared by both instances) equal the fold of the whole topic by a
        // projection that never saw a kill or a rebalance.
        ServiceProcess live = reader2;
        eventually().until(() -> accounts.stream().allMatch(account ->
                lastApplied(live, account) == stored.get(account).size() - 1
                        && lastApplied(rebuild, account) == stored.get(account).size() - 1));
        for (String account : accounts) {
            assertThat(status(live, account)).as("account %s: live read model = rebuild", account)
                    .isEqualTo(status(rebuild, account));
        }
        System.out.printf("Read models of all %d accounts equal a rebuild from the topic; conflict retries on the "
                + "running writers: %s; whole test %d ms%n", ACCOUNTS, conflictRetries(List.of(writer2)),
                millisSince(testStarted));
    }

    // --- the clients -----------------------------------------------------------------------------

    private void streamPurchases(int client, List<String> accounts) {
        for (long n = client; loadRunning; n++) {
            // Every other command goes to a hot account: both writers keep racing for the same ones.
            String account = n % 2 == 0 ? accounts.get((int) (n / 2 % HOT_ACCOUNTS))
                    : accounts.get(HOT_ACCOUNTS + (int) ((n * 7 + client) % (ACCOUNTS - HOT_ACCOUNTS)));
            try {
                purchase(account);
            } catch (AssertionError unexpected) {
                clientErrors.add(unexpected);
                return;
            }
        }
    }

    /** One purchase, retried on the next instance in the rotation with the same key until it has an answer. */
    private void purchase(String account) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amount", "120.50", "currency", "EUR", "occurredAt", "2026-11-30T10:00:00Z",
                "description", key);
        sent.incrementAndGet();
        long deadline = System.nanoTime() + COMMAND_DEADLINE.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            ServiceProcess target = next();
            if (attempt > 0) {
                resent.incrementAndGet();
            }
            SystemScenario.Reply reply;
            try {
                reply = SystemScenario.post(cluster.url(target) + "/api/v1/accounts/" + account + "/purchases", body,
                        Map.of("Idempotency-Key", key), cluster.token());
            } catch (UncheckedIOException failed) {
                if (!(failed.getCause() instanceof ConnectException) && draining.contains(target)) {
                    droppedWhileDraining.incrementAndGet();
                }
                continue; // killed or not listening: the next instance
            }
            String type = reply.body() == null ? "" : reply.body().path("type").asText();
            if (reply.status() == 200) {
                long version = reply.body().get("version").asLong();
                String before = acknowledged.computeIfAbsent(account, a -> new ConcurrentHashMap<>()).putIfAbsent(version, key);
                if (before != null) {
                    throw new AssertionError("version " + version + " of " + account + " acknowledged to two commands");
                }
                acks.incrementAndGet();
                return;
            }
            if (reply.status() == 409 && type.endsWith("/concurrent-modification")) {
                refusedAfterConflicts.incrementAndGet();
                return; // a refusal stores nothing
            }
            if (reply.status() == 503 || (reply.status() == 409 && type.endsWith("/idempotency-key-in-progress"))) {
                continue; // the store is away for a moment, or the key's first attempt died with its instance
            }
            throw new AssertionError("purchase answered " + reply.status() + " " + reply.body());
        }
        unknownOutcome.add(key);
    }

    private ServiceProcess next() {
        List<ServiceProcess> live = List.copyOf(rotation);
        return live.get(Math.floorMod(roundRobin.getAndIncrement(), live.size()));
    }

    private void awaitAcks(long atLeast) {
        eventually().until(() -> acks.get() >= atLeast || !clientErrors.isEmpty());
        assertThat(clientErrors).isEmpty();
    }

    private String register(ServiceProcess writer, String name) {
        SystemScenario.Reply reply = SystemScenario.post(cluster.url(writer) + "/api/v1/accounts", Map.of("name", name,
                "industry", "Manufacturing", "employeeCount", 50, "annualRevenue", 1000000, "region", "EMEA",
                "classification", "TACTICAL"), cluster.token());
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
        return reply.body().get("accountId").asText();
    }

    // --- what the services hold ------------------------------------------------------------------

    /** segment -> owner of the relay's claims in the token store (released segments have none). */
    private Map<Integer, String> relaySegments() {
        Map<Integer, String> owners = new TreeMap<>();
        for (Document token : mongo.getDatabase("relationship").getCollection("trackingtokens")
                .find(new Document("processorName", RELAY))) {
            owners.put(token.getInteger("segment"), token.getString("owner"));
        }
        return owners;
    }

    private Set<String> relayOwners() {
        Set<String> owners = new HashSet<>(relaySegments().values());
        owners.remove(null);
        return owners;
    }

    /** instance -> partitions of the events topic its consumers hold in the shared group. */
    private Map<String, Set<Integer>> partitionOwners() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<String, Set<Integer>> owners = new TreeMap<>();
            for (MemberDescription member : admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS)
                    .get(GROUP).members()) {
                String instance = member.clientId().replaceAll("-\\d+$", "");
                member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(Topics.ACCOUNT_EVENTS))
                        .forEach(p -> owners.computeIfAbsent(instance, i -> new HashSet<>()).add(p.partition()));
            }
            return owners;
        }
    }

    private Map<String, Integer> partitionCounts() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        partitionOwners().forEach((instance, partitions) -> counts.put(instance, partitions.size()));
        return counts;
    }

    private Map<Long, JsonNode> storedHistory(ServiceProcess writer, String account) {
        SystemScenario.Reply reply = SystemScenario.get(cluster.url(writer) + "/api/v1/accounts/" + account + "/events", cluster.token());
        assertThat(reply.status()).isEqualTo(200);
        Map<Long, JsonNode> history = new TreeMap<>();
        for (JsonNode event : reply.body()) {
            assertThat(history.put(event.get("sequence").asLong(), event)).as("version %s stored once",
                    event.get("sequence")).isNull();
        }
        return history;
    }

    private long lastApplied(ServiceProcess reader, String account) {
        SystemScenario.Reply reply = SystemScenario.get(cluster.url(reader) + "/api/v1/accounts/" + account + "/status", cluster.token());
        return reply.status() == 200 ? reply.body().get("lastAppliedSequence").asLong() : -1;
    }

    /**
     * The account's status as its events fold it: without the trailing year and the value standing, which each
     * instance prices and ranks when asked, at its own moment ({@code AccountStatus#asPublished}).
     */
    private JsonNode status(ServiceProcess reader, String account) {
        JsonNode body = SystemScenario.get(cluster.url(reader) + "/api/v1/accounts/" + account + "/status",
                cluster.token()).body();
        if (body instanceof com.fasterxml.jackson.databind.node.ObjectNode status) {
            status.remove("value");
            if (status.get("profitability") instanceof com.fasterxml.jackson.databind.node.ObjectNode profitability) {
                profitability.remove(List.of("trailingYear", "belowZero"));
            }
        }
        return body;
    }

    private Map<String, Double> conflictRetries(List<ServiceProcess> writers) {
        Map<String, Double> retries = new TreeMap<>();
        for (ServiceProcess writer : writers) {
            SystemScenario.Reply reply = SystemScenario.get(cluster.url(writer)
                    + "/actuator/metrics/relationship.commands.conflict.retries", cluster.token());
            retries.put(writer.name(), reply.status() == 200 ? reply.body().path("measurements").path(0).path("value").asDouble() : 0);
        }
        return retries;
    }

    /** Each poll asks MongoDB, Kafka's group coordinator or the read models: twice a second is enough. */
    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
