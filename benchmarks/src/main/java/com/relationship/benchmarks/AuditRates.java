package com.relationship.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The auditors' bulk operations on the local stack (issue 9; issue 10's item 5): the integrity
 * check of every account and the rebuild of every read model from the events topic, in events per
 * second, each beside a raw baseline taken in the same run against the same servers:
 * <ul>
 *     <li>integrity check: the driver reading the whole event store in (account, sequence) order,
 *     the order the check reads it in, doing nothing with the documents;</li>
 *     <li>rebuild: a plain Kafka consumer reading the events topic from its first offset to its end,
 *     upserting one document per account per record in bulk writes of 500 into a scratch database.</li>
 * </ul>
 * The store is seeded over REST (accounts with purchases), and the read models are caught up before
 * anything is timed, so the topic holds every stored event.
 */
final class AuditRates {

    private static final String EVENTS_TOPIC = "relationship.account-events.v1";
    private static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(20);

    private final int clients = 8;
    private final int accounts;
    private final int purchasesPerAccount;

    AuditRates(boolean quick) {
        this.accounts = quick ? 20 : 200;
        this.purchasesPerAccount = quick ? 10 : 50;
    }

    Results.Table run() throws Exception {
        Path launcher = LocalStackProcess.launcher();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (LocalStackProcess stack = new LocalStackProcess(launcher, Files.createTempDirectory("audit-rates"), true)) {
            RestClient rest = new RestClient(stack);
            Map<String, Long> latest = seed(rest);
            rest.secondsUntilApplied(latest, OPERATION_TIMEOUT);
            long events = latest.values().stream().mapToLong(last -> last + 1).sum();
            rows.add(integrityCheck(stack, rest, events));
            rows.add(rebuild(stack, rest, events));
        }
        return new Results.Table("audit", "Integrity check and rebuild of the whole store on the local stack",
                List.of("operation", "events", "seconds", "events/s", "reported events/s", "raw baseline",
                        "raw events/s", "ratio", "outcome"), rows,
                accounts + " accounts with " + purchasesPerAccount + " purchases each, seeded over REST by " + clients
                        + " clients on the durable local stack, read models caught up before timing. 'seconds' and "
                        + "'events/s' are from the request to the operation's COMPLETED, as a caller sees it (polled "
                        + "every 50 ms); 'reported' is the operation's own figure. Raw baselines in the same run on "
                        + "the same servers.");
    }

    /** Registers the accounts and buys for them from the clients; the last version of each. */
    private Map<String, Long> seed(RestClient rest) throws Exception {
        Map<String, Long> latest = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String id = rest.register(i);
            ids.add(id);
            latest.put(id, 0L);
        }
        int purchases = accounts * purchasesPerAccount;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < purchases; i = next.getAndIncrement()) {
                    String account = ids.get(i % ids.size());
                    latest.merge(account, rest.purchase(account), Math::max);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return latest;
    }

    private Map<String, Object> integrityCheck(LocalStackProcess stack, RestClient rest, long events) throws Exception {
        RestClient.Finished finished = rest.runToEnd(stack.admin() + "/integrity-checks", "", OPERATION_TIMEOUT);
        JsonNode check = finished.report();
        double raw = rawStoreRead(stack);
        long verified = check.get("eventsVerified").asLong();
        return row("integrity check (relationship-service)", verified, finished.seconds(), check.get("eventsPerSecond"),
                "read the event store in (account, sequence) order", raw,
                check.get("intact").asLong() + " intact, " + check.get("broken").asLong() + " broken"
                        + (verified == events ? "" : "; " + events + " events were stored"));
    }

    private Map<String, Object> rebuild(LocalStackProcess stack, RestClient rest, long events) throws Exception {
        RestClient.Finished finished = rest.runToEnd(stack.readModelAdmin() + "/rebuilds", "{}", OPERATION_TIMEOUT);
        JsonNode report = finished.report();
        double raw = rawConsumeAndUpsert(stack);
        long equal = 0;
        long differing = 0;
        for (JsonNode model : report.get("models")) {
            equal += model.get("equal").asLong();
            differing += model.get("differing").asLong();
        }
        return row("rebuild of all read models (projection-service)", report.get("recordsRead").asLong(), finished.seconds(),
                report.get("eventsPerSecond"), "consume the topic + bulk upsert", raw,
                equal + " equal, " + differing + " differing (over " + report.get("models").size() + " read models)"
                        + "; " + events + " events stored");
    }

    private static Map<String, Object> row(String operation, long events, double seconds, JsonNode reported,
                                           String baseline, double raw, String outcome) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("operation", operation);
        row.put("events", events);
        row.put("seconds", seconds);
        row.put("events/s", events / seconds);
        row.put("reported events/s", reported == null || reported.isNull() ? null : reported.asDouble());
        row.put("raw baseline", baseline);
        row.put("raw events/s", raw);
        row.put("ratio", events / seconds / raw);
        row.put("outcome", outcome);
        return row;
    }

    /** Documents per second reading the event store whole, in the order of its unique index. */
    private static double rawStoreRead(LocalStackProcess stack) {
        try (MongoClient client = MongoClients.create(stack.mongo())) {
            MongoCollection<Document> events = client.getDatabase("relationship").getCollection("domainevents");
            long started = System.nanoTime();
            long read = 0;
            try (MongoCursor<Document> all = events.find().sort(Sorts.ascending("aggregateIdentifier", "sequenceNumber"))
                    .batchSize(1000).iterator()) {
                while (all.hasNext()) {
                    all.next();
                    read++;
                }
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Records per second consuming the events topic whole and upserting a document per account in bulk. */
    private static double rawConsumeAndUpsert(LocalStackProcess stack) {
        try (MongoClient client = MongoClients.create(stack.mongo())) {
            MongoCollection<Document> scratch = client.getDatabase("bench").getCollection("rawupserts");
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            TopicReads.Read read = TopicReads.whole(stack, EVENTS_TOPIC, 500, records -> {
                List<WriteModel<Document>> writes = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    writes.add(new ReplaceOneModel<>(new Document("_id", record.key()), new Document("_id", record.key())
                            .append("offset", record.offset()).append("size", record.value().length), upsert));
                }
                if (!writes.isEmpty()) {
                    scratch.bulkWrite(writes);
                }
                return writes.size();
            });
            scratch.drop();
            return read.perSecond();
        }
    }
}
