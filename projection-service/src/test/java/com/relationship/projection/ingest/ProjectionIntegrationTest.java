package com.relationship.projection.ingest;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.churn.ChurnRiskCodec;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactErased;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.ContactRoleAssessed;
import com.relationship.contracts.events.InteractionRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import com.relationship.contracts.openapi.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.Topics;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ExchangeType;
import com.relationship.contracts.status.StagePeriod;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.projection.status.AccountHistory;
import com.relationship.security.Role;
import com.relationship.security.personaldata.KeyStore;
import com.relationship.security.personaldata.PersonalData;
import com.relationship.security.test.HealthProbes;
import com.relationship.security.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path over a real Kafka broker and a real Mongo-protocol server (embedded by default,
 * Testcontainers with {@code -Dinfra=containers}): CloudEvents in, including a duplicate, a reordered
 * pair and poison; the read model over REST, the status topic and the dead-letter topic out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionIntegrationTest {

    private static final Infrastructure infra = TestInfrastructure.shared();
    private static final String DEAD_LETTERS = Topics.ACCOUNT_EVENTS + ".DLT";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The published OpenAPI document; surefire runs with the module as working directory. */
    private static final Path OPENAPI = Path.of("../api-contracts/src/main/resources/openapi/projection-service.json");

    private static final AccountEventCodec codec = new AccountEventCodec();
    private static final ObjectMapper json = ContractJson.newObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    TimePasses timePasses;

    @Autowired
    List<ReadModelPipeline<?>> pipelines;

    @Autowired
    PersonalData personalData;

    @Autowired
    KeyStore keyStore;

    /** Time passing is moved by the test, never waited for. */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now());
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.createTopic(Topics.ACCOUNT_EVENTS, 3, false);
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("projection_it"));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("projection.metrics.parked-refresh", () -> "1s");
        registry.add("projection.retry.max-interval", () -> "2s");
        // Time passes only when a test says so (timePasses.pass()): a scheduled pass at the clock's start
        // instant would move the first test's accounts past the instant the rebuild test sets the clock
        // back to, and their live views would then differ from the rebuilt ones (a slow start made it so).
        registry.add("projection.time.initial-delay", () -> "1h");
        // The default 60 tickets a minute refill one a second: a burst of 21 taking over a second on a busy
        // machine got its 21st. An hour makes the refill slower than any run of the burst.
        registry.add("projection.dashboard.ticket-rate.per", () -> "1h");
        registry.add("projection.topics.status-partitions", () -> "3");
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @Test
    void eventsBecomeStatusesOverRestAndOnTheStatusTopicAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        long eventsBefore = endOffsets(Topics.ACCOUNT_EVENTS);
        AccountHistory acme = AccountHistory.registered(UUID.randomUUID(), "Acme Industrial GmbH")
                .then(id -> purchase(id, "48000.50"))                                                   // 1
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER)) // 2
                .then(id -> new ComplaintOpened(id, UUID.randomUUID(), "Late delivery",
                        Instant.parse("2026-02-01T00:00:00Z")))                                         // 3
                .then(id -> purchase(id, "12345678901234567.80"));                                      // 4
        AccountHistory beta = AccountHistory.registered(UUID.randomUUID(), "Beta Logistics")
                .then(id -> new KeyAccountDesignated(id, "Growth potential"))                           // 1
                .then(id -> purchase(id, "10"));                                                        // 2

        send(acme.get(0), acme.get(1), acme.get(2));
        send(acme.get(2));                                         // a redelivery
        send(beta.get(0), beta.get(2), beta.get(1));               // a reordered pair: 2 before 1
        sendRaw(acme.accountId().toString(), "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));
        sendRaw(acme.accountId().toString(), unknownTypeCloudEvent(acme.accountId()));
        send(acme.get(3), acme.get(4));                            // the partition moves on after the poison
        int produced = 11;

        AccountStatus acmeStatus = await().atMost(WAIT).until(() -> status(acme.accountId()),
                s -> s != null && s.lastAppliedSequence() == 4);
        // Both poison messages were keyed with acme's id: it is stale, and says why, but every event applied.
        assertThat(acmeStatus.stale()).isTrue();
        assertThat(acmeStatus.staleReason()).contains("Not a CloudEvents JSON message").contains("sequence 99");
        assertThat(acmeStatus).isEqualTo(new com.relationship.projection.status.AccountStatusProjector().fold(acme.events())
                .withStale(acmeStatus.staleReason()));
        assertThat(acmeStatus.stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(acmeStatus.purchaseCount()).isEqualTo(2);
        assertThat(acmeStatus.purchaseTotals()).containsEntry("EUR", new BigDecimal("12345678901282568.30"));
        assertThat(acmeStatus.openComplaints()).hasSize(1);
        assertThat(acmeStatus.stagePeriods()).extracting(StagePeriod::stage)
                .containsExactly(LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER);

        AccountStatus betaStatus = await().atMost(WAIT).until(() -> status(beta.accountId()),
                s -> s != null && s.lastAppliedSequence() == 2);
        assertThat(betaStatus).isEqualTo(new com.relationship.projection.status.AccountStatusProjector().fold(beta.events()));

        // The status topic: the latest per account is the read model; statuses never go backwards.
        Map<String, List<AccountStatus>> published = await().atMost(WAIT).until(this::readStatusTopic,
                topic -> last(topic.get(acme.accountId().toString())) == 4 && last(topic.get(beta.accountId().toString())) == 2);
        assertThat(published.get(acme.accountId().toString())).last().isEqualTo(acmeStatus);
        assertThat(published.get(beta.accountId().toString())).last().isEqualTo(betaStatus);
        assertThat(published.get(beta.accountId().toString())).extracting(AccountStatus::lastAppliedSequence)
                .isSorted().doesNotContain(1L);

        // Both poison messages are on the dead-letter topic, with the reason: once per read model, each
        // letter naming its read model (each has its own consumer group and re-drives its own letters).
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(WAIT).until(() -> CommittedRecords.readAll(infra.kafkaBootstrapServers(), DEAD_LETTERS),
                records -> records.size() >= 14);
        assertThat(deadLetters).extracting(r -> new String(r.headers().lastHeader(KafkaErrorHandling.READ_MODEL_HEADER).value(),
                StandardCharsets.UTF_8)).containsOnly("account-status", "bonding", "churn-risk", "timeline", "committee",
                        "profitability", "value")
                .filteredOn("account-status"::equals).hasSize(2);
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(acme.accountId().toString());
            assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-original-topic").value())
                    .asString(StandardCharsets.UTF_8).isEqualTo(Topics.ACCOUNT_EVENTS);
        });
        assertThat(deadLetters).extracting(r -> new String(r.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8)).anySatisfy(m -> assertThat(m).contains("Not a CloudEvents JSON message"))
                .anySatisfy(m -> assertThat(m).contains("Unknown account event type com.relationship.account.Unknown.v9"));

        // The timeline: acme's stage periods with the moves in and out, and its events as entries.
        JsonNode timeline = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + acme.accountId() + "/timeline"),
                t -> t != null && t.get("lastAppliedSequence").asLong() == 4);
        assertThat(timeline.get("lifecycle").findValuesAsText("stage")).containsExactly("PROSPECT", "CUSTOMER");
        JsonNode prospect = timeline.get("lifecycle").get(0);
        assertThat(prospect.get("enteredAt").asText()).as("microseconds kept").isEqualTo(AccountHistory.at(0).toString());
        assertThat(prospect.get("duration").asText()).isEqualTo("PT48H");
        assertThat(prospect.get("leftBy").get("type").asText()).isEqualTo("com.relationship.account.LifecycleStageAdvanced.v1");
        assertThat(prospect.get("leftBy").get("eventId").asText()).isEqualTo(acme.get(2).eventId());
        assertThat(timeline.get("lifecycle").get(1).get("leftAt").isNull()).isTrue();
        assertThat(timeline.get("lifecycle").get(1).get("duration").asText()).startsWith("PT");
        assertThat(timeline.get("kam")).isEmpty();
        assertThat(timeline.get("entries").findValuesAsText("summary")).containsExactly(
                "Registered as a PROSPECT: Acme Industrial GmbH", "Purchase of 48000.50 EUR recorded", "Advanced to CUSTOMER",
                "Complaint opened: Late delivery", "Purchase of 12345678901234567.80 EUR recorded");
        assertThat(timeline.get("entries").get(3).get("correlationId").asText()).isEqualTo("corr-3");
        assertThat(timeline.get("entries").get(3).get("actor").asText()).isEqualTo("alice");
        assertThat(timeline.get("droppedEntries").asLong()).isZero();
        assertThat(timeline.get("auditDetails").asBoolean()).isTrue();
        // A reader sees what happened and when, not who, why, the correlation or the complaint's words.
        HttpResponse<String> asReader = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/accounts/" + acme.accountId() + "/timeline"))
                .header("Authorization", "Bearer " + TestTokens.token("rita", Role.READER)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode readers = json.readTree(asReader.body());
        assertThat(readers.get("auditDetails").asBoolean()).isFalse();
        assertThat(readers.get("entries").findValuesAsText("summary")).containsExactly(
                "Registered as a PROSPECT: Acme Industrial GmbH", "Purchase of 48000.50 EUR recorded", "Advanced to CUSTOMER",
                "Complaint opened", "Purchase of 12345678901234567.80 EUR recorded");
        assertThat(readers.get("entries").findValues("actor")).allSatisfy(actor -> assertThat(actor.isNull()).isTrue());
        assertThat(readers.get("entries").findValues("correlationId")).allSatisfy(id -> assertThat(id.isNull()).isTrue());
        assertThat(readers.get("lifecycle").get(0).get("leftBy").get("actor").isNull()).isTrue();
        JsonNode betaTimeline = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + beta.accountId() + "/timeline"),
                t -> t != null && t.get("lastAppliedSequence").asLong() == 2);
        assertThat(betaTimeline.get("kam").get(0).get("stage").asText()).isEqualTo("PRE_KAM");
        assertThat(betaTimeline.get("kam").get(0).get("enteredBy").get("reason").asText()).isEqualTo("Growth potential");
        assertThat(get("/api/v1/accounts/" + UUID.randomUUID() + "/timeline").statusCode()).isEqualTo(404);

        // REST reads, the funnel and the metrics.
        JsonNode page = json.readTree(get("/api/v1/accounts?stage=CUSTOMER&size=10").body());
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("accountId").asText()).isEqualTo(acme.accountId().toString());
        JsonNode funnel = json.readTree(get("/api/v1/funnel").body());
        assertThat(funnel.get("lifecycleStages").get("CUSTOMER").asLong()).isEqualTo(1);
        assertThat(funnel.get("lifecycleStages").get("PROSPECT").asLong()).isEqualTo(1);
        assertThat(funnel.get("lifecycleStages").get("PARTNER").asLong()).isZero();
        assertThat(funnel.get("kamStages").get("PRE_KAM").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/accounts/" + UUID.randomUUID() + "/status").statusCode()).isEqualTo(404);

        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus").body();
            assertThat(metrics).contains("projection_events_applied_total{application=\"projection-service\",readModel=\"account-status\",type=\"PurchaseRecorded\"} 3.0")
                    .contains("projection_events_duplicates_total{application=\"projection-service\",readModel=\"account-status\"} 1.0")
                    .contains("projection_events_gaps_total{application=\"projection-service\",readModel=\"churn-risk\"} 1.0")
                    .contains("projection_events_parked{application=\"projection-service\"} 0.0")
                    .contains("projection_events_dead_lettered_total{application=\"projection-service\",readModel=\"bonding\",reason=\"UnknownAccountEventException\"} 2.0")
                    .contains("kafka_consumer_fetch_manager_records_lag");
        });

        // The read side wrote nothing to the events topic.
        assertThat(endOffsets(Topics.ACCOUNT_EVENTS) - eventsBefore).isEqualTo(produced);
    }

    /**
     * Issue 27 over REST: a backtest reads the events topic, scores as of each cutoff with both model
     * versions and answers its report at its Location; a request that cannot run is a 400 saying why.
     */
    @Test
    void aChurnBacktestRunsOverTheTopicAndAnswersItsReportAtItsLocation() throws Exception {
        HttpResponse<String> started = post("/api/v1/admin/churn-backtests", """
                {"from":"2025-06-01T00:00:00Z","to":"2026-12-01T00:00:00Z","step":"P30D",
                 "horizons":["P90D","P180D"],"models":["1","2"]}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode done = await().atMost(WAIT).until(() -> read(location),
                status -> status != null && !status.get("state").asText().equals("RUNNING"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("recordsRead").asLong()).isPositive().isEqualTo(done.get("recordsToRead").asLong());
        JsonNode report = done.get("report");
        assertThat(report.get("cutoffs").asInt()).isEqualTo(19);
        assertThat(report.get("usedLateFacts").asBoolean()).isFalse();
        assertThat(report.get("results").findValuesAsText("modelVersion")).containsExactly("1", "1", "2", "2");
        assertThat(report.get("results").get(0).get("horizon").asText()).isEqualTo("PT2160H");
        assertThat(report.get("results").get(2).get("bands")).hasSize(3);
        assertThat(read("/api/v1/admin/churn-backtests").findValuesAsText("id")).contains(done.get("id").asText());
        assertThat(report.get("results").get(2).get("modelFingerprint").asText()).startsWith("2:");
        assertThat(report.get("results").get(2).has("unobserved")).isTrue();
        // Model 2 is the active one: its result calibrates revenue at risk, or the report says why not.
        assertThat(done.get("calibration").asText()).containsAnyOf("Calibrates revenue at risk of the active model (2)",
                "Not used for revenue at risk");
        try (var client = com.mongodb.client.MongoClients.create(infra.mongoUri())) {
            assertThat(client.getDatabase("projection_it").getCollection("churn_backtests").countDocuments(
                    new org.bson.Document("_id", done.get("id").asText()))).as("kept for every instance").isEqualTo(1);
        }

        HttpResponse<String> backwards = post("/api/v1/admin/churn-backtests",
                "{\"from\":\"2026-06-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\",\"step\":\"P30D\"}");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(json.readTree(backwards.body()).get("type").asText()).isEqualTo("/problems/invalid-backtest");
        com.relationship.contracts.openapi.DocumentedProblems.assertAsDocumented(OPENAPI, json.readTree(backwards.body()));
        assertThat(json.readTree(backwards.body()).get("detail").asText()).contains("is before from");
        HttpResponse<String> unknownModel = post("/api/v1/admin/churn-backtests",
                "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-06-01T00:00:00Z\",\"step\":\"P30D\",\"models\":[\"7\"]}");
        assertThat(json.readTree(unknownModel.body()).get("detail").asText()).contains("model 7 is not known here");
        HttpResponse<String> narrow = post("/api/v1/admin/churn-backtests", "{\"from\":\"2026-01-01T00:00:00Z\","
                + "\"to\":\"2026-06-01T00:00:00Z\",\"step\":\"P30D\",\"weightRanges\":{\"STAGE\":{\"min\":60,\"max\":70},"
                + "\"SPEND_TREND\":{\"min\":50,\"max\":50}}}");
        assertThat(narrow.statusCode()).isEqualTo(400);
        assertThat(json.readTree(narrow.body()).get("detail").asText()).contains("minimums add up to 110");
        assertThat(get("/api/v1/admin/churn-backtests/nope").statusCode()).isEqualTo(404);
    }

    /**
     * Issue 8 end to end: bonds and silence, moved by the clock alone. A discount runs out without a
     * command; the account goes quiet and its churn band rises from LOW to HIGH as time passes, the
     * change appears on the churn-risk topic with its factors, and a two-way meeting brings it down.
     */
    @Test
    void bondsRunOutAndSilenceRaisesTheChurnBandAsTheClockMovesAndAMeetingBringsItDown() throws Exception {
        Instant t0 = Instant.parse("2026-03-01T09:00:00Z");
        clock.set(t0);
        UUID account = UUID.randomUUID();
        UUID discount = UUID.randomUUID();
        Instant before = t0.minus(Duration.ofDays(1));
        List<AccountEvent> history = List.of(
                new AccountRegistered(account, "Quiet Ltd", "Retail", 40, null, "EMEA", null),
                new PurchaseRecorded(account, UUID.randomUUID(), new BigDecimal("900.00"), "EUR", before, "Licence"),
                new LifecycleStageAdvanced(account, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER),
                new BondEstablished(account, discount, BondKind.FINANCIAL, "10% off for a year", before,
                        t0.plus(Duration.ofDays(10))),
                new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.MEETING, InteractionDirection.TWO_WAY,
                        "Dana (buyer)", "Kick-off", before));
        for (int sequence = 0; sequence < history.size(); sequence++) {
            send(enveloped(account, sequence, before.plusSeconds(sequence), history.get(sequence)));
        }

        JsonNode bonding = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/bonding"),
                b -> b != null && b.get("lastAppliedSequence").asLong() == 4);
        assertThat(bonding.get("highestLevel").asText()).isEqualTo("FINANCIAL");
        assertThat(bonding.get("strength").asInt()).isEqualTo(10);
        assertThat(bonding.get("expiringSoon").get(0).get("bondId").asText()).isEqualTo(discount.toString());
        JsonNode risk = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/churn-risk"),
                r -> r != null && r.get("lastAppliedSequence").asLong() == 4);
        assertThat(risk.get("band").asText()).isEqualTo("LOW");
        assertPointsSumToTheScore(risk);
        AccountStatus status = await().atMost(WAIT).until(() -> status(account), st -> st != null && st.lastAppliedSequence() == 4);
        assertThat(status.bondingLevel()).isEqualTo(BondKind.FINANCIAL);
        assertThat(status.bondStrength()).isEqualTo(10);
        assertThat(status.churnBand()).isEqualTo(ChurnBand.LOW);
        assertThat(status.churnScore()).isEqualTo(risk.get("score").asInt());
        assertThat(status.lastInteraction().channel()).isEqualTo(InteractionChannel.MEETING);
        assertThat(status.exchangeType()).isEqualTo(ExchangeType.TRANSACTIONAL);

        // Eleven days on: the discount ran out without a command.
        clock.move(Duration.ofDays(11));
        passOwningEveryPartition();
        bonding = read("/api/v1/accounts/" + account + "/bonding");
        assertThat(bonding.get("highestLevel").isNull()).as("no bond holds the account").isTrue();
        assertThat(bonding.get("history").get(bonding.get("history").size() - 1).get("cause").asText())
                .contains("bond " + discount + " ran out");
        assertThat(status(account).bondingLevel()).as("the status's bonding level moved with time too").isNull();

        // Half a year of silence, in conversation and on orders (it bought once, 190 days ago): time alone
        // moves the band to HIGH, and the change is published.
        clock.move(Duration.ofDays(180));
        List<TimePasses.PassReport> reports = passOwningEveryPartition();
        risk = read("/api/v1/accounts/" + account + "/churn-risk");
        System.out.printf("churn after 191 quiet days: score %d %s, factors %s; pass %s%n", risk.get("score").asInt(),
                risk.get("band").asText(), risk.get("factors"), reports);
        assertThat(risk.get("band").asText()).isEqualTo("HIGH");
        assertPointsSumToTheScore(risk);
        assertThat(risk.get("trend").get("change").isNull()).as("no score from 30 days before the first one").isFalse();
        ChurnRiskChanged high = await().atMost(WAIT).until(() -> lastChurnChange(account),
                c -> c != null && c.band() == ChurnBand.HIGH);
        assertThat(high.previousBand()).isEqualTo(ChurnBand.LOW);
        assertThat(high.cause().kind()).isEqualTo("TIME");
        assertThat(high.factors()).extracting(ChurnRiskChanged.FactorPoints::factor)
                .contains("INDIFFERENCE", "WEAK_BONDS", "SPEND_TREND");
        assertThat(high.factors().stream().mapToInt(ChurnRiskChanged.FactorPoints::points).sum()).isEqualTo(high.score());
        AccountStatus quiet = status(account);
        assertThat(quiet.churnBand()).isEqualTo(ChurnBand.HIGH);
        assertThat(quiet.churnScore()).isEqualTo(risk.get("score").asInt());
        assertThat(quiet.standingAt()).isEqualTo(clock.instant());
        AccountStatus published = await().atMost(WAIT).until(() -> readStatusTopic().get(account.toString()),
                statuses -> statuses != null && statuses.get(statuses.size() - 1).churnBand() == ChurnBand.HIGH)
                .stream().reduce((first, second) -> second).orElseThrow();
        assertThat(published).as("the status topic carries the standing time moved").isEqualTo(quiet);

        JsonNode watchList = read("/api/v1/churn-risk?band=HIGH&size=200");
        assertThat(watchList.get("items").findValuesAsText("accountId")).contains(account.toString());
        assertThat(watchList.get("totalItems").asInt()).as("counted band by stage, as listed")
                .isEqualTo(watchList.get("items").size());
        // What its churn would cost: the 900 EUR of the last 12 months at HIGH's assumed 50%, and the list
        // by revenue at risk in euros holds it.
        assertThat(risk.get("revenueAtRisk").get("amount").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(read("/api/v1/churn-risk?sort=revenue-at-risk&currency=EUR&size=200").get("items")
                .findValuesAsText("accountId")).contains(account.toString());
        assertThat(read("/api/v1/churn-risk?sort=revenue-at-risk&currency=USD&size=200").get("items")
                .findValuesAsText("accountId")).doesNotContain(account.toString());
        // Only accounts that can churn are watched: no prospect (the other tests' accounts include some).
        List<String> prospects = read("/api/v1/accounts?stage=PROSPECT&size=200").get("items").findValuesAsText("accountId");
        assertThat(prospects).isNotEmpty();
        assertThat(read("/api/v1/churn-risk?size=200").get("items").findValuesAsText("accountId"))
                .doesNotContainAnyElementsOf(prospects);

        // A two-way meeting: the account is heard again, and the band comes down.
        EnvelopedAccountEvent meeting = enveloped(account, 5, clock.instant(), new InteractionRecorded(account,
                UUID.randomUUID(), InteractionChannel.VISIT, InteractionDirection.TWO_WAY, "Dana (buyer)",
                "Quarterly review", clock.instant()));
        send(meeting);
        risk = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/churn-risk"),
                r -> r.get("lastAppliedSequence").asLong() == 5);
        assertThat(risk.get("band").asText()).isNotEqualTo("HIGH");
        ChurnRiskChanged down = await().atMost(WAIT).until(() -> lastChurnChange(account),
                c -> c != null && c.band() != ChurnBand.HIGH);
        assertThat(down.cause()).isEqualTo(new ChurnRiskChanged.Cause("EVENT", meeting.eventId()));
        AccountStatus heard = await().atMost(WAIT).until(() -> status(account), st -> st.lastAppliedSequence() == 5);
        assertThat(heard.churnBand().name()).isEqualTo(risk.get("band").asText());
        assertThat(heard.lastInteraction().eventId()).isEqualTo(meeting.eventId());

        JsonNode changes = read("/api/v1/accounts/" + account + "/churn-risk/history").get("changes");
        assertThat(changes.findValuesAsText("kind")).contains("EVENT", "TIME");
        assertThat(changes.get(changes.size() - 1).get("cause").get("eventId").asText()).isEqualTo(meeting.eventId());
    }

    /**
     * Issue 28, the committee end to end: contacts added, talked with, re-assessed and one leaving,
     * sent over the topic and read over REST with their figures; then time alone empties the cadence
     * window and the relationship is no longer single-threaded.
     */
    @Test
    void aCommitteeSentOverTheTopicIsReadOverRestWithItsFiguresAndTimeMovesThem() throws Exception {
        UUID account = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        Instant t = clock.instant();
        List<AccountEvent> history = List.of(
                new AccountRegistered(account, "Committee GmbH", "Retail", 40, null, "EMEA", null),
                new ContactAdded(account, ann, "Ann Lee", "COO", "ann@example.com", "+49 30 1", ContactRole.CHAMPION, 5,
                        InteractionChannel.MEETING),
                new ContactAdded(account, ben, "Ben Ode", "CFO", null, null, ContactRole.DECISION_MAKER, 4, null),
                new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.CALL, InteractionDirection.TWO_WAY,
                        null, "pilot", t, null, ann),
                new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.MEETING, InteractionDirection.TWO_WAY,
                        null, "review", t, null, ann),
                new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.EMAIL, InteractionDirection.TWO_WAY,
                        "Dana (buyer)", "an old-style contact in free text", t, null),
                new ContactRoleAssessed(account, ben, ContactRole.DECISION_MAKER, 5, "Owns the budget now"),
                new ContactLeft(account, ann, "Joined a rival"));
        List<EnvelopedAccountEvent> sent = new ArrayList<>();
        for (int sequence = 0; sequence < history.size(); sequence++) {
            sent.add(enveloped(account, sequence, t.plusSeconds(sequence), history.get(sequence)));
        }
        send(sent.toArray(EnvelopedAccountEvent[]::new));

        JsonNode committee = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/committee"),
                c -> c != null && c.get("lastAppliedSequence").asLong() == 7);
        System.out.println("committee: " + committee);
        assertThat(committee.get("contacts").findValuesAsText("name")).containsExactly("Ann Lee", "Ben Ode");
        JsonNode annView = committee.get("contacts").get(0);
        assertThat(annView.get("status").asText()).isEqualTo("LEFT");
        assertThat(annView.get("departure").get("reason").asText()).isEqualTo("Joined a rival");
        assertThat(annView.get("lastTwoWayInteraction").get("eventId").asText()).isEqualTo(sent.get(4).eventId());
        assertThat(committee.get("contacts").get(1).get("roleHistory").get(1).get("reason").asText())
                .isEqualTo("Owns the budget now");
        assertThat(committee.get("decisionMakers").get(0).asText()).isEqualTo(ben.toString());
        assertThat(committee.get("coverage").get("share").asDouble()).as("Ben was not reached").isZero();
        assertThat(committee.get("singleThreaded").get("value").asBoolean()).isTrue();
        assertThat(committee.get("singleThreaded").get("contactId").asText()).isEqualTo(ann.toString());
        assertThat(committee.get("singleThreaded").get("unattributed").asInt()).isEqualTo(1);
        assertThat(committee.get("gaps").get(0).get("role").asText()).isEqualTo("CHAMPION");
        assertThat(committee.get("gaps").get(0).get("eventIds").get(0).asText()).isEqualTo(sent.get(7).eventId());
        assertThat(committee.get("cadence").get("every").asText()).isEqualTo("PT336H");

        // Fifteen days on, past a PROSPECT's cadence of 14: nobody was talked to within it.
        clock.move(Duration.ofDays(15));
        passOwningEveryPartition();
        JsonNode later = read("/api/v1/accounts/" + account + "/committee");
        assertThat(later.get("singleThreaded").get("value").asBoolean()).isFalse();
        assertThat(later.get("singleThreaded").get("interactions").asInt()).isZero();
        assertThat(later.get("gaps").get(0).get("role").asText()).as("a gap stays until someone holds the role").isEqualTo("CHAMPION");
        assertThat(get("/api/v1/accounts/" + UUID.randomUUID() + "/committee").statusCode()).isEqualTo(404);
    }

    /**
     * Issue 28, personal data that can be erased (docs/personal-data.md): a contact's fields arrive sealed
     * (as relationship-service seals them at its edge, under a key in the shared key store); the committee
     * opens them, the timeline opens them for an auditor as it is read. Once the key is destroyed and
     * ContactErased arrives, no database or collection on the server holds the name or email, the committee
     * and the timeline read "[erased]", and a rebuild from the topic (the key gone) equals live.
     */
    @Test
    void aSealedContactIsReadOpenedThenErasedEverywhereAndARebuildAfterTheErasureEqualsLive() throws Exception {
        UUID account = UUID.randomUUID();
        UUID zelda = UUID.randomUUID();
        String unique = zelda.toString().substring(0, 8);
        String name = "Zelda Quartermaine " + unique;
        String email = "zelda." + unique + "@example.test";
        PersonalData.Sealer sealer = personalData.sealerFor(zelda.toString(), account.toString());
        Instant t = clock.instant();
        List<AccountEvent> history = List.of(
                new AccountRegistered(account, "Hyrule Optics", "Optics", 40, null, "EMEA", null),
                new ContactAdded(account, zelda, sealer.seal(name), sealer.seal("Head of purchasing"), sealer.seal(email),
                        null, ContactRole.CHAMPION, 5, InteractionChannel.MEETING),
                new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.CALL, InteractionDirection.TWO_WAY,
                        null, "pilot", t, null, zelda));
        List<EnvelopedAccountEvent> sent = new ArrayList<>();
        for (int sequence = 0; sequence < history.size(); sequence++) {
            sent.add(enveloped(account, sequence, t.plusSeconds(sequence), history.get(sequence)));
        }
        send(sent.toArray(EnvelopedAccountEvent[]::new));

        JsonNode committee = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/committee"),
                c -> c != null && c.get("lastAppliedSequence").asLong() == 2);
        assertThat(committee.get("contacts").get(0).get("name").asText()).isEqualTo(name);
        assertThat(committee.get("contacts").get(0).get("email").asText()).isEqualTo(email);
        JsonNode timeline = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/timeline"),
                c -> c != null && c.get("entries").size() == 3);
        assertThat(timeline.get("entries").get(1).get("summary").asText()).as("opened for an auditor as it is read")
                .endsWith(": " + name + ", Head of purchasing");

        keyStore.destroy(zelda.toString(), clock.instant());
        send(enveloped(account, 3, t.plusSeconds(3), new ContactErased(account, zelda, "Art. 17 request")));

        JsonNode erased = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/committee"),
                c -> c != null && c.get("lastAppliedSequence").asLong() == 3);
        JsonNode contact = erased.get("contacts").get(0);
        assertThat(List.of(contact.get("name").asText(), contact.get("title").asText(), contact.get("email").asText()))
                .containsOnly("[erased]");
        assertThat(contact.get("phone").isNull()).isTrue();
        assertThat(contact.get("role").asText()).isEqualTo("CHAMPION");
        JsonNode erasedTimeline = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/timeline"),
                c -> c != null && c.get("entries").size() == 4);
        assertThat(erasedTimeline.get("entries").get(1).get("summary").asText()).endsWith(": [erased], [erased]");
        assertThat(hitsInMongo(name, email, "Quartermaine")).isEmpty();

        JsonNode rebuild = rebuilt();
        for (JsonNode model : rebuild.get("models")) {
            assertThat(model.get("differences").findValuesAsText("accountId")).as(model.get("readModel").asText())
                    .doesNotContain(account.toString());
        }
        assertThat(hitsInMongo(name, email, "Quartermaine")).as("after the rebuild too").isEmpty();
    }

    /** Every database and collection on the embedded server, every document, searched as JSON. */
    private static List<String> hitsInMongo(String... needles) {
        List<String> hits = new ArrayList<>();
        try (var client = com.mongodb.client.MongoClients.create(infra.mongoUri())) {
            for (String databaseName : client.listDatabaseNames()) {
                var database = client.getDatabase(databaseName);
                for (String collection : database.listCollectionNames()) {
                    for (org.bson.Document document : database.getCollection(collection).find()) {
                        String text = document.toJson();
                        for (String needle : needles) {
                            if (text.contains(needle)) {
                                hits.add(databaseName + "." + collection + ": " + needle);
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    /**
     * Issue 9, "Rebuilds proven equal to live": a random workload over a few hundred accounts, time moved
     * so the live views were changed by passes over time, then every read model rebuilt from the topic:
     * equal digests for every account. Then one live document is corrupted: the next rebuild names it,
     * and a swap puts the rebuilt collection in place, the listener going on from where the rebuild read.
     */
    @Test
    void aRebuildFromTheTopicEqualsTheLiveReadModelsAndNamesACorruptedDocumentWhichASwapRepairs() throws Exception {
        clock.set(Instant.parse("2026-04-01T09:00:00Z"));
        java.util.Random random = new java.util.Random(9);
        Map<UUID, Long> lastSequence = new HashMap<>();
        List<EnvelopedAccountEvent> workload = new ArrayList<>();
        for (int a = 0; a < 300; a++) {
            UUID account = UUID.randomUUID();
            List<AccountEvent> history = RandomHistories.of(account, random, clock.instant());
            Instant at = clock.instant().minus(Duration.ofDays(60));
            for (int sequence = 0; sequence < history.size(); sequence++) {
                at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
                workload.add(enveloped(account, sequence, at, history.get(sequence)));
            }
            lastSequence.put(account, (long) history.size() - 1);
        }
        sendAll(workload);
        await().atMost(WAIT).until(() -> lastSequence.entrySet().stream().allMatch(e -> pipelines.stream()
                .allMatch(p -> p.store().load(e.getKey()).map(v -> v.state().lastAppliedSequence() == e.getValue()).orElse(false))));
        clock.move(Duration.ofDays(40));
        timePasses.pass();

        JsonNode rebuild = rebuilt();
        System.out.println("rebuild: " + rebuild);
        for (JsonNode model : rebuild.get("models")) {
            assertThat(model.get("differing").asLong()).as(model.get("readModel").asText() + ": " + model).isZero();
            assertThat(model.get("compared").asLong()).as(model.get("readModel").asText()).isGreaterThanOrEqualTo(300);
            assertThat(model.get("onlyLive").asLong()).as("every live account has its events on the topic").isZero();
        }
        assertThat(rebuild.get("models").findValuesAsText("readModel"))
                .containsExactly("account-status", "bonding", "churn-risk", "timeline", "committee", "profitability", "value");

        UUID corrupted = lastSequence.keySet().iterator().next();
        AccountStatus truth = status(corrupted);
        try (var client = com.mongodb.client.MongoClients.create(infra.mongoUri())) {
            client.getDatabase("projection_it").getCollection("account_status").updateOne(
                    new org.bson.Document("_id", corrupted.toString()),
                    new org.bson.Document("$set", new org.bson.Document("purchaseCount", 999)));
        }
        assertThat(status(corrupted).purchaseCount()).isEqualTo(999);
        JsonNode second = rebuilt();
        JsonNode statusReport = second.get("models").get(0);
        assertThat(statusReport.get("differing").asLong()).isEqualTo(1);
        assertThat(statusReport.get("differences").get(0).get("accountId").asText()).isEqualTo(corrupted.toString());
        assertThat(second.get("models").get(1).get("differing").asLong()).as("the other read models are intact").isZero();

        HttpResponse<String> swap = post("/api/v1/admin/rebuilds/" + second.get("id").asText() + "/swap", "");
        assertThat(swap.statusCode()).as(swap.body()).isEqualTo(200);
        assertThat(json.readTree(swap.body()).get("swap").get("replacedCollections").get("account-status").asText())
                .startsWith("account_status_replaced_");
        // When the standing was last reckoned is not compared (AccountStatusModel#comparable): the live
        // view kept the instant of the pass that last moved it, the rebuilt one the rebuild's instant.
        AccountStatus repaired = status(corrupted);
        assertThat(repaired).usingRecursiveComparison().ignoringFields("standingAt").isEqualTo(truth);
        assertThat(repaired.standingAt()).isAfterOrEqualTo(truth.standingAt());
        long next = lastSequence.get(corrupted) + 1;
        send(enveloped(corrupted, next, clock.instant(), purchase(corrupted, "5.00")));
        AccountStatus after = await().atMost(WAIT).until(() -> status(corrupted), st -> st.lastAppliedSequence() == next);
        assertThat(after.purchaseCount()).isEqualTo(truth.purchaseCount() + 1);
        assertThat(post("/api/v1/admin/rebuilds/" + second.get("id").asText() + "/swap", "").statusCode())
                .as("a rebuild is swapped in once").isEqualTo(409);
    }

    /** Starts a rebuild of every read model and waits for it to complete. */
    private JsonNode rebuilt() throws Exception {
        HttpResponse<String> started = post("/api/v1/admin/rebuilds", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode done = await().atMost(WAIT).until(() -> read(location), r -> r != null && !r.get("state").asText().equals("RUNNING"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        return done;
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.allRoles("projection-test"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPointsSumToTheScore(JsonNode risk) {
        int sum = 0;
        for (JsonNode factor : risk.get("factors")) {
            sum += factor.get("points").asInt();
            assertThat(factor.get("reason").asText()).isNotBlank();
        }
        assertThat(sum).isEqualTo(risk.get("score").asInt());
    }

    /**
     * A pass over time once this instance holds every partition of each read model's group: a pass moves
     * only the accounts of the partitions it holds, and right after a rebuild's swap restarted the
     * listeners (another test of this class) a group may still be rebalancing.
     */
    private List<TimePasses.PassReport> passOwningEveryPartition() {
        return await().atMost(WAIT).until(timePasses::pass,
                passes -> passes.stream().allMatch(pass -> pass.ownedPartitions() == 3));
    }

    private JsonNode read(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private static ChurnRiskChanged lastChurnChange(UUID account) {
        ChurnRiskChanged last = null;
        for (ConsumerRecord<String, byte[]> record : CommittedRecords.readAll(infra.kafkaBootstrapServers(), Topics.CHURN_RISK)) {
            if (record.key().equals(account.toString())) {
                last = new ChurnRiskCodec().decode(record.value());
            }
        }
        return last;
    }

    /**
     * Issue 32: an event's trace goes on in the projection. A registration and a purchase carrying the
     * W3C traceparent of the request that caused them (as relationship-service relays them) come out on the
     * status and churn-risk topics with a traceparent header of the same trace.
     */
    @Test
    void theTraceOfAnEventGoesOnToTheStatusAndChurnRecordsItCaused() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String traceparent = "00-" + traceId + "-b7ad6b7169203331-01";
        UUID account = UUID.randomUUID();
        Instant at = clock.instant();
        EnvelopedAccountEvent registered = enveloped(account, 0, at, new AccountRegistered(account, "Traced GmbH",
                "Retail", 10, null, "EMEA", null));
        EnvelopedAccountEvent purchase = enveloped(account, 1, at.plusSeconds(1), purchase(account, "120.00"));
        send(traced(registered, traceparent), traced(purchase, traceparent));

        await().atMost(WAIT).until(() -> status(account), st -> st != null && st.lastAppliedSequence() == 1);
        List<String> statusTraces = await().atMost(WAIT).until(() -> traceparents(Topics.ACCOUNT_STATUS, account),
                found -> !found.isEmpty());
        assertThat(statusTraces).allSatisfy(header -> assertThat(header).startsWith("00-" + traceId + "-")
                .as("a span of the projection's own, continuing the trace").doesNotContain("b7ad6b7169203331"));
        List<String> churnTraces = await().atMost(WAIT).until(() -> traceparents(Topics.CHURN_RISK, account),
                found -> !found.isEmpty());
        assertThat(churnTraces).allSatisfy(header -> assertThat(header).startsWith("00-" + traceId + "-"));
    }

    private static EnvelopedAccountEvent traced(EnvelopedAccountEvent e, String traceparent) {
        return new EnvelopedAccountEvent(e.eventId(), e.accountId(), e.sequence(), e.occurredAt(), e.actor(),
                e.correlationId(), e.causationId(), e.clientId(), e.reason(), e.event(), e.businessTime(), traceparent);
    }

    private static List<String> traceparents(String topic, UUID account) {
        List<String> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : CommittedRecords.readAll(infra.kafkaBootstrapServers(), topic)) {
            org.apache.kafka.common.header.Header header = record.headers().lastHeader("traceparent");
            if (record.key().equals(account.toString()) && header != null) {
                found.add(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    private static EnvelopedAccountEvent enveloped(UUID account, long sequence, Instant at, AccountEvent event) {
        return new EnvelopedAccountEvent(UUID.randomUUID().toString(), account, sequence, at, "alice",
                "corr-" + sequence, "cmd-" + sequence, event);
    }

    @Test
    void readinessFollowsMongoLivenessTheListenerAndKafkaIsAComponentOfItsOwnAndTheApiIsDocumented() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(readiness.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").has("kafka")).as("readiness does not depend on Kafka").isFalse();
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        JsonNode listener = json.readTree(liveness.body()).get("components").get("listenerContainer");
        assertThat(listener.get("status").asText()).isEqualTo("UP");
        assertThat(listener.get("details").get("containers").get(ReadModelListeners.CONTAINER_ID).get("running").asBoolean())
                .isTrue();
        JsonNode all = json.readTree(get("/actuator/health").body()).get("components");
        assertThat(all.get("kafka").get("status").asText()).isEqualTo("UP");
        assertThat(all.get("kafka").get("details").has("clusterId")).isTrue();

        JsonNode openApi = json.readTree(get("/v3/api-docs").body());
        assertThat(openApi.get("paths").fieldNames()).toIterable()
                .contains("/api/v1/accounts/{id}/status", "/api/v1/accounts", "/api/v1/funnel", "/api/v1/accounts/{id}/timeline",
                        "/api/v1/accounts/{id}/committee");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    /**
     * The OpenAPI document is a contract other teams build clients from: a change to the API shows up
     * as a change to the checked-in file. Rewrite it after a deliberate change with
     * {@code -Dopenapi.write=true}.
     */
    @Test
    void openApiDocumentIsTheCheckedInContract() throws Exception {
        HttpResponse<String> apiDocs = get("/v3/api-docs");
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        OpenApiContract.assertMatches(apiDocs.body(), OPENAPI, "./mvnw -pl projection-service -am install"
                + " -Dtest=ProjectionIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true");
    }

    /**
     * The actuator on the full service: health and the probes open to anyone (a prober has no
     * token), everything else, Prometheus included, for a token with admin only. Columns: admin,
     * reader, no token. The read models' table is in web.EndpointAccessTest.
     */
    @Test
    void theActuatorIsOpenForHealthAndAdminOnlyOtherwise() throws Exception {
        String[][] expected = {
                {"/actuator/health", "200", "200", "200"},
                {"/actuator/health/liveness", "200", "200", "200"},
                {"/actuator/health/readiness", "200", "200", "200"},
                {"/actuator/prometheus", "200", "403", "401"},
                {"/actuator/metrics", "200", "403", "401"},
        };
        String[] tokens = {TestTokens.token("prometheus", Role.ADMIN), TestTokens.token("rita", Role.READER), null};
        for (String[] row : expected) {
            for (int i = 0; i < tokens.length; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + row[0]));
                if (tokens[i] != null) {
                    request.header("Authorization", "Bearer " + tokens[i]);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(row[0] + " column " + i).isEqualTo(Integer.parseInt(row[i + 1]));
                if (response.statusCode() >= 400) {
                    assertThat(response.headers().firstValue("Content-Type").orElse(""))
                            .startsWith("application/problem+json");
                }
            }
        }
    }

    /**
     * Health's details name failing accounts and events, exception text and broker addresses: only
     * an admin sees them. A prober without a token, or a token without admin, gets the status alone.
     */
    @Test
    void healthShowsItsDetailsToAdminsOnly() throws Exception {
        HealthProbes.assertStatusOnlyWithoutAdmin(port);
        JsonNode forAdmin = json.readTree(get("/actuator/health").body());
        assertThat(forAdmin.path("components").has("projection")).as("for an admin").isTrue();
    }

    /**
     * No subject can hold the dashboard's streams or mint tickets without end: past the ticket rate
     * 429, past the streams one subject may hold 429, each problem+json with Retry-After (the
     * defaults: bursts of 20 tickets, 10 streams).
     */
    @Test
    void ticketsAndStreamsAreLimitedPerSubjectWithRetryAfter() throws Exception {
        String streamer = "tabs-" + System.nanoTime();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        Refusal refused = null;
        try {
            for (int tab = 0; tab <= 10 && refused == null; tab++) {
                String stream = json.readTree(ticket(streamer).body()).get("stream").asText();
                HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + stream)).build(), HttpResponse.BodyHandlers.ofInputStream());
                if (answer.statusCode() == 200) {
                    open.add(answer);
                } else {
                    try (InputStream body = answer.body()) {
                        refused = new Refusal(answer, new String(body.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            for (HttpResponse<InputStream> stream : open) {
                stream.body().close();
            }
        }
        assertThat(open).as("streams one subject may hold").hasSize(10);
        assertRefused(refused, 429, "/problems/too-many-streams");
        com.relationship.contracts.openapi.DocumentedProblems.assertAsDocumented(OPENAPI, json.readTree(refused.body()));

        String minter = "tickets-" + System.nanoTime();
        for (int ticket = 0; ticket < 20; ticket++) {
            assertThat(ticket(minter).statusCode()).as("ticket " + ticket + " of the burst").isEqualTo(201);
        }
        HttpResponse<String> oneTooMany = ticket(minter);
        assertRefused(new Refusal(oneTooMany, oneTooMany.body()), 429, "/problems/too-many-stream-tickets");
        com.relationship.contracts.openapi.DocumentedProblems.assertAsDocumented(OPENAPI, json.readTree(oneTooMany.body()));
        assertThat(ticket("someone-else-" + System.nanoTime()).statusCode()).isEqualTo(201);
    }

    /** A refused answer, its body read. */
    private record Refusal(HttpResponse<?> answer, String body) {
    }

    private HttpResponse<String> ticket(String subject) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/dashboard/stream-tickets"))
                .header("Authorization", "Bearer " + TestTokens.token(subject, Role.READER))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(Refusal refused, int status, String type) throws IOException {
        assertThat(refused).as("a refusal").isNotNull();
        HttpHeaders headers = refused.answer().headers();
        System.out.printf("refused: %d Retry-After %s %s%n", refused.answer().statusCode(),
                headers.firstValue("Retry-After").orElse(null), refused.body());
        assertThat(refused.answer().statusCode()).isEqualTo(status);
        assertThat(headers.firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Long.parseLong(headers.firstValue("Retry-After").orElseThrow())).isPositive();
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private static long last(List<AccountStatus> statuses) {
        return statuses == null || statuses.isEmpty() ? -1 : statuses.get(statuses.size() - 1).lastAppliedSequence();
    }

    private AccountStatus status(UUID accountId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/accounts/" + accountId + "/status");
        // As the fold and the topic have it: the trailing year priced on read is ProfitabilityIntegrationTest's.
        return response.statusCode() == 200 ? json.readValue(response.body(), AccountStatus.class).asPublished() : null;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.allRoles("projection-test")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, List<AccountStatus>> readStatusTopic() throws IOException {
        Map<String, List<AccountStatus>> byAccount = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : CommittedRecords.readAll(infra.kafkaBootstrapServers(), Topics.ACCOUNT_STATUS)) {
            byAccount.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(json.readValue(record.value(), AccountStatus.class));
        }
        return byAccount;
    }

    private static long endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void send(EnvelopedAccountEvent... events) throws Exception {
        for (EnvelopedAccountEvent event : events) {
            sendRaw(event.accountId().toString(), codec.encode(event));
        }
    }

    /** Sends many at once (one round trip per batch, not per record), each in its account's partition. */
    private static void sendAll(List<EnvelopedAccountEvent> events) throws Exception {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (EnvelopedAccountEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ACCOUNT_EVENTS,
                    event.accountId().toString(), codec.encode(event));
            record.headers().add("content-type", AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(record));
        }
        producer.flush();
        for (java.util.concurrent.Future<?> future : sent) {
            future.get(10, TimeUnit.SECONDS);
        }
    }

    private static void sendRaw(String key, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ACCOUNT_EVENTS, key, value);
        record.headers().add("content-type", AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private static byte[] unknownTypeCloudEvent(UUID accountId) {
        return ("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/relationship-service/accounts\","
                + "\"type\":\"com.relationship.account.Unknown.v9\",\"subject\":\"" + accountId + "\","
                + "\"time\":\"2026-01-05T08:00:00Z\",\"datacontenttype\":\"application/json\",\"sequence\":99,"
                + "\"data\":{\"accountId\":\"" + accountId + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static PurchaseRecorded purchase(UUID accountId, String amount) {
        return new PurchaseRecorded(accountId, UUID.randomUUID(), new BigDecimal(amount), "EUR",
                Instant.parse("2026-01-10T00:00:00Z"), "Licence");
    }
}
