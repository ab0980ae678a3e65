package com.relationship.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.Topics;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.churn.ChurnRiskCodec;
import com.relationship.contracts.value.AccountValueCodec;
import com.relationship.contracts.value.AccountValueTierChanged;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.StatusHeaders;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer examples read every event type as relationship-service relays it (issue 32): one
 * embedded broker, the three public topics, one event of every type in {@link AccountEventTypes}
 * (its golden file's data, encoded by {@link AccountEventCodec} with the relay's headers) for one
 * account, one of them sent twice as a retrying relay would, a status and a churn-risk change
 * published in Kafka transactions as projection-service does. Then the Java example
 * ({@link RelationshipTopicsConsumer}) and the TypeScript one ({@code examples/typescript-consumer},
 * compiled and run with Node.js) each read it all with a group of their own, and must name every type.
 * <p>
 * Without Node.js or the example's {@code node_modules} ({@code npm ci}) the TypeScript half is skipped,
 * unless {@code CI=true}, where it fails: {@code .ci/run} installs both.
 */
class ConsumersReadEveryEventTypeTest {

    private static final ObjectMapper JSON = ContractJson.newObjectMapper();
    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11"); // the golden files'
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private static final List<String> ALL_TYPES = AccountEventTypes.all().stream().map(AccountEventTypes::typeOf).toList();
    private static Infrastructure infrastructure;

    @BeforeAll
    static void publishOneEventOfEveryType() {
        infrastructure = TestInfrastructure.shared();
        infrastructure.createTopic(Topics.ACCOUNT_EVENTS, Topics.PARTITIONS, false);
        infrastructure.createTopic(Topics.ACCOUNT_STATUS, Topics.PARTITIONS, true);
        infrastructure.createTopic(Topics.CHURN_RISK, Topics.PARTITIONS, true);
        infrastructure.createTopic(Topics.ACCOUNT_VALUE, Topics.PARTITIONS, true);

        AccountEventCodec codec = new AccountEventCodec();
        List<ProducerRecord<String, byte[]>> events = new ArrayList<>();
        long sequence = 0;
        for (Class<? extends AccountEvent> type : AccountEventTypes.all()) { // AccountRegistered first
            AccountEvent event = JSON.convertValue(golden(AccountEventTypes.typeOf(type) + ".json"), type);
            EnvelopedAccountEvent enveloped = new EnvelopedAccountEvent(UUID.randomUUID().toString(), ACCOUNT,
                    sequence, Instant.parse("2026-09-02T08:15:00.123Z").plusSeconds(sequence), "alice@sales",
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), "crm-sync", null, event, null,
                    sequence % 2 == 0 ? TRACEPARENT : null);
            events.add(relayed(enveloped, codec));
            sequence++;
        }
        events.add(events.get(5)); // a re-send: the relay publishes again what Kafka may not have acknowledged

        try (KafkaProducer<String, byte[]> relay = producer(null);
             KafkaProducer<String, byte[]> projection = producer("consumer-examples-projection")) {
            events.forEach(relay::send);
            relay.flush();

            projection.initTransactions();
            projection.beginTransaction();
            ProducerRecord<String, byte[]> status = new ProducerRecord<>(Topics.ACCOUNT_STATUS, ACCOUNT.toString(),
                    bytes(golden(AccountStatus.SCHEMA + ".json")));
            StatusHeaders.all().forEach((name, value) -> status.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            projection.send(status);
            ChurnRiskChanged change = JSON.convertValue(golden(ChurnRiskChanged.SCHEMA + ".json"), ChurnRiskChanged.class);
            projection.send(new ProducerRecord<>(Topics.CHURN_RISK, ACCOUNT.toString(),
                    new ChurnRiskCodec().encode(ChurnRiskCodec.idOf(change), change)));
            AccountValueTierChanged tier = JSON.convertValue(golden(AccountValueTierChanged.SCHEMA + ".json"),
                    AccountValueTierChanged.class);
            projection.send(new ProducerRecord<>(Topics.ACCOUNT_VALUE, ACCOUNT.toString(), new AccountValueCodec().encode(tier)));
            projection.commitTransaction();
        }
    }

    @Test
    void theJavaExampleReadsEveryEventTypeOnceAndTheStatusChurnRiskAndValueTier() {
        long started = System.nanoTime();
        RelationshipTopicsConsumer.Summary read;
        try (RelationshipTopicsConsumer example = new RelationshipTopicsConsumer(
                infrastructure.kafkaBootstrapServers(), "java-example-" + UUID.randomUUID())) {
            read = example.readToEnd(RUN_TIMEOUT);
        }
        System.out.printf("Java example: %s in %d ms%n", read, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        assertThat(read.eventTypes()).containsOnlyKeys(ALL_TYPES).allSatisfy((type, count) -> assertThat(count).isOne());
        assertThat(read.duplicates()).isOne();
        assertThat(read.unreadable()).isZero();
        assertThat(read.statuses()).isOne();
        assertThat(read.churnChanges()).isOne();
        assertThat(read.tierChanges()).isOne();
    }

    @Test
    void theTypeScriptExampleReadsEveryEventTypeOnce() throws Exception {
        Path example = requireTypeScriptExample();
        long started = System.nanoTime();
        run(example, "npm", "run", "--silent", "build");
        long built = System.nanoTime();
        List<String> output = run(example, "node", "dist/consumer.js", "--brokers", infrastructure.kafkaBootstrapServers(),
                "--group", "typescript-example-" + UUID.randomUUID(), "--until-caught-up");
        output.forEach(System.out::println);
        System.out.printf("TypeScript example: built in %d ms, read in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(built - started), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - built));

        String last = output.get(output.size() - 1);
        assertThat(last).as("the example's last line, of:%n%s", String.join("\n", output)).startsWith("summary ");
        JsonNode summary = JSON.readTree(last.substring("summary ".length()));
        Map<String, Integer> read = new java.util.TreeMap<>();
        summary.get("read").properties().forEach(type -> read.put(type.getKey(), type.getValue().asInt()));
        assertThat(read).as("events read per type").containsOnlyKeys(ALL_TYPES)
                .allSatisfy((type, count) -> assertThat(count).isOne());
        assertThat(summary.get("duplicates").asInt()).as("re-sends skipped").isOne();
        assertThat(summary.get("unknown").size()).as("unknown types").isZero();
        assertThat(summary.get("unreadable").asInt()).as("unreadable messages").isZero();
        assertThat(summary.get("traceparents").asInt()).as("events with a traceparent")
                .isEqualTo((ALL_TYPES.size() + 1) / 2);
    }

    /** As relationship-service's relay sends it: key the account id, the content-type header, traceparent also as a header. */
    private static ProducerRecord<String, byte[]> relayed(EnvelopedAccountEvent event, AccountEventCodec codec) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ACCOUNT_EVENTS, null,
                event.occurredAt().toEpochMilli(), event.accountId().toString(), codec.encode(event),
                List.of(new RecordHeader("content-type", AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
        if (event.traceparent() != null) {
            record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static KafkaProducer<String, byte[]> producer(String transactionalId) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config);
    }

    /** The example's directory, with Node.js, npm and its node_modules; a skip (a failure with CI=true) without them. */
    private static Path requireTypeScriptExample() {
        Path example = Path.of(System.getProperty("typescript.example", "../typescript-consumer")).toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                missing.add(tool + " (apt-get install nodejs npm)");
            }
        }
        if (!Files.isDirectory(example.resolve("node_modules"))) {
            missing.add(example.resolve("node_modules") + " (npm ci in " + example + ")");
        }
        if (!missing.isEmpty()) {
            String message = "Cannot run the TypeScript example: missing " + String.join(" and ", missing);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return example;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    /** Runs the command in {@code dir} and answers its output lines; fails on a non-zero exit or a timeout. */
    private static List<String> run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            reader.join(5_000);
            Assertions.fail(String.join(" ", command) + " did not finish in " + RUN_TIMEOUT + "; it printed:\n" + output);
        }
        reader.join();
        assertThat(process.exitValue()).as("%s exited with %s; it printed:%n%s", String.join(" ", command),
                process.exitValue(), output).isZero();
        return output.toString().lines().collect(Collectors.toList());
    }

    private static JsonNode golden(String file) {
        try (InputStream in = ConsumersReadEveryEventTypeTest.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + file + " in api-contracts' test-jar");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
