package com.relationship.service.api;

import com.relationship.contracts.openapi.DocumentedProblems;
import com.relationship.infra.embedded.EmbeddedMongo;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB goes away: commands answer 503 problem+json with Retry-After within seconds (not after the
 * driver's 30 s), readiness turns DOWN while liveness stays UP, and once MongoDB is back on the same
 * port commands are accepted again and every stored event reaches Kafka, without a restart. Own
 * MongoDB (an H2 file, so its data survives its restart) and topic, on the shared test broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "relationship.relay.topic=" + MongoOutageTest.TOPIC)
@DirtiesContext
class MongoOutageTest {

    static final String TOPIC = "mongo-outage.account-events";
    private static final Infrastructure infra = TestInfrastructure.shared();

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
        infra.createTopic(TOPIC, 3, false);
        registry.add("spring.mongodb.uri", () -> mongo.connectionString("relationship_outage"));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void commandsAnswer503WhileMongoIsDownAndTheServiceRecoversByItself() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "dave@ops");
        Api ops = new Api("http://127.0.0.1:" + port, "dave@ops");
        String id = api.post("/accounts", Map.of("name", "Hooli", "industry", "Software", "employeeCount", 900,
                "region", "NA", "classification", "TACTICAL")).body().get("accountId").asText();
        assertThat(purchase(api, id).status()).isEqualTo(200);

        mongo.close();
        int unknown = 0;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            Api.Reply refused = purchase(api, id);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("command while MongoDB is down: %d %s in %d ms%n", refused.status(),
                    refused.body() == null ? "" : refused.body().path("type").asText(), millis);
            assertThat(refused.status()).as("reply " + refused.body()).isEqualTo(503);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.body().get("type").asText()).isIn("/problems/store-unavailable",
                    "/problems/outcome-unknown");
            assertThat(refused.body().get("detail").asText()).contains("retry");
            assertThat(millis).as("answered well before the driver's 30 s server selection").isLessThan(15_000);
            if (refused.body().get("type").asText().equals("/problems/outcome-unknown")) {
                unknown++;
            } else {
                DocumentedProblems.assertAsDocumented(OperationsTest.OPENAPI, refused.body());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ops.get("/actuator/health/readiness").status() == 503);
        assertThat(ops.get("/actuator/health/liveness").status()).isEqualTo(200);

        mongo = EmbeddedMongo.persistent(dir.resolve("mongo.mv.db"), mongoPort);
        await().atMost(Duration.ofSeconds(60)).until(() -> ops.get("/actuator/health/readiness").status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> purchase(api, id).status() == 200);
        long stored = api.get("/accounts/" + id + "/events").body().size();
        // 0 registered, 1 purchase, the purchase(s) after recovery; a 503 outcome-unknown may have stored one.
        assertThat(stored).isBetween(3L, 3L + unknown);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(EventsOnTopic.read(infra.kafkaBootstrapServers(), TOPIC)
                        .firstAppearances(id)).containsExactlyElementsOf(
                        LongStream.range(0, stored).boxed().toList()));
        System.out.printf("after MongoDB came back: %d events stored and on the topic, in order%n", stored);
    }

    private static Api.Reply purchase(Api api, String id) {
        return api.post("/accounts/" + id + "/purchases", Map.of("amount", "7.00", "currency", "EUR",
                "occurredAt", "2026-02-01T00:00:00Z"));
    }
}
