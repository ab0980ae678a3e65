package com.relationship.projection.profitability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.ValueComponent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.RelationshipLevelAssessed;
import com.relationship.contracts.events.ValueComponentAssessed;
import com.relationship.contracts.events.WalletEstimated;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import com.relationship.contracts.referencedata.ReferenceDataChanged;
import com.relationship.contracts.referencedata.ReferenceDataCodec;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.projection.status.AccountHistory;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import com.relationship.contracts.value.AccountValueCodec;
import com.relationship.contracts.value.AccountValueTierChanged;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A portfolio whose whale curve is known, built from events on the topic and priced with reference data
 * from its topic, read back over REST (issue 29): the seed's shape, two whales, seven that break even and
 * one that loses, one of the whales buying in USD. Topics and database are this test's own, so the curve
 * holds only its accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfitabilityIntegrationTest {

    private static final Infrastructure infra = TestInfrastructure.shared();
    private static final String EVENTS = "profitability-it.account-events";
    private static final String REFERENCE = "profitability-it.reference-data";
    private static final String VALUE = "profitability-it.account-value";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper json = ContractJson.newObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final AccountEventCodec events = new AccountEventCodec();
    private static final ReferenceDataCodec reference = new ReferenceDataCodec();
    /** This month: the whale curve's window of one month, and the month the rates are set for. */
    private static final YearMonth MONTH = YearMonth.now(ZoneOffset.UTC);
    private static final Instant IN_MONTH = MONTH.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600);
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    com.relationship.projection.ingest.TimePasses timePasses;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.createTopic(EVENTS, 3, false);
        infra.createTopic(REFERENCE, 3, true);
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("profitability_it"));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> "profitability-it");
        registry.add("projection.topics.events", () -> EVENTS);
        registry.add("projection.topics.status", () -> "profitability-it.account-status");
        registry.add("projection.topics.churn-risk", () -> "profitability-it.churn-risk");
        registry.add("projection.topics.dead-letter", () -> EVENTS + ".DLT");
        registry.add("projection.topics.status-partitions", () -> "3");
        registry.add("projection.topics.dead-letter-partitions", () -> "3");
        registry.add("projection.profitability.reference-data-topic", () -> REFERENCE);
        registry.add("projection.value.tier-settle", () -> "0s"); // published as ranked: what this test waits for
        registry.add("projection.value.topic", () -> VALUE);
        registry.add("projection.time.initial-delay", () -> "1h");
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

    /** An account with one purchase and {@code visits} sales visits this month. */
    private static AccountHistory account(String name, String amount, String currency, String margin, int visits) {
        AccountHistory history = AccountHistory.registered(UUID.randomUUID(), name)
                .thenDated(IN_MONTH, id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal(amount), currency,
                        IN_MONTH, "Order", null, new BigDecimal(margin), null, null, null));
        Function<UUID, InteractionRecorded> visit = id -> new InteractionRecorded(id, UUID.randomUUID(),
                InteractionChannel.VISIT, InteractionDirection.TWO_WAY, "Dana", "Site visit", IN_MONTH);
        for (int i = 0; i < visits; i++) {
            history.thenDated(IN_MONTH, visit::apply);
        }
        return history;
    }

    @Test
    void aPortfolioWithKnownProfitsIsReadBackAsItsWhaleCurveAndEachAccountsFigures() throws Exception {
        publish(new ExchangeRatesSet(MONTH, "EUR", Map.of("USD", new BigDecimal("0.90")), 1, "ECB monthly average",
                "controller@finance", IN_MONTH));
        publish(new ActivityRatesSet(MONTH.minusMonths(2), "EUR", Map.of("SALES_VISIT", new BigDecimal("100.00")), 1,
                "2026 costing", "controller@finance", IN_MONTH));
        List<AccountHistory> portfolio = new ArrayList<>();
        AccountHistory whale = account("Whale Inc", "5000.00", "USD", "1000.00", 1);     // 900 - 100 = 800
        portfolio.add(whale);
        portfolio.add(account("Second Whale", "2500.00", "EUR", "600.00", 1));          // 500
        portfolio.add(account("Slightly Up", "1000.00", "EUR", "110.00", 1));           // +10, +1%: breaks even
        portfolio.add(account("Slightly Down", "1000.00", "EUR", "90.00", 1));          // -10, -1%: breaks even
        for (int i = 0; i < 5; i++) {
            portfolio.add(account("Even " + i, "1000.00", "EUR", "100.00", 1));         // 0
        }
        AccountHistory loser = account("Loser Ltd", "1000.00", "EUR", "0.00", 3);        // -300
        portfolio.add(loser);
        for (AccountHistory account : portfolio) {
            send(account.events());
        }
        await().atMost(WAIT).until(() -> get("/api/v1/accounts/" + loser.accountId() + "/profitability").statusCode() == 200
                && json.readTree(get("/api/v1/accounts/" + loser.accountId() + "/profitability").body())
                .get("lastAppliedSequence").asLong() == 4);

        JsonNode curve = await().atMost(WAIT).until(() -> json.readTree(get("/api/v1/portfolio/whale-curve?period=P1M")
                .body()), c -> c.get("accounts").asInt() == 10 && c.get("incomplete").asInt() == 0);

        assertThat(curve.get("totalProfit").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(curve.get("top").get(0).get("name").asText()).isEqualTo("Whale Inc");
        assertThat(curve.get("top").get(0).get("profit").decimalValue()).as("5000 USD at 0.90 with its margin,"
                + " less a visit").isEqualByComparingTo("800.00");
        assertThat(curve.at("/peak/rank").asInt()).isEqualTo(3);
        assertThat(curve.at("/peak/profitPercent").decimalValue()).isEqualByComparingTo("131.0");
        assertThat(curve.at("/breakEven/accounts").asInt()).isEqualTo(7);
        assertThat(curve.get("tail")).singleElement().satisfies(tail -> assertThat(tail.get("accountId").asText())
                .isEqualTo(loser.accountId().toString()));
        assertThat(curve.get("reading").asText()).contains("the top 20.0% (2) earn 130.0% of the profit")
                .contains("70.0% (7) break even").contains("the last 10.0% (1) lose 30.0% of it");

        JsonNode figures = json.readTree(get("/api/v1/accounts/" + whale.accountId() + "/profitability?period=P1M&periods=1")
                .body()).get("periods").get(0);
        assertThat(figures.get("revenue").get("amount").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(figures.get("revenue").get("eventIds")).extracting(JsonNode::asText)
                .containsExactly(whale.get(1).eventId());
        assertThat(figures.get("costByActivity").get(0).get("eventIds")).extracting(JsonNode::asText)
                .containsExactly(whale.get(2).eventId());
        assertThat(figures.get("referenceData")).extracting(JsonNode::asText)
                .containsExactly("activity-rates:" + MONTH.minusMonths(2) + " v1", "exchange-rates:" + MONTH + " v1");
        assertThat(figures.get("reason").asText()).startsWith(MONTH + ": profit 800.00 EUR (17.8% of revenue 4,500.00)");

        JsonNode losing = json.readTree(get("/api/v1/accounts/" + loser.accountId() + "/profitability").body());
        assertThat(losing.at("/suggestion/decision").asText()).isEqualTo("CONVERT");
        assertThat(losing.at("/suggestion/levers")).extracting(JsonNode::asText)
                .containsExactly("RAISE_PRICES", "REDUCE_COST_TO_SERVE");
        assertThat(losing.at("/suggestion/costliest")).extracting(JsonNode::asText).containsExactly("SALES_VISIT");
        assertThat(curve.get("tail").get(0).get("suggested").asText()).isEqualTo("CONVERT");
        assertThat(curve.get("costByActivity")).singleElement().satisfies(visits -> {
            assertThat(visits.get("activity").asText()).isEqualTo("SALES_VISIT");
            assertThat(visits.get("amount").decimalValue()).as("12 visits at 100").isEqualByComparingTo("1200.00");
            assertThat(visits.get("accounts").asInt()).isEqualTo(10);
        });

        JsonNode status = json.readTree(get("/api/v1/accounts/" + loser.accountId() + "/status").body());
        assertThat(status.at("/profitability/trailingYear/profit").decimalValue()).as("the ranking's figures on the status")
                .isEqualByComparingTo("-300.00");
        assertThat(status.at("/profitability/trailingYear/currency").asText()).isEqualTo("EUR");
        assertThat(status.at("/profitability/belowZero").asBoolean()).isTrue();
        assertThat(status.at("/profitability/decision").isNull()).as("no decision recorded").isTrue();
        JsonNode whaleStatus = json.readTree(get("/api/v1/accounts?size=200").body()).get("items").findParents("accountId")
                .stream().filter(item -> item.get("accountId").asText().equals(whale.accountId().toString())).findFirst()
                .orElseThrow();
        assertThat(whaleStatus.at("/profitability/trailingYear/profit").decimalValue()).as("on the list too")
                .isEqualByComparingTo("800.00");
        assertThat(whaleStatus.at("/profitability/belowZero").asBoolean()).isFalse();
    }

    /**
     * Three clients ranked by lifetime value over REST (issue 30): their tiers by where their ranks fall, the
     * indices of the first with its judgement and relationship level, a share of wallet priced from the ledger,
     * and the portfolio by tier. Their purchases are two months back, so the month's whale curve above does not
     * hold them; prospects (the curve's accounts) are not ranked.
     */
    @Test
    void clientsAreRankedByLifetimeValueAndTieredOverRest() throws Exception {
        Instant earlier = MONTH.minusMonths(2).atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC);
        String walletMonth = MONTH.minusMonths(2).toString();
        AccountHistory leader = client("Value Leader", "9000.00", "3000.00", earlier)
                .thenDated(earlier, id -> new ValueComponentAssessed(id, ValueComponent.FUTURE_VALUE, 80, null, null,
                        "opens the DACH market"))
                .thenDated(earlier, id -> new RelationshipLevelAssessed(id, 6, "we design their next line together"));
        AccountHistory middle = client("Value Middle", "5000.00", "1500.00", earlier)
                .thenDated(earlier, id -> new WalletEstimated(id, UUID.randomUUID(), "sensors", new BigDecimal("20000.00"),
                        "EUR", walletMonth, "the buyer"));
        AccountHistory small = client("Value Small", "1000.00", "100.00", earlier);
        for (AccountHistory account : List.of(leader, middle, small)) {
            send(account.events());
        }

        JsonNode first = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + leader.accountId() + "/value"),
                v -> v != null && v.get("ranked").asBoolean() && v.get("rankedAccounts").asInt() == 3
                        && v.at("/relationshipLevel/level").asInt() == 6);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("tier").asText()).isEqualTo("MVC");
        assertThat(first.at("/treatment/contactFrequency").asText()).isEqualTo("every day or more");
        assertThat(first.get("indices")).hasSize(6);
        assertThat(first.at("/indices/5/index").asText()).isEqualTo("PARTNERSHIP");
        assertThat(first.at("/indices/5/eventIds")).extracting(JsonNode::asText).contains(leader.get(3).eventId());
        assertThat(first.at("/relationshipLevel/name").asText()).isEqualTo("CO_CREATION");
        assertThat(first.get("suggestion").asText()).contains("STRATEGIC");

        JsonNode second = read("/api/v1/accounts/" + middle.accountId() + "/value");
        assertThat(second.get("tier").asText()).as("rank 2 of 3: the top 33.3%").isEqualTo("MGC");
        assertThat(second.at("/shareOfWallet/0/ourRevenue").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(second.at("/shareOfWallet/0/sharePercent").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(read("/api/v1/accounts/" + small.accountId() + "/value").get("tier").asText()).isEqualTo("MIGRATOR");

        JsonNode tiers = read("/api/v1/portfolio/tiers");
        assertThat(tiers.get("ranked").asInt()).isEqualTo(3);
        assertThat(tiers.get("tiers")).extracting(t -> t.get("tier").asText() + " " + t.get("accounts").asInt())
                .containsExactly("MVC 1", "MGC 1", "MIGRATOR 1", "BZ 0");
        assertThat(tiers.at("/tiers/0/revenue").decimalValue()).isEqualByComparingTo("9000.00");
        assertThat(get("/api/v1/accounts/" + UUID.randomUUID() + "/value").statusCode()).isEqualTo(404);

        JsonNode status = read("/api/v1/accounts/" + leader.accountId() + "/status");
        assertThat(status.at("/value/tier").asText()).as("the status shows the tier and the level").isEqualTo("MVC");
        assertThat(status.at("/value/rank").asInt()).isEqualTo(1);
        assertThat(status.at("/value/level").asInt()).isEqualTo(6);

        JsonNode history = await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + leader.accountId() + "/value"),
                v -> v.get("tierHistory").size() == 1).get("tierHistory");
        assertThat(history.at("/0/tier").asText()).isEqualTo("MVC");
        assertThat(history.at("/0/cause/kind").asText()).isEqualTo("FIRST_RANKED");
        Map<UUID, AccountValueTierChanged> published = publishedTiers(3);
        assertThat(published.get(leader.accountId()).tier()).as("the same change on the topic").isEqualTo("MVC");
        assertThat(published.get(leader.accountId()).cause().reason()).isEqualTo(history.at("/0/cause/reason").asText());
        assertThat(published.get(small.accountId()).tier()).isEqualTo("MIGRATOR");

        // The MVC's tier made it due: time re-scores its churn risk against the tier's daily cadence.
        timePasses.pass();
        assertThat(indifference(leader.accountId())).as("the MVC")
                .endsWith("an MVC (its value tier) calls for one every day.");
        assertThat(indifference(small.accountId())).as("a MIGRATOR is contacted as needed: its stage's cadence")
                .endsWith("a CUSTOMER calls for one every 30 days.");
        assertThat(read("/api/v1/accounts/" + leader.accountId() + "/status").at("/churnScore").asInt())
                .as("the status's churn score is the same scoring's").isEqualTo(
                        read("/api/v1/accounts/" + leader.accountId() + "/churn-risk").get("score").asInt());
    }

    private String indifference(UUID accountId) throws Exception {
        for (JsonNode factor : read("/api/v1/accounts/" + accountId + "/churn-risk").get("factors")) {
            if (factor.get("factor").asText().equals("INDIFFERENCE")) {
                return factor.get("reason").asText();
            }
        }
        throw new AssertionError("no INDIFFERENCE factor for " + accountId);
    }

    /** The latest tier change of each account on the value topic, once there are {@code accounts} of them. */
    private static Map<UUID, AccountValueTierChanged> publishedTiers(int accounts) {
        AccountValueCodec codec = new AccountValueCodec();
        Map<UUID, AccountValueTierChanged> latest = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "value-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(VALUE));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    AccountValueTierChanged change = codec.decode(record.value());
                    latest.put(change.accountId(), change);
                });
                return latest.size() >= accounts;
            });
        }
        return latest;
    }

    /** A client since {@code at}: bought {@code amount} with {@code margin} then, and became a CUSTOMER. */
    private static AccountHistory client(String name, String amount, String margin, Instant at) {
        return AccountHistory.registered(UUID.randomUUID(), name)
                .thenDated(at, id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal(amount), "EUR", at, "Order",
                        null, new BigDecimal(margin), null, null, null))
                .thenDated(at, id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
    }

    private JsonNode read(String path) throws Exception {
        HttpResponse<String> response = get(path);
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private static void publish(ReferenceDataChanged data) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(REFERENCE, data.key(), reference.encode(data));
        producer.send(record).get();
    }

    private static void send(List<EnvelopedAccountEvent> history) throws Exception {
        for (EnvelopedAccountEvent event : history) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(EVENTS, event.accountId().toString(),
                    events.encode(event));
            record.headers().add("content-type", AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token("analyst@finance", Role.READER)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
