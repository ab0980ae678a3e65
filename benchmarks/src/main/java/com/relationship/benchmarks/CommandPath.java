package com.relationship.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.relationship.contracts.events.AccountEventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command path and freshness on the running local stack, with durable acknowledgement on and off
 * (issue 6's price, issue 10's items 2, 3, 4 and 7):
 * <ol>
 *     <li>raw baseline in the same run against the same server: event-sized inserts from N clients into
 *     a scratch database of the stack's own MongoDB;</li>
 *     <li>purchases over REST from N clients across many accounts: commands/s, p50/p99/max, and the
 *     ratio to the raw rate;</li>
 *     <li>freshness at half that rate: from each command's response to its status on the status topic
 *     (what a dashboard sees), p50/p99; and to its event on the events topic (the relay's lag under
 *     that load).</li>
 * </ol>
 */
final class CommandPath {

    private static final String STATUS_TOPIC = "relationship.account-status.v1";
    private static final String EVENTS_TOPIC = "relationship.account-events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int clients;
    private final int accounts;
    private final int commands;
    private final int freshnessCommands;
    /** The stack being measured's client (one, so its connections are reused). */
    private RestClient rest;
    /** The newest version each account's commands were answered with. */
    private final Map<String, Long> latest = new ConcurrentHashMap<>();

    CommandPath(boolean quick) {
        this.clients = 8;
        this.accounts = quick ? 20 : 100;
        this.commands = quick ? 400 : 3_000;
        this.freshnessCommands = quick ? 100 : 600;
    }

    Results.Table run() throws Exception {
        Path launcher = LocalStackProcess.launcher();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (boolean onDisk : List.of(true, false)) {
            Path data = Files.createTempDirectory("command-path");
            try (LocalStackProcess stack = new LocalStackProcess(launcher, data, onDisk)) {
                rows.add(measure(stack, onDisk ? "on disk before ack" : "auto-commit (stock)"));
            }
        }
        return new Results.Table("command-path", "Command path and freshness on the local stack",
                List.of("store", "raw inserts/s", "commands/s", "ratio", "p50 ms", "p99 ms", "max ms",
                        "read models caught up s", "relay p50 ms", "relay p99 ms", "freshness p50 ms", "freshness p99 ms"), rows,
                clients + " clients, purchases over " + accounts + " accounts (" + commands + " timed after a warm-up); "
                        + "raw inserts: " + clients + " clients inserting event-sized documents into the same MongoDB; "
                        + "freshness: " + freshnessCommands + " commands at half the measured rate, response to the "
                        + "status on " + STATUS_TOPIC + " (and 'relay': to its event on " + EVENTS_TOPIC + "), once the read models had caught up with the timed burst (how long "
                        + "that took after its last answer: 'read models caught up'). Client, launcher and both services "
                        + "share this machine's cores.");
    }

    private Map<String, Object> measure(LocalStackProcess stack, String store) throws Exception {
        latest.clear(); // each store runs on a stack of its own
        rest = new RestClient(stack);
        double raw = rawInserts(stack.mongo());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(register(stack, i));
        }
        load(stack, ids, commands / 4, Integer.MAX_VALUE); // warm-up
        long[] timed = load(stack, ids, commands, Integer.MAX_VALUE);
        double rate = commands / (timed[timed.length - 1] / 1e9);
        double catchUp = rest.secondsUntilApplied(latest, Duration.ofMinutes(10));
        Freshness freshness = freshness(stack, ids, rate / 2);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("store", store);
        row.put("raw inserts/s", raw);
        row.put("commands/s", rate);
        row.put("ratio", rate / raw);
        long[] latencies = Arrays.copyOf(timed, timed.length - 1);
        Arrays.sort(latencies);
        row.put("p50 ms", percentile(latencies, 0.50));
        row.put("p99 ms", percentile(latencies, 0.99));
        row.put("max ms", latencies[latencies.length - 1] / 1e6);
        row.put("read models caught up s", catchUp);
        row.put("relay p50 ms", percentile(freshness.toEvent(), 0.50));
        row.put("relay p99 ms", percentile(freshness.toEvent(), 0.99));
        row.put("freshness p50 ms", percentile(freshness.toStatus(), 0.50));
        row.put("freshness p99 ms", percentile(freshness.toStatus(), 0.99));
        return row;
    }

    private double rawInserts(String mongo) throws Exception {
        try (MongoClient client = MongoClients.create(mongo)) {
            MongoCollection<Document> scratch = client.getDatabase("bench").getCollection("rawevents");
            for (int i = 0; i < 500; i++) {
                scratch.insertOne(StoreBaselines.event(UUID.randomUUID().toString(), 0)); // warm-up
            }
            int perClient = commands / clients;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long started = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(pool.submit(() -> {
                    String account = UUID.randomUUID().toString();
                    for (int i = 0; i < perClient; i++) {
                        scratch.insertOne(StoreBaselines.event(account, i));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double rate = perClient * clients / ((System.nanoTime() - started) / 1e9);
            pool.shutdown();
            scratch.drop();
            return rate;
        }
    }

    private String register(LocalStackProcess stack, int i) throws Exception {
        return rest.register(i);
    }

    /** {@code count} purchases from the clients, at most {@code perSecond}; latencies (ns) and the wall time last. */
    private long[] load(LocalStackProcess stack, List<String> ids, int count, double perSecond) throws Exception {
        long[] all = new long[count + 1];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    pace(started, i, perSecond);
                    long t = System.nanoTime();
                    purchase(stack, ids.get(i % ids.size()));
                    all[i] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        all[count] = System.nanoTime() - started;
        pool.shutdown();
        return all;
    }

    /** Each command's delay (ns, sorted) from its response to its status, and to its event on the events topic. */
    private record Freshness(long[] toStatus, long[] toEvent) {
    }

    /**
     * Commands sent at {@code perSecond}, each timed from its response until the first status of its
     * account at or past its version (a read model publishes an account's latest view once per batch
     * it applies, so an earlier version may be folded into a later one), and until the relay put its
     * event on the events topic: the part of the delay that is the relay's.
     */
    private Freshness freshness(LocalStackProcess stack, List<String> ids, double perSecond) throws Exception {
        Map<String, List<long[]>> statuses = new ConcurrentHashMap<>(); // account -> (sequence, nanoTime) in arrival order
        Map<String, List<long[]>> events = new ConcurrentHashMap<>();
        Map<String, long[]> answered = new ConcurrentHashMap<>(); // account/version -> (version, nanoTime)
        AccountEventCodec codec = new AccountEventCodec();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(STATUS_TOPIC, EVENTS_TOPIC)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            AtomicInteger sent = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long started = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(pool.submit(() -> {
                    for (int i = sent.getAndIncrement(); i < freshnessCommands; i = sent.getAndIncrement()) {
                        pace(started, i, perSecond);
                        String account = ids.get(i % ids.size());
                        long version = purchase(stack, account);
                        answered.put(account + "/" + version, new long[]{version, System.nanoTime()});
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!(answered.size() == freshnessCommands && answered.keySet().stream()
                    .allMatch(key -> seenAt(statuses, key, answered.get(key)[0]) != null)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(20)).forEach(record -> {
                    long now = System.nanoTime();
                    try {
                        boolean status = record.topic().equals(STATUS_TOPIC);
                        long sequence = status ? JSON.readTree(record.value()).get("lastAppliedSequence").asLong()
                                : codec.decode(record.value()).sequence();
                        (status ? statuses : events).computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>())
                                .add(new long[]{sequence, now});
                    } catch (Exception unreadable) {
                        // not a status or event of ours: not ours to time
                    }
                });
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
        }
        return new Freshness(delays(answered, statuses), delays(answered, events));
    }

    /** For each answer seen on a topic: how long after the answer, in ns, sorted. */
    private static long[] delays(Map<String, long[]> answered, Map<String, List<long[]>> seen) {
        List<Long> delays = new ArrayList<>();
        answered.forEach((key, answer) -> {
            Long at = seenAt(seen, key, answer[0]);
            if (at != null) {
                delays.add(Math.max(0, at - answer[1]));
            }
        });
        return delays.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** When the account's first record (status or event) at or past {@code version} arrived; null if none has yet. */
    private static Long seenAt(Map<String, List<long[]>> seen, String answerKey, long version) {
        List<long[]> statuses = seen.get(answerKey.substring(0, answerKey.indexOf('/')));
        if (statuses == null) {
            return null;
        }
        for (long[] status : statuses) {
            if (status[0] >= version) {
                return status[1];
            }
        }
        return null;
    }

    private long purchase(LocalStackProcess stack, String account) throws Exception {
        long version = rest.purchase(account);
        latest.merge(account, version, Math::max);
        return version;
    }

    private static void pace(long started, int i, double perSecond) throws InterruptedException {
        if (perSecond == Integer.MAX_VALUE) {
            return;
        }
        long due = started + (long) (i / perSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
