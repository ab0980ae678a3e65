package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.relationship.contracts.Topics;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The write side over real HTTP, on a real MongoDB-wire event store and Kafka, read back by a plain
 * Kafka consumer. Subclasses choose the infrastructure (embedded here, Docker containers where there
 * is Docker), so the same scenario runs on both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AccountApiScenario {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafkaBootstrapServers;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api("http://127.0.0.1:" + port + "/api/v1", "alice@sales");
    }

    private String register(String classification) {
        Api.Reply reply = api.post("/accounts", Map.of("name", "Acme Industrial", "industry", "Manufacturing",
                "employeeCount", 1200, "annualRevenue", 250000000, "region", "EMEA",
                "classification", classification));
        assertThat(reply.status()).isEqualTo(201);
        String id = reply.body().get("accountId").asText();
        assertThat(reply.header("Location")).isEqualTo("/api/v1/accounts/" + id);
        assertThat(reply.body().get("version").asLong()).isZero();
        return id;
    }

    private long ok(Api.Reply reply) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        return reply.body().get("version").asLong();
    }

    @Test
    void anAccountClimbsToPartnerAndThroughTheKamTrack() {
        String id = register("STRATEGIC");
        String a = "/accounts/" + id;
        List<Long> versions = new ArrayList<>();
        Map<String, Object> purchase = Map.of("amount", "48000.50", "currency", "EUR",
                "occurredAt", "2026-03-14T09:30:00Z", "description", "licence");
        versions.add(ok(api.post(a + "/purchases", purchase)));
        versions.add(ok(api.post(a + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"))));
        versions.add(ok(api.post(a + "/purchases", purchase)));
        versions.add(ok(api.post(a + "/purchases", purchase)));
        versions.add(ok(api.post(a + "/lifecycle/advance", Map.of("targetStage", "CLIENT"))));
        versions.add(ok(api.post(a + "/referrals", Map.of("description", "told a peer", "referredCompany", "Peer"))));
        versions.add(ok(api.post(a + "/lifecycle/advance", Map.of("targetStage", "SUPPORTER"))));
        versions.add(ok(api.post(a + "/co-development-engagements", Map.of("description", "beta programme"))));
        versions.add(ok(api.post(a + "/lifecycle/advance", Map.of("targetStage", "ADVOCATE"))));
        versions.add(ok(api.post(a + "/partnership-agreements", Map.of("description", "joint GTM",
                "signedAt", "2026-04-01T00:00:00Z"))));
        versions.add(ok(api.post(a + "/compliance-reviews", Map.of("outcome", "APPROVED", "reviewer", "legal",
                "notes", "no dependency risk"))));
        assertThat(api.get(a + "/lifecycle/eligibility").body().get("eligible").asBoolean()).isTrue();
        versions.add(ok(api.post(a + "/lifecycle/advance", Map.of("targetStage", "PARTNER"))));
        versions.add(ok(api.post(a + "/kam/designate", Map.of("rationale", "future advantage"))));
        for (String stage : List.of("EARLY_KAM", "MID_KAM", "PARTNERSHIP_KAM", "SYNERGISTIC_KAM")) {
            versions.add(ok(api.post(a + "/kam/advance", Map.of("targetStage", stage))));
        }
        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);

        JsonNode events = api.get(a + "/events").body();
        assertThat(events).hasSize(18);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("metadata").get("actor").asText()).isEqualTo("alice@sales");
            assertThat(event.get("metadata").get("correlationId").asText()).startsWith("test-");
            assertThat(event.get("metadata").hasNonNull("causationId")).isTrue();
        }
        assertThat(events.get(0).get("type").asText()).isEqualTo("com.relationship.account.AccountRegistered.v1");
        assertThat(events.get(0).get("payload").get("annualRevenueCurrency").asText())
                .as("an annual revenue given without its currency is in the reporting currency").isEqualTo("EUR");
        assertThat(events.get(12).get("payload").get("to").asText()).isEqualTo("PARTNER");
        assertThat(events.get(13).get("metadata").get("reason").asText()).isEqualTo("future advantage");
        assertThat(events.get(1).get("payload").get("amount").decimalValue()).isEqualByComparingTo("48000.50");
    }

    @Test
    void theAnnualRevenueIsRecordedInTheCurrencyGiven() {
        Api.Reply reply = api.post("/accounts", Map.of("name", "Acme Suisse", "industry", "Manufacturing",
                "employeeCount", 80, "annualRevenue", "12000000.50", "annualRevenueCurrency", "CHF", "region", "EMEA",
                "classification", "TACTICAL"));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
        JsonNode payload = api.get("/accounts/" + reply.body().get("accountId").asText() + "/events").body().get(0)
                .get("payload");
        assertThat(payload.get("annualRevenue").decimalValue()).isEqualByComparingTo("12000000.50");
        assertThat(payload.get("annualRevenueCurrency").asText()).isEqualTo("CHF");
    }

    @Test
    void aRefusedCommandAnswersProblemJsonAndStoresNothing() {
        String id = register("TACTICAL");
        Api.Reply refused = api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).isEqualTo("/problems/evidence-missing");
        assertThat(refused.body().get("detail").asText()).contains("a recorded purchase");
        assertThat(refused.body().get("stage").asText()).isEqualTo("PROSPECT");
        assertThat(refused.body().get("accountId").asText()).isEqualTo(id);
        assertThat(refused.body().get("missingEvidence")).hasSize(1);

        Api.Reply kam = api.post("/accounts/" + id + "/kam/designate", Map.of("rationale", "big"));
        assertThat(kam.status()).isEqualTo(409);
        assertThat(kam.body().get("type").asText()).isEqualTo("/problems/not-strategic");

        assertThat(api.get("/accounts/" + id + "/events").body()).hasSize(1);
    }

    @Test
    void aDisqualifiedProspectRecordsNothingUntilRequalified() {
        String id = register("TACTICAL");
        String a = "/accounts/" + id;
        ok(api.post(a + "/lifecycle/disqualify", Map.of("reason", "no budget")));
        Api.Reply purchase = api.post(a + "/purchases", Map.of("amount", "10.00", "currency", "EUR",
                "occurredAt", "2026-03-14T09:30:00Z", "description", "pilot"));
        assertThat(purchase.status()).isEqualTo(409);
        assertThat(purchase.body().get("type").asText()).isEqualTo("/problems/account-disqualified");
        assertThat(purchase.body().get("detail").asText()).contains("requalify");

        assertThat(ok(api.post(a + "/lifecycle/requalify", Map.of("reason", "budget approved")))).isEqualTo(2L);
        assertThat(api.get(a + "/lifecycle/eligibility").body().get("currentStage").asText()).isEqualTo("PROSPECT");
        JsonNode events = api.get(a + "/events").body();
        assertThat(events).hasSize(3);
        assertThat(events.get(2).get("type").asText()).isEqualTo("com.relationship.account.ProspectRequalified.v1");
        assertThat(events.get(2).get("metadata").get("reason").asText()).isEqualTo("budget approved");
    }

    @Test
    void bondsInteractionsAndSurveysAreEventsWithTheirBusinessTime() {
        String id = register("STRATEGIC");
        String a = "/accounts/" + id;
        Api.Reply bond = api.post(a + "/bonds", Map.of("kind", "STRUCTURAL", "description", "EDI integration",
                "occurredAt", "2026-02-01T00:00:00Z"));
        assertThat(bond.status()).as(String.valueOf(bond.body())).isEqualTo(200);
        String bondId = bond.body().get("bondId").asText();
        ok(api.post(a + "/bonds", Map.of("kind", "FINANCIAL", "description", "volume discount",
                "validUntil", "2027-01-01T00:00:00Z")));
        ok(api.post(a + "/bonds/" + bondId + "/dissolution", Map.of("reason", "integration replaced")));
        ok(api.post(a + "/interactions", Map.of("channel", "MEETING", "direction", "TWO_WAY",
                "contact", "J. Smith, purchasing", "summary", "Quarterly review", "occurredAt", "2026-03-01T10:00:00Z")));
        ok(api.post(a + "/satisfaction-surveys", Map.of("score", 9, "instrument", "NPS", "comment", "fast support",
                "occurredAt", "2026-03-02T10:00:00Z")));

        Api.Reply again = api.post(a + "/bonds/" + bondId + "/dissolution", Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("type").asText()).isEqualTo("/problems/bond-already-dissolved");
        Api.Reply outOfRange = api.post(a + "/satisfaction-surveys", Map.of("score", 11, "instrument", "NPS",
                "occurredAt", "2026-03-02T10:00:00Z"));
        assertThat(outOfRange.status()).isEqualTo(422);

        JsonNode events = api.get(a + "/events").body();
        assertThat(events).hasSize(6);
        assertThat(events.get(1).get("type").asText()).isEqualTo("com.relationship.account.BondEstablished.v1");
        assertThat(events.get(1).get("payload").get("occurredAt").asText()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(events.get(2).get("payload").get("validUntil").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(events.get(3).get("payload").get("kind").asText()).isEqualTo("STRUCTURAL");
        assertThat(events.get(3).get("metadata").get("reason").asText()).isEqualTo("integration replaced");
        assertThat(events.get(4).get("payload").get("direction").asText()).isEqualTo("TWO_WAY");
        assertThat(events.get(5).get("payload").get("score").asInt()).isEqualTo(9);
        assertThat(api.get(a).body().get("activeBonds")).hasSize(1);
    }

    /** Issue 28: the buying committee and the owner, as the REST edge answers them. */
    @Test
    void contactsLeaveWithTheirSocialBondsAndTheOwnerIsAssigned() {
        String id = register("STRATEGIC");
        String a = "/accounts/" + id;
        Api.Reply added = api.post(a + "/contacts", Map.of("name", "Jane Smith", "title", "Head of purchasing",
                "email", "jane.smith@acme.example", "phone", "+49 30 1234567", "role", "DECISION_MAKER",
                "influence", 5, "preferredChannel", "MEETING"));
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(200);
        String jane = added.body().get("contactId").asText();
        assertThat(added.header("ETag")).isEqualTo("\"1\"");
        ok(api.post(a + "/contacts/" + jane + "/role", Map.of("role", "CHAMPION", "influence", 4,
                "reason", "backed our bid")));
        ok(api.post(a + "/interactions", Map.of("channel", "CALL", "direction", "TWO_WAY", "contactId", jane,
                "summary", "Renewal call", "occurredAt", "2026-03-01T10:00:00Z")));
        String golf = api.post(a + "/bonds", Map.of("kind", "SOCIAL", "description", "Golf", "contactId", jane))
                .body().get("bondId").asText();
        ok(api.post(a + "/bonds", Map.of("kind", "STRUCTURAL", "description", "EDI integration")));
        ok(api.post(a + "/contacts/" + jane + "/departure", Map.of("reason", "moved to a competitor")));
        ok(api.post(a + "/owner", Map.of("owner", "alice", "kind", "DEVELOPER", "reason", "grows the account")));

        Api.Reply unknown = api.post(a + "/contacts/" + UUID.randomUUID() + "/role", Map.of("role", "USER",
                "influence", 2, "reason", "uses it daily"));
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("type").asText()).isEqualTo("/problems/unknown-contact");
        Api.Reply left = api.post(a + "/contacts/" + jane + "/departure", Map.of("reason", "again"));
        assertThat(left.body().get("type").asText()).isEqualTo("/problems/contact-already-left");
        Api.Reply influence = api.post(a + "/contacts", Map.of("name", "Omar", "title", "IT lead", "role", "USER",
                "influence", 6));
        assertThat(influence.status()).isEqualTo(422);
        assertThat(influence.body().get("fields").get(0).get("field").asText()).isEqualTo("influence");

        JsonNode events = api.get(a + "/events").body();
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asText().replace("com.relationship.account.", "")));
        assertThat(types).containsExactly("AccountRegistered.v1", "ContactAdded.v1", "ContactRoleAssessed.v1",
                "InteractionRecorded.v1", "BondEstablished.v1", "BondEstablished.v1", "ContactLeft.v1",
                "BondDissolved.v1", "AccountOwnerAssigned.v1");
        JsonNode dissolved = events.get(7).get("payload");
        assertThat(dissolved.get("bondId").asText()).isEqualTo(golf);
        assertThat(dissolved.get("departedContactId").asText()).isEqualTo(jane);
        assertThat(events.get(7).get("metadata").get("reason").asText()).isEqualTo("moved to a competitor");
        assertThat(events.get(3).get("payload").get("contactId").asText()).isEqualTo(jane);
        assertThat(api.get(a).body().get("activeBonds")).hasSize(1);
    }

    @Test
    void anInvalidFieldIs422AndNamesTheField() {
        String id = register("TACTICAL");
        Api.Reply missing = api.post("/accounts/" + id + "/lifecycle/lapse", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().get("type").asText()).isEqualTo("/problems/invalid-field");
        assertThat(missing.body().get("fields").get(0).get("field").asText()).isEqualTo("reason");

        Api.Reply badEnum = api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "KING"));
        assertThat(badEnum.status()).isEqualTo(422);
        assertThat(badEnum.body().get("detail").asText()).contains("targetStage").contains("PROSPECT, CUSTOMER");

        Api.Reply badCurrency = api.post("/accounts/" + id + "/purchases", Map.of("amount", "10",
                "currency", "EURO", "occurredAt", "2026-03-14T09:30:00Z"));
        assertThat(badCurrency.status()).isEqualTo(422);
        assertThat(badCurrency.body().get("type").asText()).isEqualTo("/problems/invalid-field");
        assertThat(badCurrency.body().get("detail").asText()).contains("ISO 4217");

        assertThat(api.get("/accounts/" + id + "/events").body()).hasSize(1);
    }

    @Test
    void malformedJsonIs400() {
        String id = register("TACTICAL");
        Api.Reply reply = api.post("/accounts/" + id + "/purchases", "{\"amount\": ");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asText()).isEqualTo("/problems/malformed-request");
    }

    @Test
    void anUnknownAccountIs404() {
        String unknown = UUID.randomUUID().toString();
        Api.Reply command = api.post("/accounts/" + unknown + "/lifecycle/lapse", Map.of("reason", "gone"));
        assertThat(command.status()).isEqualTo(404);
        assertThat(command.body().get("type").asText()).isEqualTo("/problems/account-not-found");
        assertThat(command.body().get("accountId").asText()).isEqualTo(unknown);
        assertThat(api.get("/accounts/" + unknown + "/events").status()).isEqualTo(404);
        assertThat(api.get("/accounts/" + unknown + "/lifecycle/eligibility").status()).isEqualTo(404);
        assertThat(api.get("/accounts/not-a-uuid/events").status()).isEqualTo(400);
    }

    @Test
    void anAccountIdCanBeRegisteredOnlyOnce() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("accountId", id, "name", "Acme", "industry", "Retail", "employeeCount", 10,
                "region", "APAC", "classification", "TACTICAL");
        assertThat(api.post("/accounts", body).status()).isEqualTo(201);
        Api.Reply again = api.post("/accounts", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("type").asText()).isEqualTo("/problems/account-already-registered");
    }

    @Test
    void eligibilitySaysWhatIsMissing() {
        String id = register("TACTICAL");
        JsonNode eligibility = api.get("/accounts/" + id + "/lifecycle/eligibility").body();
        assertThat(eligibility.get("currentStage").asText()).isEqualTo("PROSPECT");
        assertThat(eligibility.get("nextStage").asText()).isEqualTo("CUSTOMER");
        assertThat(eligibility.get("eligible").asBoolean()).isFalse();
        assertThat(eligibility.get("missingEvidence").get(0).asText()).contains("purchase");
    }

    /** Every stored event reaches the topic, keyed by account, in order, as a CloudEvent with the audit extensions. */
    @Test
    void everyEventOfAnAccountArrivesInOrderAsACloudEvent() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "bob@kam");
        String id = api.post("/accounts", Map.of("name", "Globex", "industry", "Energy", "employeeCount", 80,
                "region", "NA", "classification", "STRATEGIC")).body().get("accountId").asText();
        for (int i = 0; i < 3; i++) {
            api.post("/accounts/" + id + "/purchases", Map.of("amount", "10.00", "currency", "USD",
                    "occurredAt", "2026-02-01T00:00:00Z"));
        }
        api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
        api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "CLIENT"));
        api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "SUPPORTER")); // refused: no event

        AccountEventCodec codec = new AccountEventCodec();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(id)) {
                        records.add(record);
                    }
                });
                assertThat(records.stream().map(r -> codec.decode(r.value()).sequence()).distinct()).hasSize(6);
            });
        }
        // Delivery is at least once: a re-send is the same event (same id) again; keep the first of each.
        Map<Long, EnvelopedAccountEvent> first = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EnvelopedAccountEvent event = codec.decode(record.value());
            EnvelopedAccountEvent earlier = first.putIfAbsent(event.sequence(), event);
            if (earlier != null) {
                assertThat(event.eventId()).as("a re-send of sequence %d", event.sequence()).isEqualTo(earlier.eventId());
            }
        }
        List<EnvelopedAccountEvent> events = List.copyOf(first.values());
        assertThat(events).extracting(EnvelopedAccountEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(events).extracting(EnvelopedAccountEvent::type).containsExactly(
                "com.relationship.account.AccountRegistered.v1", "com.relationship.account.PurchaseRecorded.v1",
                "com.relationship.account.PurchaseRecorded.v1", "com.relationship.account.PurchaseRecorded.v1",
                "com.relationship.account.LifecycleStageAdvanced.v1", "com.relationship.account.LifecycleStageAdvanced.v1");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.accountId().toString()).isEqualTo(id);
            assertThat(event.actor()).isEqualTo("bob@kam");
            assertThat(event.correlationId()).startsWith("test-");
            assertThat(event.causationId()).isNotBlank();
            assertThat(event.reason()).as("these commands take no reason").isNull();
            assertThat(event.occurredAt()).isNotNull();
        });
        assertThat(events.get(1).event()).isInstanceOf(PurchaseRecorded.class);
        assertThat(((LifecycleStageAdvanced) events.get(5).event()).to().name()).isEqualTo("CLIENT");
        assertThat(records).allSatisfy(record -> assertThat(new String(record.headers().lastHeader("content-type").value(),
                StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json"));
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
