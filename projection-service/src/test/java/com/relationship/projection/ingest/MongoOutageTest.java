package com.relationship.projection.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.infra.embedded.EmbeddedMongo;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.projection.status.AccountHistory;
import com.relationship.security.test.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB goes away while events keep arriving: the instance turns unready, the REST API answers 503
 * problems, the event waits (retried with back-off, never skipped or dead-lettered), and once MongoDB
 * is back the event is applied and readiness returns. Own topics and consumer group, own Mongo (an H2
 * file, so its data survives the restart); Kafka is the shared test broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MongoOutageTest {

    private static final String EVENTS = "outage.account-events";
    private static final Infrastructure infra = TestInfrastructure.shared();
    private static final ObjectMapper json = ContractJson.newObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static EmbeddedMongo mongo;
    private static int mongoPort;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        mongo = EmbeddedMongo.persistent(dir.resolve("mongo.mv.db"), 0);
        mongoPort = mongo.port();
        infra.createTopic(EVENTS, 1, false);
        registry.add("spring.mongodb.uri", () -> mongo.connectionString("projection_outage"));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> "projection-outage-test");
        registry.add("projection.topics.events", () -> EVENTS);
        registry.add("projection.topics.status", () -> "outage.account-status");
        registry.add("projection.topics.dead-letter", () -> EVENTS + ".DLT");
        registry.add("projection.topics.status-partitions", () -> "1");
        registry.add("projection.store.server-selection-timeout", () -> "500ms");
        registry.add("projection.retry.max-interval", () -> "1s");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void anEventArrivingWhileMongoIsDownWaitsAndIsAppliedWhenItIsBack() throws Exception {
        AccountHistory history = AccountHistory.registered(UUID.randomUUID(), "Acme")
                .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("99.90"), "EUR",
                        Instant.parse("2026-01-10T00:00:00Z"), "Licence"));
        String statusPath = "/api/v1/accounts/" + history.accountId() + "/status";
        AccountEventCodec codec = new AccountEventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(EVENTS, history.accountId().toString(), codec.encode(history.get(0))))
                    .get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(statusPath).statusCode() == 200);

            mongo.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 503);
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            producer.send(new ProducerRecord<>(EVENTS, history.accountId().toString(), codec.encode(history.get(1))))
                    .get(10, TimeUnit.SECONDS);

            // While MongoDB is down the API says so, and keeps saying so: nothing is skipped meanwhile.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
                HttpResponse<String> response = get(statusPath);
                return response.statusCode() == 503 && response.body().contains("/problems/read-model-unavailable");
            });

            mongo = EmbeddedMongo.persistent(dir.resolve("mongo.mv.db"), mongoPort);
            AccountStatus status = await().atMost(Duration.ofSeconds(60)).until(() -> {
                HttpResponse<String> response = get(statusPath);
                return response.statusCode() == 200 ? json.readValue(response.body(), AccountStatus.class) : null;
            }, s -> s != null && s.lastAppliedSequence() == 1);
            assertThat(status.purchaseCount()).isEqualTo(1);
            assertThat(status.purchaseTotals()).containsEntry("EUR", new BigDecimal("99.90"));
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
            assertThat(get("/actuator/prometheus").body()).doesNotContain("projection_events_dead_lettered_total");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.allRoles("projection-test")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
