package com.relationship.infra.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The H2 file store keeps every write it acknowledged when its process is killed with SIGKILL in the
 * middle of concurrent writes: inserts, and compare-and-set replaces through a unique
 * {@code (_id, version)} index (the shape of the projection's writes, which a crash of the stock
 * backend once left disagreeing with its index).
 */
class EmbeddedMongoCrashTest {

    private static final int WRITERS = 6;
    private static final int ACKS_BEFORE_KILL = 1_500;

    @TempDir
    Path dir;

    @Test
    void aKilledStoreKeepsEveryAcknowledgedWrite() throws Exception {
        Path store = dir.resolve("mongo.mv.db");
        Set<String> acknowledgedInserts = ConcurrentHashMap.newKeySet();
        AtomicLongArray acknowledgedVersion = new AtomicLongArray(WRITERS);
        AtomicLong acks = new AtomicLong();

        Process mongo = startMongo(store);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = MongoClients.create(connectionString(mongo) + "/?serverSelectionTimeoutMS=2000")) {
            MongoCollection<Document> facts = client.getDatabase("crash").getCollection("facts");
            MongoCollection<Document> counters = client.getDatabase("crash").getCollection("counters");
            counters.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            for (int w = 0; w < WRITERS; w++) {
                counters.insertOne(new Document("_id", "counter-" + w).append("version", 0L));
            }
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> write(writer, facts, counters, acknowledgedInserts, acknowledgedVersion, acks));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acks.get() >= ACKS_BEFORE_KILL);
            mongo.destroyForcibly(); // SIGKILL, with writes in flight
            mongo.waitFor(10, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
            writers.awaitTermination(10, TimeUnit.SECONDS);
        }

        Process restarted = startMongo(store);
        try (MongoClient client = MongoClients.create(connectionString(restarted))) {
            MongoCollection<Document> facts = client.getDatabase("crash").getCollection("facts");
            MongoCollection<Document> counters = client.getDatabase("crash").getCollection("counters");
            List<String> lost = new ArrayList<>();
            for (String id : acknowledgedInserts) {
                if (facts.find(new Document("_id", id)).first() == null) {
                    lost.add(id);
                }
            }
            long storedInserts = facts.countDocuments();
            System.out.printf("SIGKILL during %d concurrent writers: %d inserts acknowledged, %d stored after restart, "
                    + "%d acknowledged ones lost%n", WRITERS, acknowledgedInserts.size(), storedInserts, lost.size());
            assertThat(lost).as("acknowledged inserts missing after the kill").isEmpty();

            for (int w = 0; w < WRITERS; w++) {
                Document counter = counters.find(new Document("_id", "counter-" + w)).first();
                long stored = counter.getLong("version");
                System.out.printf("counter-%d: version %d acknowledged, %d stored%n", w, acknowledgedVersion.get(w), stored);
                // A replace may have been stored without its reply reaching us: one ahead at most.
                assertThat(stored).isBetween(acknowledgedVersion.get(w), acknowledgedVersion.get(w) + 1);
                // The unique index agrees with the document: compare-and-set on the stored version works.
                long matched = counters.replaceOne(new Document("_id", "counter-" + w).append("version", stored),
                        new Document("_id", "counter-" + w).append("version", stored + 1)).getMatchedCount();
                assertThat(matched).as("compare-and-set of counter-%d at its stored version", w).isEqualTo(1);
            }
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void write(int writer, MongoCollection<Document> facts, MongoCollection<Document> counters,
                              Set<String> acknowledgedInserts, AtomicLongArray acknowledgedVersion, AtomicLong acks) {
        long version = 0;
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
            try {
                String id = "fact-" + writer + "-" + i;
                facts.insertOne(new Document("_id", id).append("payload", "x".repeat(300)));
                acknowledgedInserts.add(id);
                long matched = counters.replaceOne(new Document("_id", "counter-" + writer).append("version", version),
                        new Document("_id", "counter-" + writer).append("version", version + 1)).getMatchedCount();
                if (matched != 1) {
                    throw new AssertionError("counter-" + writer + " lost its compare-and-set at version " + version);
                }
                version++;
                acknowledgedVersion.set(writer, version);
                acks.addAndGet(2);
            } catch (RuntimeException killed) {
                return; // the server is gone
            }
        }
    }

    private static Process startMongo(Path store) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PersistentMongoProcess.class.getName(), store.toString())
                .redirectErrorStream(true).start();
        return process;
    }

    private static String connectionString(Process mongo) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(mongo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith(PersistentMongoProcess.PORT_LINE)) {
                drain(lines);
                return "mongodb://127.0.0.1:" + line.substring(PersistentMongoProcess.PORT_LINE.length()).trim();
            }
        }
        throw new IllegalStateException("the Mongo process exited before it listened (exit " + mongo.exitValue() + ")");
    }

    /** Keeps reading the child's log so it never blocks on a full pipe. */
    private static void drain(BufferedReader lines) {
        Thread drainer = new Thread(() -> {
            try {
                while (lines.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "mongo-process-output");
        drainer.setDaemon(true);
        drainer.start();
    }
}
