package com.relationship.projection.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.projection.status.AccountHistory;
import com.relationship.projection.status.AccountStatusProjector;
import com.relationship.security.test.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.math.BigDecimal;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Issue 6, test 4 and the inconsistency rule, on one partition and in one batch (so "consumption goes on" means the
 * same partition too): a corrupt message, a CloudEvent without subject, an unknown event type from a
 * "newer writer" and a different event at an applied sequence are dead-lettered with their reasons;
 * the accounts they belong to turn stale; another account's events on the partition are applied
 * meanwhile; the events after the unknown one park behind it. Then the projection "learns" the type
 * (the codec bean is given the upgrade's mapping) and a re-drive applies it, releases the parked
 * events and clears the stale mark.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DeadLetterTest {

    private static final String EVENTS = "dlt-test.account-events";
    private static final String STATUS = "dlt-test.account-status";
    private static final String DEAD_LETTERS = EVENTS + ".DLT";
    private static final String UNKNOWN_TYPE = "com.relationship.account.RelationshipReviewed.v1";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Infrastructure infra = TestInfrastructure.shared();
    private static final AccountEventCodec realCodec = new AccountEventCodec();
    private static final ObjectMapper json = ContractJson.newObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    @MockitoSpyBean
    AccountEventCodec codec;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.createTopic(EVENTS, 1, false);
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("projection_dlt_" + UUID.randomUUID().toString().substring(0, 8)));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> "projection-dlt-test");
        registry.add("projection.topics.events", () -> EVENTS);
        registry.add("projection.topics.status", () -> STATUS);
        registry.add("projection.topics.dead-letter", () -> DEAD_LETTERS);
        registry.add("projection.topics.status-partitions", () -> "1");
        registry.add("projection.retry.max-interval", () -> "1s");
    }

    /** Each read model has its own consumer group, and letters, parks and counts its own copy. */
    private static final int READ_MODELS = 7;

    @Test
    void poisonIsDeadLetteredTheAccountTurnsStaleTheRestGoesOnAndARedriveAfterTheUpgradeFillsTheHole() throws Exception {
        AccountHistory acme = AccountHistory.registered(UUID.randomUUID(), "Acme")
                .then(id -> purchase(id, "100"))                                                        // 1
                .then(id -> new ReferralRecorded(id, UUID.randomUUID(), "Sister plant", "Acme Logistics")) // 2: sent as an unknown type
                .then(id -> purchase(id, "200"))                                                        // 3
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER)); // 4
        AccountHistory beta = AccountHistory.registered(UUID.randomUUID(), "Beta")
                .then(id -> purchase(id, "1"))
                .then(id -> purchase(id, "2"));
        UUID corruptAccount = UUID.randomUUID();
        UUID noSubjectAccount = UUID.randomUUID();
        EnvelopedAccountEvent conflicting = new EnvelopedAccountEvent(UUID.randomUUID().toString(), beta.accountId(), 1,
                AccountHistory.at(1), "mallory", "corr-x", "cmd-x", purchase(beta.accountId(), "999"));

        // One producer transaction: its records become visible to the read_committed listeners at once,
        // so each read model takes them as one batch, the poison records in its middle.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dlt-test-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            send(producer, acme.get(0), acme.get(1));
            sendRaw(producer, corruptAccount.toString(), "{\"specversion\":\"1.0\",\"id\":".getBytes(StandardCharsets.UTF_8));
            sendRaw(producer, noSubjectAccount.toString(), withoutSubject(realCodec.encode(
                    AccountHistory.registered(noSubjectAccount, "Nobody").get(0))));
            sendRaw(producer, acme.accountId().toString(), asUnknownType(realCodec.encode(acme.get(2))));
            send(producer, acme.get(3), acme.get(4));
            send(producer, beta.get(0), beta.get(1), beta.get(2));
            send(producer, conflicting);
            producer.commitTransaction();
        }

        // The other account on the partition is applied; the conflicting event did not change it.
        AccountStatus betaStatus = await().atMost(WAIT).until(() -> status(beta.accountId()), s -> s != null && s.stale());
        assertThat(betaStatus.lastAppliedSequence()).isEqualTo(2);
        assertThat(betaStatus.purchaseTotals()).containsEntry("EUR", new BigDecimal("3"));
        assertThat(betaStatus.staleReason()).contains("claims sequence 1").contains(conflicting.eventId());
        assertThat(betaStatus).isEqualTo(new AccountStatusProjector().fold(beta.events()).withStale(betaStatus.staleReason()));

        // Acme stops at the hole: 3 and 4 park behind the dead-lettered 2; it is stale, and says why.
        AccountStatus acmeStale = await().atMost(WAIT).until(() -> status(acme.accountId()), s -> s != null && s.stale());
        assertThat(acmeStale.lastAppliedSequence()).isEqualTo(1);
        assertThat(acmeStale.staleReason()).contains("sequence 2").contains("Unknown account event type " + UNKNOWN_TYPE);
        // Each read model parks acme's 3 and 4 in its own documents.
        await().atMost(WAIT).until(() -> prometheus().contains("projection_events_parked{application=\"projection-service\"} "
                + (2 * READ_MODELS) + ".0"));

        List<ConsumerRecord<String, byte[]>> letters = await().atMost(WAIT).until(() -> CommittedRecords.readAll(infra.kafkaBootstrapServers(), DEAD_LETTERS), l -> l.size() >= 4 * READ_MODELS);
        assertThat(topicConfig(DEAD_LETTERS, "retention.ms")).as("a letter is kept until it is re-driven").isEqualTo("-1");
        // Each read model (its own consumer group) letters its own copy, naming itself.
        assertThat(letters).hasSize(4 * READ_MODELS);
        assertThat(letters).extracting(letter -> header(letter, KafkaErrorHandling.READ_MODEL_HEADER))
                .filteredOn("account-status"::equals).hasSize(4);
        letters = letters.stream().filter(letter -> "account-status".equals(header(letter, KafkaErrorHandling.READ_MODEL_HEADER)))
                .toList();
        assertThat(letters).allSatisfy(letter -> {
            assertThat(header(letter, KafkaErrorHandling.REASON_HEADER)).isNotBlank();
            assertThat(header(letter, "kafka_dlt-exception-message")).isNotBlank();
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(EVENTS);
        });
        assertThat(letters).extracting(letter -> header(letter, KafkaErrorHandling.ACCOUNT_HEADER)).containsExactlyInAnyOrder(
                corruptAccount.toString(), noSubjectAccount.toString(), acme.accountId().toString(), beta.accountId().toString());
        assertThat(letters).extracting(letter -> header(letter, KafkaErrorHandling.REASON_TYPE_HEADER)).containsExactlyInAnyOrder(
                "UnknownAccountEventException", "UnknownAccountEventException", "UnknownAccountEventException",
                "ConflictingEventException");
        assertThat(letters).extracting(letter -> header(letter, KafkaErrorHandling.REASON_HEADER))
                .anySatisfy(reason -> assertThat(reason).contains("Not a CloudEvents JSON message"))
                .anySatisfy(reason -> assertThat(reason).contains("Cannot decode the message"))
                .anySatisfy(reason -> assertThat(reason).contains(UNKNOWN_TYPE))
                .anySatisfy(reason -> assertThat(reason).contains("Inconsistent event stream"));

        String metrics = await().atMost(WAIT).until(this::prometheus,
                m -> m.contains("projection_accounts_stale{application=\"projection-service\"} 4.0"));
        assertThat(metrics).contains("projection_events_inconsistent_total{application=\"projection-service\"} " + READ_MODELS + ".0")
                .doesNotContain("projection_events_duplicates_total");
        JsonNode projectionHealth = json.readTree(get("/actuator/health").body()).get("components").get("projection");
        assertThat(projectionHealth.get("details").get("inconsistencies").asLong()).as("once per read model").isEqualTo(READ_MODELS);
        assertThat(projectionHealth.get("details").get("lastInconsistencies").get(0).asText()).contains(conflicting.eventId());
        System.out.printf("Dead letters: %d on %s (reasons %s); stale accounts 4; inconsistencies " + READ_MODELS + " (one per read model); acme parked 2 behind its hole in each%n",
                letters.size(), DEAD_LETTERS, letters.stream().map(l -> header(l, KafkaErrorHandling.REASON_TYPE_HEADER)).toList());

        // The upgrade: this version now reads the type (as a referral, the event it stands for here).
        doAnswer(invocation -> {
            byte[] message = invocation.getArgument(0);
            return new String(message, StandardCharsets.UTF_8).contains(UNKNOWN_TYPE) ? acme.get(2) : invocation.callRealMethod();
        }).when(codec).decode(any());

        HttpResponse<String> redrive = post("/api/v1/admin/dead-letters/redrive");
        assertThat(redrive.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(redrive.body());
        assertThat(report.get("examined").asInt()).isEqualTo(4 * READ_MODELS);
        assertThat(report.get("applied").asInt()).as("the letter of each read model").isEqualTo(READ_MODELS);
        assertThat(report.get("stillFailing")).hasSize(3 * READ_MODELS);

        AccountStatus acmeRedriven = status(acme.accountId());
        assertThat(acmeRedriven.lastAppliedSequence()).isEqualTo(4);
        assertThat(acmeRedriven.stale()).isFalse();
        assertThat(acmeRedriven).isEqualTo(new AccountStatusProjector().fold(acme.events()));
        assertThat(status(beta.accountId()).stale()).as("the inconsistency still needs a person").isTrue();
        await().atMost(WAIT).until(this::prometheus,
                m -> m.contains("projection_accounts_stale{application=\"projection-service\"} 3.0")
                        && m.contains("projection_events_parked{application=\"projection-service\"} 0.0"));
        AccountStatus published = await().atMost(WAIT).until(() -> latestStatus(acme.accountId()),
                s -> s != null && s.lastAppliedSequence() == 4);
        assertThat(published).isEqualTo(acmeRedriven);

        HttpResponse<String> again = post("/api/v1/admin/dead-letters/redrive");
        JsonNode secondReport = json.readTree(again.body());
        assertThat(secondReport.get("applied").asInt()).isZero();
        assertThat(secondReport.get("alreadyApplied").asInt()).isEqualTo(READ_MODELS);
        System.out.printf("Re-drive: examined %d, applied %d (and released 2 parked), still failing %d; again: applied %d, "
                        + "already applied %d; stale accounts 3%n", report.get("examined").asInt(), report.get("applied").asInt(),
                report.get("stillFailing").size(), secondReport.get("applied").asInt(), secondReport.get("alreadyApplied").asInt());
    }

    private static String topicConfig(String topic, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource).get(name).value();
        }
    }

    private static byte[] asUnknownType(byte[] cloudEvent) {
        return new String(cloudEvent, StandardCharsets.UTF_8)
                .replace("com.relationship.account.ReferralRecorded.v1", UNKNOWN_TYPE).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withoutSubject(byte[] cloudEvent) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode envelope = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(cloudEvent);
        envelope.remove("subject");
        return json.writeValueAsBytes(envelope);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private AccountStatus latestStatus(UUID accountId) throws Exception {
        AccountStatus latest = null;
        for (ConsumerRecord<String, byte[]> record : CommittedRecords.readAll(infra.kafkaBootstrapServers(), STATUS)) {
            if (record.key().equals(accountId.toString())) {
                latest = json.readValue(record.value(), AccountStatus.class);
            }
        }
        return latest;
    }

    private AccountStatus status(UUID accountId) throws Exception {
        HttpResponse<String> response = get("/api/v1/accounts/" + accountId + "/status");
        // As the fold and the topic have it: the trailing year priced on read is ProfitabilityIntegrationTest's.
        return response.statusCode() == 200 ? json.readValue(response.body(), AccountStatus.class).asPublished() : null;
    }

    private String prometheus() throws Exception {
        return get("/actuator/prometheus").body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.allRoles("projection-test")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.allRoles("projection-test"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void send(KafkaProducer<String, byte[]> producer, EnvelopedAccountEvent... events) throws Exception {
        for (EnvelopedAccountEvent event : events) {
            sendRaw(producer, event.accountId().toString(), realCodec.encode(event));
        }
    }

    private static void sendRaw(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(EVENTS, key, value)).get(10, TimeUnit.SECONDS);
    }

    private static PurchaseRecorded purchase(UUID accountId, String amount) {
        return new PurchaseRecorded(accountId, UUID.randomUUID(), new BigDecimal(amount), "EUR",
                Instant.parse("2026-01-10T00:00:00Z"), "Licence");
    }
}
