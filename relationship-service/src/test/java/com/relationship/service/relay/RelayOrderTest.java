package com.relationship.service.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.service.api.Api;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import com.relationship.service.api.EventsOnTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * The relay keeps each account's order whatever Kafka refuses or the tracking query misses: an event
 * the broker rejects holds back its account's later events until it goes through, and a stored event
 * the relay never saw (a late commit, inserted here behind its back with an old timestamp) still
 * reaches the topic, before the account's later events. Own database and topic (the topic refuses
 * records over 500 kB), on the shared broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relationship.relay.topic=" + RelayOrderTest.TOPIC,
                "relationship.relay.stuck-after=1s",
                "relationship.relay.reconcile-every=1h",
                "spring.kafka.producer.properties.interceptor.classes=com.relationship.service.relay.PoisonedEvents"})
class RelayOrderTest {

    static final String TOPIC = "relay-order.account-events";
    private static final Infrastructure infra = TestInfrastructure.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "500000")))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("relay-order"));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
    }

    private static final RelayReads relayReads = new RelayReads("domainevents");

    /** Records the reads the relay makes of the event collection, as the driver sends them. */
    @TestConfiguration
    static class ReadsOfTheRelay {
        @Bean
        MongoClientSettingsBuilderCustomizer relayReads() {
            return settings -> settings.addCommandListener(relayReads);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RelayFailures failures;

    @Autowired
    RelayReconciler reconciler;

    @Autowired
    MongoTemplate axonMongoTemplate;

    @Autowired
    MongoClient mongoClient;

    @AfterEach
    void cure() {
        PoisonedEvents.cure();
    }

    private Api api() {
        return new Api("http://127.0.0.1:" + port + "/api/v1", "relay@test");
    }

    private Api ops() {
        return new Api("http://127.0.0.1:" + port, "relay@test");
    }

    private String prometheus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + TestTokens.token("prometheus", Role.ADMIN)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String register(Api api, String name) {
        return api.post("/accounts", Map.of("name", name, "industry", "Logistics", "employeeCount", 80,
                "region", "EMEA", "classification", "TACTICAL")).body().get("accountId").asText();
    }

    private void purchase(Api api, String account) {
        assertThat(api.post("/accounts/" + account + "/purchases", Map.of("amount", "10.00", "currency", "EUR",
                "occurredAt", "2026-02-01T00:00:00Z", "description", "Seats")).status()).isEqualTo(200);
    }

    private EventsOnTopic topic() {
        return EventsOnTopic.read(infra.kafkaBootstrapServers(), TOPIC);
    }

    @Test
    void anEventKafkaRefusesHoldsBackTheAccountsLaterEventsUntilItGoesThrough() throws Exception {
        Api api = api();
        String account = register(api, "Poisoned Freight");
        await().atMost(Duration.ofSeconds(30)).until(() -> topic().firstAppearances(account).equals(List.of(0L)));

        PoisonedEvents.poison(account, 1);
        for (int i = 0; i < 3; i++) {
            purchase(api, account); // sequences 1 (refused by the broker), 2, 3
        }
        // Retried at least once more and still refused: nothing of the account after sequence 0 meanwhile.
        await().atMost(Duration.ofSeconds(60)).until(() -> failures.current().stream()
                .anyMatch(f -> f.accountId().equals(account) && f.sequence() == 1 && f.attempts() >= 2));
        List<EventsOnTopic.Seen> whileRefused = topic().of(account);
        System.out.printf("while event 1 is refused the topic holds %s of the account%n", whileRefused);
        assertThat(whileRefused).extracting(EventsOnTopic.Seen::sequence).containsOnly(0L);

        JsonNode health = ops().get("/actuator/health").body().get("components").get("relay");
        System.out.printf("relay health while stuck: %s%n", health);
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/details/stuck").asBoolean()).isTrue();
        assertThat(health.at("/details/failing/0/accountId").asText()).isEqualTo(account);
        assertThat(health.at("/details/failing/0/sequence").asLong()).isEqualTo(1);
        assertThat(health.at("/details/failing/0/reason").asText()).contains("RecordTooLarge");
        assertThat(prometheus())
                .containsPattern("relationship_relay_stuck_seconds\\{[^}]*} [1-9]");
        assertThat(ops().get("/actuator/health/readiness").status()).isEqualTo(200);

        PoisonedEvents.cure();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(topic().firstAppearances(account)).containsExactly(0L, 1L, 2L, 3L));
        EventsOnTopic after = topic();
        System.out.printf("after the cure: %s (%d re-sends)%n", after.of(account), after.resends(account));
        assertThat(after.conflictingDuplicates(account)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> failures.current().isEmpty());
    }

    @Test
    void aLateCommitOfAnAccountsLastEventIsReconciled() {
        Api api = api();
        String account = register(api, "Late Commit Ltd");
        purchase(api, account);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic().firstAppearances(account).equals(List.of(0L, 1L)));

        insertBehindTheRelaysBack(account, 2, Instant.now().minus(Duration.ofMinutes(10)));
        int published = reconciler.reconcile();
        System.out.printf("reconciliation published %d event(s)%n", published);
        assertThat(published).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topic().firstAppearances(account)).containsExactly(0L, 1L, 2L));
        assertThat(reconciler.reconcile()).as("a second pass finds nothing missing").isZero();
    }

    @Test
    void aLateCommitFollowedByALaterEventIsPublishedBeforeIt() {
        Api api = api();
        String account = register(api, "Late Then Later GmbH");
        purchase(api, account);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic().firstAppearances(account).equals(List.of(0L, 1L)));

        // Event 2 became visible too late for the tracking query; event 3 comes after it normally.
        insertBehindTheRelaysBack(account, 2, Instant.now().minus(Duration.ofMinutes(10)));
        insertBehindTheRelaysBack(account, 3, Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topic().firstAppearances(account)).containsExactly(0L, 1L, 2L, 3L));
        System.out.printf("late commit then later event: %s%n", topic().of(account));
    }

    /**
     * On a replica set an event the primary applied but a majority did not can be rolled back: the relay
     * must not publish it. Every read the relay makes (the tracking query, the stored events it sends
     * from the store, the reconciler's look over the collection) asks for majority-committed data. The
     * embedded MongoDB has one node, where the two are the same; this checks what goes on the wire.
     */
    @Test
    void everyReadOfTheRelayAsksForWhatAMajorityHasCommitted() {
        Api api = api();
        String account = register(api, "Majority Reads KG");
        purchase(api, account);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic().firstAppearances(account).equals(List.of(0L, 1L)));
        insertBehindTheRelaysBack(account, 2, Instant.now().minus(Duration.ofMinutes(10)));
        // The reconciler looks over the collection and reads event 2 from the store to publish it (once the
        // relay has stored a position: before, everything stored is still ahead of the relay).
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reconciler.reconcile();
            return topic().firstAppearances(account).equals(List.of(0L, 1L, 2L));
        });

        List<RelayReads.Read> reads = relayReads.all();
        System.out.printf("the relay's reads of the event store: %s%n", reads.stream().distinct().toList());
        assertThat(reads).extracting(RelayReads.Read::by)
                .contains("EmbeddedEventStore$EventProducer", "RelayPublisher", "RelayReconciler");
        assertThat(reads).allSatisfy(read -> assertThat(read.readConcern()).as(read.toString()).isEqualTo("majority"));
    }

    /**
     * After an upgrade (a relay token, no positions kept yet) the reconciler records the positions of the
     * accounts relayed before instead of sending all their history again.
     */
    @Test
    void withoutAnyPositionTheEventsTheRelayHasPassedAreTakenAsPublished() {
        Api api = api();
        String account = register(api, "Upgraded Inc");
        await().atMost(Duration.ofSeconds(30)).until(() -> topic().firstAppearances(account).equals(List.of(0L)));
        MongoCollection<Document> positions = mongoClient.getDatabase(axonMongoTemplate.eventCollection()
                .getNamespace().getDatabaseName()).getCollection(RelayPositions.COLLECTION);
        positions.drop();
        // Once the registration is older than the relay's position minus the look-back, it counts as passed;
        // the position moves with new events, so keep some coming. (Events of other accounts still within the
        // look-back when the positions were dropped may be sent again.)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            register(api, "Newcomer");
            reconciler.reconcile();
            return positions.find(new Document("_id", account)).first() != null;
        });
        assertThat(topic().of(account)).as("nothing sent again").hasSize(1);
    }

    /**
     * The registration the tracking query never delivers (stored with a timestamp ten minutes old) and the
     * account's next event delivered normally: the relay publishes the registration first, from the store,
     * instead of starting the account at the first sequence it saw.
     */
    @Test
    void anAccountsFirstBatchWithoutItsRegistrationIsPublishedFromSequenceZero() {
        Api api = api();
        String source = register(api, "Probe Source AG");
        purchase(api, source);
        String account = UUID.randomUUID().toString();

        copyBehindTheRelaysBack(source, 0, account, Instant.now().minus(Duration.ofMinutes(10)));
        copyBehindTheRelaysBack(source, 1, account, Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topic().firstAppearances(account)).containsExactly(0L, 1L));
        System.out.printf("registration missed by the tracking query: %s on the topic%n", topic().of(account));
    }

    /**
     * What the relay used to leave behind (the registration never published, later events on the topic,
     * the position past them) is a hole: the relay health component names it once it is older than the
     * claim timeout, and the repair (an admin operation, and every reconciler pass) publishes it.
     */
    @Test
    void aHoleInAnAccountsTopicHistoryIsNamedByHealthAndRepairedInOrder() throws Exception {
        Api api = api();
        String source = register(api, "Hole Source SE");
        purchase(api, source);
        purchase(api, source);
        String account = UUID.randomUUID().toString();
        // As the relay before this fix left it: its position says 0 was published, then 1 and 2 were.
        positions().updateOne(new Document("_id", account), new Document("$set", new Document("sequence", 0L)),
                new UpdateOptions().upsert(true));
        copyBehindTheRelaysBack(source, 0, account, Instant.now().minus(Duration.ofMinutes(10)));
        copyBehindTheRelaysBack(source, 1, account, Instant.now());
        copyBehindTheRelaysBack(source, 2, account, Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topic().firstAppearances(account)).containsExactly(1L, 2L));

        JsonNode relay = await().atMost(Duration.ofSeconds(30)).until(
                () -> ops().get("/actuator/health").body().get("components").get("relay"),
                health -> health.at("/details/topicHolesCount").asInt() > 0);
        System.out.printf("relay health with a hole: %s%n", relay);
        assertThat(relay.get("status").asText()).isEqualTo("DOWN");
        assertThat(relay.at("/details/topicHoles/0/accountId").asText()).isEqualTo(account);
        assertThat(relay.at("/details/topicHoles/0/missing").toString()).isEqualTo("[0]");
        assertThat(prometheus()).containsPattern("relationship_relay_topic_holes\\{[^}]*} [1-9]");

        Api.Reply repair = ops().post("/api/v1/admin/relay-repairs", Map.of());
        System.out.printf("repair: %s%n", repair.body());
        assertThat(repair.status()).isEqualTo(200);
        assertThat(repair.body().get("repaired").toString())
                .contains("{\"accountId\":\"" + account + "\",\"sequences\":[0]}");
        assertThat(repair.body().get("eventsPublished").asLong()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topic().firstAppearances(account)).containsExactly(1L, 2L, 0L));
        await().atMost(Duration.ofSeconds(30)).until(() -> ops().get("/actuator/health").body()
                .at("/components/relay/details/topicHolesCount").asInt() == 0);
        assertThat(ops().post("/api/v1/admin/relay-repairs", Map.of()).body().get("repaired").toString())
                .as("a second repair finds nothing of the account missing").doesNotContain(account);
        assertThat(prometheus()).containsPattern("relationship_relay_repaired_events_total\\{[^}]*} [1-9]");
    }

    /** An acknowledged record the topic no longer holds (the position is past it, the topic never had it) is published again. */
    @Test
    void anAcknowledgedEventTheTopicLacksIsPublishedAgainByTheReconciler() {
        Api api = api();
        String source = register(api, "Lost Record BV");
        purchase(api, source);
        String account = UUID.randomUUID().toString();
        positions().updateOne(new Document("_id", account), new Document("$set", new Document("sequence", 1L)),
                new UpdateOptions().upsert(true));
        copyBehindTheRelaysBack(source, 0, account, Instant.now().minus(Duration.ofMinutes(10)));
        copyBehindTheRelaysBack(source, 1, account, Instant.now().minus(Duration.ofMinutes(10)));

        assertThat(reconciler.reconcile()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topic().firstAppearances(account)).containsExactly(0L, 1L));
    }

    private MongoCollection<Document> positions() {
        return mongoClient.getDatabase(axonMongoTemplate.eventCollection().getNamespace().getDatabaseName())
                .getCollection(RelayPositions.COLLECTION);
    }

    /**
     * Event {@code sequence} of {@code source} as the event store holds it, stored again as the event of
     * another account ({@code account} wherever the source's id stood, a new event id) with this timestamp.
     */
    private void copyBehindTheRelaysBack(String source, long sequence, String account, Instant timestamp) {
        MongoCollection<Document> events = axonMongoTemplate.eventCollection();
        Document stored = events.find(new Document("aggregateIdentifier", source).append("sequenceNumber", sequence))
                .first();
        assertThat(stored).as("event " + sequence + " of " + source).isNotNull();
        Document copy = new Document();
        stored.forEach((field, value) -> copy.put(field, value instanceof String text ? text.replace(source, account)
                : value instanceof Binary binary ? new Binary(new String(binary.getData(), StandardCharsets.UTF_8)
                        .replace(source, account).getBytes(StandardCharsets.UTF_8)) : value));
        copy.remove("_id");
        copy.put("eventIdentifier", UUID.randomUUID().toString());
        copy.put("timestamp", formatInstant(timestamp));
        events.insertOne(copy);
    }

    /** A copy of the account's event 1 as the event store holds it, as a new event at {@code sequence}. */
    private void insertBehindTheRelaysBack(String account, long sequence, Instant timestamp) {
        MongoCollection<Document> events = axonMongoTemplate.eventCollection();
        Document stored = events.find(new Document("aggregateIdentifier", account).append("sequenceNumber", 1L)).first();
        assertThat(stored).as("event 1 of " + account).isNotNull();
        Document late = new Document(stored);
        late.remove("_id");
        late.put("eventIdentifier", UUID.randomUUID().toString());
        late.put("sequenceNumber", sequence);
        late.put("timestamp", formatInstant(timestamp));
        events.insertOne(late);
    }
}
