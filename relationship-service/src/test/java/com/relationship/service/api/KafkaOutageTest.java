package com.relationship.service.api;

import com.relationship.contracts.Topics;
import com.relationship.infra.embedded.EmbeddedKafka;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.service.RelationshipServiceApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka being down never refuses a command nor takes the instance out of readiness, and when Kafka is
 * back every event arrives, each account's in order (compared as lists), also when the service was
 * restarted meanwhile. Runs on a Kafka broker of its own (stopped and restarted on the same log and
 * port) and databases of its own, so its outages do not disturb other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.producer.properties.max.block.ms=2000",
                "spring.kafka.producer.properties.delivery.timeout.ms=5000",
                "spring.kafka.producer.properties.request.timeout.ms=2000",
                "relationship.relay.ack-timeout=6s"})
class KafkaOutageTest {

    private static final String[] OUTAGE_SETTINGS = {"spring.kafka.producer.properties.max.block.ms=2000",
            "spring.kafka.producer.properties.delivery.timeout.ms=5000",
            "spring.kafka.producer.properties.request.timeout.ms=2000", "relationship.relay.ack-timeout=6s"};

    @TempDir
    static Path kafkaLog;
    static int kafkaPort = freePort();
    static EmbeddedKafka kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        kafka = EmbeddedKafka.start(kafkaLog, kafkaPort);
        kafka.createTopic(Topics.ACCOUNT_EVENTS, 3, false);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.shared().mongoUri("kafka-outage"));
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aSteadyStreamIsAcceptedWhileKafkaIsDownAndEveryAccountsEventsArriveInOrder() throws Exception {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "carol@ops");
        Api ops = new Api("http://127.0.0.1:" + port, "carol@ops");
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(register(api, "Initech " + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> accounts.stream()
                .allMatch(id -> topic().firstAppearances(id).contains(0L)));

        // Three clients keep sending purchases, two accounts each, before, during and after the outage.
        Map<Integer, AtomicInteger> replies = new ConcurrentHashMap<>();
        AtomicBoolean streaming = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            List<String> mine = accounts.subList(2 * c, 2 * c + 2);
            running.add(clients.submit(() -> {
                for (int n = 0; streaming.get(); n++) {
                    int status = purchase(api, mine.get(n % 2));
                    replies.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        long back;
        int acceptedDuringOutage;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted(replies) >= 12);
            kafka.close();
            int acceptedBeforeOutage = accepted(replies);
            // Keep Kafka down until the relay has given up on a batch, so the retry path is what delivers.
            double failedBefore = meters.counter("relationship.relay.failed.batches").count();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> meters.counter("relationship.relay.failed.batches").count() > failedBefore);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(relayLag("events")).as("events waiting for the relay").isGreaterThanOrEqualTo(1);
                assertThat(relayLag("seconds")).as("age of the relay's position").isPositive();
            });
            Api.Reply readiness = ops.get("/actuator/health/readiness");
            assertThat(readiness.status()).as("readiness while Kafka is down: " + readiness.body()).isEqualTo(200);
            assertThat(ops.get("/actuator/health").body().at("/components/kafka/status").asText()).isEqualTo("DOWN");
            acceptedDuringOutage = accepted(replies) - acceptedBeforeOutage;
            assertThat(acceptedDuringOutage).as("commands accepted while Kafka was down").isPositive();

            kafka = EmbeddedKafka.start(kafkaLog, kafkaPort);
            back = System.nanoTime();
            int acceptedWhenBack = accepted(replies);
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted(replies) >= acceptedWhenBack + 6);
            System.out.printf("Kafka outage: %d commands accepted before it, %d during it, %d in all%n",
                    acceptedBeforeOutage, acceptedDuringOutage, accepted(replies));
        } finally {
            streaming.set(false);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }
        assertThat(replies.keySet()).as("reply statuses " + replies).containsOnly(200);

        long stored = 0;
        for (String id : accounts) {
            long last = api.get("/accounts/" + id + "/events").body().size() - 1;
            stored += last + 1;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(topic().firstAppearances(id)).as("account " + id + " on the topic")
                            .containsExactlyElementsOf(LongStream.rangeClosed(0, last).boxed().toList()));
        }
        System.out.printf("every account's events on the topic in order %d ms after Kafka was back (%d events"
                + " stored, %d of them while it was down)%n", (System.nanoTime() - back) / 1_000_000, stored,
                acceptedDuringOutage);
        EventsOnTopic topic = topic();
        for (String id : accounts) {
            assertThat(topic.conflictingDuplicates(id)).isEmpty();
            Map<Long, String> storedIds = new HashMap<>();
            api.get("/accounts/" + id + "/events").body()
                    .forEach(event -> storedIds.put(event.get("sequence").asLong(), event.get("eventId").asText()));
            assertThat(topic.of(id)).as("account %s's records carry the stored event ids", id).allSatisfy(seen ->
                    assertThat(seen.eventId()).isEqualTo(storedIds.get(seen.sequence())));
            System.out.printf("account %s: events 0..%d in order, %d re-sends%n", id,
                    topic.firstAppearances(id).size() - 1, topic.resends(id));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> relayLag("events") == 0 && relayLag("seconds") == 0);
    }

    /**
     * relationship-service stopped while its relay is behind (Kafka down) and started again on the same
     * store: it resumes from its token and every account's events arrive, nothing skipped. Two
     * applications of their own, one after the other, on a database of their own.
     */
    @Test
    void aRestartWhileTheRelayIsBehindResumesFromItsTokenAndSkipsNothing() {
        List<String> accounts = new ArrayList<>();
        int perAccount = 5;
        try (ConfigurableApplicationContext first = startService()) {
            Api api = api(first);
            for (int i = 0; i < 3; i++) {
                accounts.add(register(api, "Restarted " + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accounts.stream()
                    .allMatch(id -> topic().firstAppearances(id).contains(0L)));
            kafka.close();
            for (String id : accounts) {
                for (int i = 0; i < perAccount; i++) {
                    assertThat(purchase(api, id)).as("a command while Kafka is down").isEqualTo(200);
                }
            }
        }
        try (ConfigurableApplicationContext second = startService()) {
            kafka = EmbeddedKafka.start(kafkaLog, kafkaPort);
            for (String id : accounts) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(topic().firstAppearances(id)).as("account " + id + " on the topic")
                                .containsExactlyElementsOf(LongStream.rangeClosed(0, perAccount).boxed().toList()));
            }
            Api api = api(second);
            for (String id : accounts) {
                assertThat(purchase(api, id)).as("a command after the restart").isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(topic().firstAppearances(id)).hasSize(perAccount + 2));
            }
            EventsOnTopic topic = topic();
            for (String id : accounts) {
                assertThat(topic.firstAppearances(id))
                        .containsExactlyElementsOf(LongStream.rangeClosed(0, perAccount + 1).boxed().toList());
                assertThat(topic.conflictingDuplicates(id)).isEmpty();
                System.out.printf("after the restart, account %s: events 0..%d in order, %d re-sends%n", id,
                        perAccount + 1, topic.resends(id));
            }
        }
    }

    private ConfigurableApplicationContext startService() {
        // Command-line arguments: they win over application.yml, as the test's own properties do.
        List<String> arguments = new ArrayList<>();
        for (String setting : OUTAGE_SETTINGS) {
            arguments.add("--" + setting);
        }
        arguments.add("--server.port=0");
        arguments.add("--spring.mongodb.uri=" + TestInfrastructure.shared().mongoUri("kafka-outage-restart"));
        arguments.add("--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort);
        return new SpringApplicationBuilder(RelationshipServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext service) {
        return new Api("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + "/api/v1",
                "carol@ops");
    }

    private static String register(Api api, String name) {
        return api.post("/accounts", Map.of("name", name, "industry", "Software", "employeeCount", 40,
                "region", "NA", "classification", "TACTICAL")).body().get("accountId").asText();
    }

    private static int purchase(Api api, String id) {
        return api.post("/accounts/" + id + "/purchases", Map.of("amount", "5.00", "currency", "EUR",
                "occurredAt", "2026-02-01T00:00:00Z")).status();
    }

    private static int accepted(Map<Integer, AtomicInteger> replies) {
        AtomicInteger ok = replies.get(200);
        return ok == null ? 0 : ok.get();
    }

    private double relayLag(String unit) {
        return meters.get("relationship.relay.lag." + unit).gauge().value();
    }

    private static EventsOnTopic topic() {
        return EventsOnTopic.read(kafka.bootstrapServers(), Topics.ACCOUNT_EVENTS);
    }
}
