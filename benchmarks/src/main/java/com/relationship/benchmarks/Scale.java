package com.relationship.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The read side at size (issue 10's item 6): the durable local stack's events topic is seeded with
 * 100,000 accounts of 20 events each (2,000,000 events) by a plain producer, in the relay's own form
 * (the contracts' CloudEvents codec, keyed by account, one partition per account), and timed until
 * every read model has consumed it, beside a plain consumer reading it whole; then the queries dashboards and services send are timed
 * from several clients: one status, a page of a stage, a page of the watch list (of a band or of
 * all), the whale curve (issue 29's target: answered from a maintained ranking, p99 under 500 ms) and one
 * account's profitability; and each process's heap and resident memory are read.
 * <p>
 * {@code -Dscale.accounts=N} seeds another number of accounts.
 * <p>
 * The seed goes to the topic, not through the commands: through REST at this machine's ~50 commands/s
 * the seed alone would take 11 hours. The event store's reads at 2,000,000 events (aggregate load, the
 * relay's head poll) are measured at the store by {@code OrderedIndexScaleTest}.
 */
final class Scale {

    private static final String EVENTS_TOPIC = "relationship.account-events.v1";
    private static final List<String> READ_MODEL_GROUPS = List.of("projection-service", "projection-service.bonding",
            "projection-service.churn-risk", "projection-service.timeline", "projection-service.committee",
            "projection-service.profitability", "projection-service.value");
    private static final String[] STAGES = {"PROSPECT", "CUSTOMER", "CLIENT", "SUPPORTER", "ADVOCATE", "PARTNER", "LAPSED"};
    private static final String[] BANDS = {"LOW", "MEDIUM", "HIGH"};
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofHours(2);

    private final int accounts;
    private final int eventsPerAccount = 20;
    private final int queryClients = 4;
    private final int queriesPerKind;
    private final String serviceHeap;

    Scale(boolean quick) {
        this.accounts = Integer.getInteger("scale.accounts", quick ? 1_000 : 100_000);
        // The local stack's default (768m) is for a few thousand accounts; at 100,000 the read side keeps the
        // portfolio's rankings in memory (the whale curve's, the value's) beside seven read models' pipelines.
        this.serviceHeap = System.getProperty("scale.service-heap", accounts > 10_000 ? "1536m" : "768m");
        this.queriesPerKind = quick ? 300 : 3_000;
    }

    Results.Table run() throws Exception {
        Path launcher = LocalStackProcess.launcher();
        Path data = Files.createTempDirectory("scale");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (LocalStackProcess stack = new LocalStackProcess(launcher, data, true, serviceHeap)) {
            RestClient rest = new RestClient(stack);
            List<String> ids = new ArrayList<>(accounts);
            setReferenceData(rest, stack);
            long started = System.nanoTime();
            long events = seed(stack, ids);
            double produced = (System.nanoTime() - started) / 1e9;
            rows.add(row("seed: a plain producer onto the events topic", accounts + " accounts, " + events + " events in "
                    + seconds(produced) + " (" + perSecond(events, produced) + ")", null));
            double caughtUp = secondsUntilConsumed(stack, started);
            rows.add(row("the " + READ_MODEL_GROUPS.size() + " read models consume the seed", "caught up " + seconds(caughtUp)
                    + " after the first record (" + perSecond(events, caughtUp) + " each, "
                    + perSecond((long) READ_MODEL_GROUPS.size() * events, caughtUp)
                    + " in all); " + seconds(caughtUp - produced) + " after the last", null));
            double consumed = rawConsume(stack, events);
            rows.add(row("raw baseline: a plain consumer reads the topic whole", perSecond(events, consumed)
                    + " (" + seconds(consumed) + ")", null));
            long statuses = rest.get(stack.readModels() + "/accounts?size=1").body().get("totalItems").asLong();
            rows.add(row("statuses after the seed", statuses + " of " + accounts + " accounts", null));

            Random random = new Random(11);
            rows.add(row("GET /accounts/{id}/status (a random account)", null, timed(rest,
                    i -> stack.readModels() + "/accounts/" + ids.get(random.nextInt(ids.size())) + "/status")));
            rows.add(row("GET /accounts?stage=S&page=P (20 a page, P < 10)", null, timed(rest,
                    i -> stack.readModels() + "/accounts?stage=" + STAGES[i % STAGES.length] + "&page=" + (i / 7 % 10))));
            rows.add(row("GET /churn-risk?page=P (the watch list, 20 a page, P < 10)", null, timed(rest,
                    i -> stack.readModels() + "/churn-risk?page=" + (i % 10))));
            rows.add(row("GET /churn-risk?band=B&page=P", null, timed(rest,
                    i -> stack.readModels() + "/churn-risk?band=" + BANDS[i % BANDS.length] + "&page=" + (i / 3 % 10))));
            rows.add(row("GET /funnel", null, timed(rest, i -> stack.readModels() + "/funnel")));
            rows.add(row("the whale curve's ranking covers the seed", wholeCurve(rest, stack, started), null));
            String[] periods = {"P1Y", "P3M", "P1M"};
            rows.add(row("GET /portfolio/whale-curve?period=P&limit=50 (P1Y, P3M, P1M)", null, timed(rest,
                    i -> stack.readModels() + "/portfolio/whale-curve?period=" + periods[i % periods.length] + "&limit=50")));
            rows.add(row("GET /accounts/{id}/profitability (a random account)", null, timed(rest,
                    i -> stack.readModels() + "/accounts/" + ids.get(random.nextInt(ids.size())) + "/profitability")));
            rows.add(row("the value ranking covers the seed (issue 30: a re-rank well under a minute)", wholeTiers(rest, stack), null));
            rows.add(row("GET /portfolio/tiers", null, timed(rest, i -> stack.readModels() + "/portfolio/tiers")));
            rows.add(row("GET /accounts/{id}/value (a random account: its indices reckoned on the request)", null,
                    timed(rest, i -> stack.readModels() + "/accounts/" + ids.get(random.nextInt(ids.size())) + "/value")));
            rows.addAll(memory(stack, rest));
            rows.add(row("data directory (MongoDB file, Kafka logs)", megabytes(sizeOf(data)), null));
        }
        return new Results.Table("scale", "The read side at " + accounts + " accounts and " + accounts * eventsPerAccount
                + " events", List.of("measure", "figure", "p50 ms", "p99 ms", "max ms"), rows,
                "Durable local stack on a fresh data directory; " + eventsPerAccount + " events an account (registration, "
                        + "purchases, interactions, complaints, steps up to every stage, 8% lapsing). Queries: "
                        + queriesPerKind + " of each kind from " + queryClients + " clients after " + queriesPerKind / 10
                        + " of warm-up, with the token, over HTTP/1.1 on loopback; the client shares the machine's cores."
                        + " Exchange rates (USD) for the last 14 months and a rate card set over REST before the seed."
                        + " Each service's heap: " + serviceHeap + " (-Dscale.service-heap).");
    }

    /**
     * Exchange rates for the seed's months (its purchases are in EUR and USD) and an activity rate card, set
     * over REST as an admin would, so the whale curve prices every account.
     */
    private static void setReferenceData(RestClient rest, LocalStackProcess stack) throws Exception {
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        for (int back = 0; back <= 13; back++) {
            rest.put(stack.admin() + "/exchange-rates/" + month.minusMonths(back), "{\"rates\":{\"USD\":0."
                    + (88 + back % 5) + "},\"reason\":\"scale run\"}", 200);
        }
        rest.put(stack.admin() + "/activity-rates", "{\"appliesFrom\":\"" + month.minusMonths(13) + "\",\"costPerUnit\":"
                + "{\"SALES_VISIT\":450,\"CALL\":25,\"SUPPORT_CASE\":80},\"reason\":\"scale run\"}", 200);
    }

    /**
     * Waits until two answers of the one-year curve a poll apart rank the same number of accounts, every one
     * priced in full; says how many and how long after the seed's first record.
     */
    private static String wholeCurve(RestClient rest, LocalStackProcess stack, long started) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        int previous = -1;
        while (System.nanoTime() < deadline) {
            JsonNode curve = rest.get(stack.readModels() + "/portfolio/whale-curve?period=P1Y&limit=50").body();
            int ranked = curve.get("accounts").asInt();
            if (ranked > 0 && ranked == previous && curve.get("incomplete").asInt() == 0) {
                return ranked + " accounts ranked over " + curve.get("period").asText() + ", "
                        + seconds((System.nanoTime() - started) / 1e9) + " after the first record; " + curve.get("reading").asText();
            }
            previous = ranked;
            Thread.sleep(3_000);
        }
        throw new IllegalStateException("the whale curve's ranking did not settle within 30 minutes");
    }

    /** Waits until two answers of the tiers a poll apart rank the same clients; says how many and what a re-rank took. */
    private static String wholeTiers(RestClient rest, LocalStackProcess stack) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        int previous = -1;
        while (System.nanoTime() < deadline) {
            JsonNode tiers = rest.get(stack.readModels() + "/portfolio/tiers").body();
            int ranked = tiers.get("ranked").asInt();
            if (ranked > 0 && ranked == previous) {
                StringBuilder counts = new StringBuilder();
                for (JsonNode tier : tiers.get("tiers")) {
                    counts.append(counts.isEmpty() ? "" : ", ").append(tier.get("tier").asText()).append(' ')
                            .append(tier.get("accounts").asInt());
                }
                return ranked + " clients ranked (" + counts + "); the last re-rank of every account took "
                        + tiers.get("rankedInMillis").asLong() + " ms";
            }
            previous = ranked;
            Thread.sleep(6_000);
        }
        throw new IllegalStateException("the value ranking did not settle within 30 minutes");
    }

    /** Produces every account's history in the relay's form; the number of events sent. */
    private long seed(LocalStackProcess stack, List<String> ids) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AccountEventCodec codec = new AccountEventCodec();
        ScaleHistories histories = new ScaleHistories(10, Instant.now());
        List<org.apache.kafka.common.header.Header> headers = List.of(new RecordHeader("content-type",
                AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int a = 0; a < accounts; a++) {
                List<EnvelopedAccountEvent> history = histories.next(eventsPerAccount);
                String key = history.get(0).accountId().toString();
                ids.add(key);
                for (EnvelopedAccountEvent event : history) {
                    producer.send(new ProducerRecord<>(EVENTS_TOPIC, null, event.occurredAt().toEpochMilli(), key,
                            codec.encode(event), headers));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** Seconds a plain consumer takes to read the events topic from its start to its end, doing nothing with the records. */
    private static double rawConsume(LocalStackProcess stack, long events) {
        TopicReads.Read read = TopicReads.whole(stack, EVENTS_TOPIC, 2_000, ConsumerRecords::count);
        if (read.records() < events) {
            throw new IllegalStateException("the topic holds " + read.records() + " records, " + events + " were sent");
        }
        return read.seconds();
    }

    /** Seconds from {@code started} until every read model's consumer group has committed the topic's end. */
    private double secondsUntilConsumed(LocalStackProcess stack, long started) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        try (Admin admin = Admin.create(config)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(EVENTS_TOPIC)).allTopicNames().get()
                    .get(EVENTS_TOPIC).partitions().stream().map(p -> new TopicPartition(EVENTS_TOPIC, p.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            long deadline = started + CATCH_UP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                boolean all = true;
                for (String group : READ_MODEL_GROUPS) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    all &= ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue());
                }
                if (all) {
                    return (System.nanoTime() - started) / 1e9;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the read models did not consume the seed within " + CATCH_UP_TIMEOUT);
        }
    }

    /** p50/p99/max in ms of {@code queriesPerKind} GETs from the clients, after a tenth as many of warm-up. */
    private double[] timed(RestClient rest, IntFunction<String> url) throws Exception {
        run(rest, url, queriesPerKind / 10);
        long[] latencies = run(rest, url, queriesPerKind);
        Arrays.sort(latencies);
        return new double[]{latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                latencies[latencies.length - 1] / 1e6};
    }

    private long[] run(RestClient rest, IntFunction<String> url, int count) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(queryClients);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < queryClients; c++) {
                work.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String target = url.apply(i);
                        long t = System.nanoTime();
                        rest.get(target);
                        latencies[i] = System.nanoTime() - t;
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return latencies;
    }

    /** Heap used and committed (Micrometer) and resident memory (/proc) of each service, and the launcher's RSS. */
    private static List<Map<String, Object>> memory(LocalStackProcess stack, RestClient rest) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String service : List.of("relationship-service", "projection-service")) {
            String actuator = (service.equals("relationship-service") ? stack.commands() : stack.readModels())
                    .replace("/api/v1", "/actuator/metrics/");
            double used = rest.get(actuator + "jvm.memory.used?tag=area:heap").body().get("measurements").get(0)
                    .get("value").asDouble();
            double committed = rest.get(actuator + "jvm.memory.committed?tag=area:heap").body().get("measurements").get(0)
                    .get("value").asDouble();
            String rss = stack.descendant(service).map(Scale::residentMemory).orElse("not found");
            rows.add(row(service + ": heap used / committed, resident", megabytes((long) used) + " / "
                    + megabytes((long) committed) + ", RSS " + rss, null));
        }
        rows.add(row("launcher (embedded MongoDB and Kafka): resident", residentMemory(stack.pid()), null));
        return rows;
    }

    private static String residentMemory(long pid) {
        try (Stream<String> status = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return status.filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> megabytes(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)).orElse("unknown");
        } catch (IOException | NumberFormatException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static Map<String, Object> row(String measure, String figure, double[] latency) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measure", measure);
        row.put("figure", figure == null ? "" : figure);
        row.put("p50 ms", latency == null ? "" : latency[0]);
        row.put("p99 ms", latency == null ? "" : latency[1]);
        row.put("max ms", latency == null ? "" : latency[2]);
        return row;
    }

    private static String seconds(double s) {
        return String.format("%.1f s", s);
    }

    private static String perSecond(long n, double s) {
        return String.format("%,.0f events/s", n / s);
    }

    private static String megabytes(long bytes) {
        return String.format("%,d MB", bytes / (1024 * 1024));
    }
}
