package com.relationship.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.relationship.infra.embedded.EmbeddedMongo;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Raw baseline 1 of the harness, and the price of durable acknowledgement at the store: the MongoDB
 * driver inserting documents of the size and shape of our stored events (Axon's document-per-event
 * form, with its unique {@code (aggregateIdentifier, sequenceNumber)} index) into the embedded
 * server, one by one (1 and 8 clients) and in batches of 100, on each backend:
 * <ul>
 *     <li>memory: nothing on disk (the tests' store);</li>
 *     <li>H2 auto-commit: mongo-java-server's stock file backend, which writes about once a second and
 *     so can lose the last second of acknowledged writes on a kill;</li>
 *     <li>H2 on disk before ack: the local stack's store ({@code DurableH2Backend}).</li>
 * </ul>
 */
final class StoreBaselines {

    private static final int CLIENTS = 8;
    private static final int BATCH = 100;

    private final int singles;
    private final int batched;

    StoreBaselines(boolean quick) {
        this.singles = quick ? 500 : 5_000;
        this.batched = quick ? 2_000 : 50_000;
    }

    Results.Table run() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("store-baselines");
        rows.addAll(measure("memory", () -> EmbeddedMongo.inMemory(0), null));
        rows.addAll(measure("H2 auto-commit (stock)", () -> EmbeddedMongo.persistent(dir.resolve("auto.mv.db"), 0, false),
                dir.resolve("auto.mv.db")));
        rows.addAll(measure("H2 on disk before ack", () -> EmbeddedMongo.persistent(dir.resolve("durable.mv.db"), 0, true),
                dir.resolve("durable.mv.db")));
        return new Results.Table("store-baselines", "Raw inserts of event-sized documents into the embedded MongoDB",
                List.of("backend", "workload", "documents", "docs/s", "p50 ms", "p99 ms", "max ms", "file MB"), rows,
                "Documents of ~1 KB shaped like Axon's stored events, unique (aggregateIdentifier, sequenceNumber) index, "
                        + "MongoDB Java driver over loopback, server in the same JVM. " + singles + " single inserts per "
                        + "workload, " + batched + " in batches of " + BATCH + ". Latencies per insert call.");
    }

    private List<Map<String, Object>> measure(String backend, Supplier<EmbeddedMongo> start, Path file) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (EmbeddedMongo mongo = start.get(); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            warmUp(events);
            rows.add(row(backend, "single, 1 client", singles, singles(events, 1), file));
            rows.add(row(backend, "single, " + CLIENTS + " clients", singles, singles(events, CLIENTS), file));
            rows.add(row(backend, "batches of " + BATCH + ", 1 client", batched, batches(events), file));
        }
        return rows;
    }

    /** Single inserts and a few batches, so the JIT has compiled the paths before anything is timed. */
    private void warmUp(MongoCollection<Document> events) throws Exception {
        singles(events, 2);
        batches(events, 10);
    }

    /** Per-insert latencies in nanoseconds, and the wall time as the last element. */
    private long[] singles(MongoCollection<Document> events, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int perClient = singles / clients;
        long started = System.nanoTime();
        List<Future<long[]>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                long[] latencies = new long[perClient];
                String account = UUID.randomUUID().toString();
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    events.insertOne(event(account, i));
                    latencies[i] = System.nanoTime() - t;
                }
                return latencies;
            }));
        }
        long[] all = new long[perClient * clients + 1];
        for (int c = 0; c < clients; c++) {
            System.arraycopy(work.get(c).get(), 0, all, c * perClient, perClient);
        }
        all[all.length - 1] = System.nanoTime() - started;
        pool.shutdown();
        return all;
    }

    private long[] batches(MongoCollection<Document> events) {
        return batches(events, batched / BATCH);
    }

    private long[] batches(MongoCollection<Document> events, int count) {
        long[] all = new long[count + 1];
        long started = System.nanoTime();
        for (int b = 0; b < count; b++) {
            String account = UUID.randomUUID().toString();
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(event(account, i));
            }
            long t = System.nanoTime();
            events.insertMany(batch);
            all[b] = System.nanoTime() - t;
        }
        all[count] = System.nanoTime() - started;
        return all;
    }

    private static Map<String, Object> row(String backend, String workload, int documents, long[] measured, Path file)
            throws IOException {
        long wall = measured[measured.length - 1];
        long[] latencies = Arrays.copyOf(measured, measured.length - 1);
        Arrays.sort(latencies);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("backend", backend);
        row.put("workload", workload);
        row.put("documents", documents);
        row.put("docs/s", documents / (wall / 1e9));
        row.put("p50 ms", latencies[latencies.length / 2] / 1e6);
        row.put("p99 ms", latencies[(int) (latencies.length * 0.99)] / 1e6);
        row.put("max ms", latencies[latencies.length - 1] / 1e6);
        row.put("file MB", file == null || !Files.exists(file) ? "-" : String.format("%.1f", Files.size(file) / 1e6));
        return row;
    }

    /** A document shaped and sized like the ones Axon's DocumentPerEventStorageStrategy stores for us. */
    static Document event(String account, long sequence) {
        return new Document("aggregateIdentifier", account)
                .append("type", "Account")
                .append("sequenceNumber", sequence)
                .append("serializedPayload", "{\"accountId\":\"" + account + "\",\"amount\":48000.50,\"currency\":\"EUR\","
                        + "\"occurredAt\":\"2026-03-14T09:30:00Z\",\"description\":\"" + "x".repeat(300) + "\"}")
                .append("timestamp", Instant.now().toString())
                .append("payloadType", "com.relationship.contracts.events.PurchaseRecorded")
                .append("payloadRevision", "1")
                .append("serializedMetaData", "{\"actor\":\"alice@sales\",\"correlationId\":\"" + UUID.randomUUID()
                        + "\",\"causationId\":\"" + UUID.randomUUID() + "\",\"traceId\":\"" + UUID.randomUUID() + "\"}")
                .append("eventIdentifier", UUID.randomUUID().toString());
    }
}
