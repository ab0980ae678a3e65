package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.relationship.contracts.Topics;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.contracts.events.PurchaseRecorded;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account with 10,000 events (issue 9, "Tests"): as-of state, state at a version, the timeline,
 * the integrity check and the NDJSON history all answer it correctly. The times are printed as
 * figures for the performance notes, not asserted: a timed assertion would fail on a slow machine
 * without telling anything about the code.
 * <p>
 * A context of its own, with its own database and events topic, closed afterwards: the relay sends
 * one event of an account per round, so 10,000 events of one account would otherwise queue ahead of
 * every later test's events on the shared topic for minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LongHistoryTest {

    private static final String TOPIC = "long-history.account-events";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = TestInfrastructure.shared();
        infrastructure.createTopic(TOPIC, Topics.PARTITIONS, false);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("relationship_long_history"));
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("relationship.relay.topic", () -> TOPIC);
    }

    private static final int EVENTS = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aTenThousandEventAccountIsReplayedVerifiedAndStreamedWhole() {
        processing.eventProcessor("kafka-relay").ifPresent(EventProcessor::shutDown);
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "ada@audit");
        String accountId = api.post("/accounts", Map.of("name", "Long Ltd", "industry", "Retail", "employeeCount", 10,
                "region", "EMEA", "classification", "TACTICAL")).body().get("accountId").asText();
        String account = "/accounts/" + accountId;
        // One millisecond apart from the registration on, as a burst of commands would be recorded.
        Instant start = Instant.now();
        long appendStarted = System.nanoTime();
        // Appended straight to the event store, as many commands would, so the test does not spend
        // minutes on 10,000 HTTP round trips; the storage strategy chains each one as it stores it.
        List<GenericDomainEventMessage<PurchaseRecorded>> batch = new ArrayList<>();
        for (long sequence = 1; sequence < EVENTS; sequence++) {
            batch.add(new GenericDomainEventMessage<>("Account", accountId, sequence,
                    new PurchaseRecorded(UUID.fromString(accountId), UUID.randomUUID(), new BigDecimal("1.00"), "EUR",
                            start.plusMillis(sequence), "item " + sequence),
                    MetaData.with("actor", "ada@audit"), UUID.randomUUID().toString(), start.plusMillis(sequence)));
            if (batch.size() == 500 || sequence == EVENTS - 1) {
                eventStore.publish(new ArrayList<>(batch));
                batch.clear();
            }
        }
        System.out.printf("long history: %,d events appended in %d ms%n", EVENTS, (System.nanoTime() - appendStarted) / 1_000_000);

        Instant middle = start.plusMillis(5_000);
        JsonNode asOf = timed("state?asOf (event 5,000 of 10,000)", () -> api.get(account + "/state?asOf=" + middle).body());
        assertThat(asOf.get("version").asLong()).isEqualTo(5_000);
        JsonNode atVersion = timed("state?version=9999", () -> api.get(account + "/state?version=9999").body());
        assertThat(atVersion.get("version").asLong()).isEqualTo(9_999);
        JsonNode integrity = timed("integrity", () -> api.get(account + "/integrity").body());
        assertThat(integrity.get("intact").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.get("events").asLong()).isEqualTo(EVENTS);
        timed("timeline", () -> api.get(account + "/timeline").body());
        JsonNode events = timed("events, streamed as one array", () -> api.get(account + "/events").body());
        assertThat(events).hasSize(EVENTS);
        assertThat(events.get(EVENTS - 1).get("sequence").asLong()).isEqualTo(EVENTS - 1);
        String ndjson = timed("history as NDJSON", () -> api.raw("GET", account + "/history", null,
                Map.of("Accept", "application/x-ndjson")).raw().body());
        assertThat(ndjson.strip().split("\n")).hasSize(EVENTS);
    }

    /** Asks twice, prints both times (the first includes compiling the read path), answers the second. */
    private static <T> T timed(String what, Supplier<T> call) {
        long started = System.nanoTime();
        call.get();
        long first = System.nanoTime() - started;
        started = System.nanoTime();
        T answer = call.get();
        long second = System.nanoTime() - started;
        System.out.printf("long history: %s answered in %d ms, again in %d ms%n", what, first / 1_000_000,
                second / 1_000_000);
        return answer;
    }
}
