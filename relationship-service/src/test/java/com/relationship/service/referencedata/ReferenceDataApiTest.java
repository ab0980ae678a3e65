package com.relationship.service.referencedata;

import com.fasterxml.jackson.databind.JsonNode;
import com.relationship.contracts.Topics;
import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import com.relationship.contracts.referencedata.ReferenceDataChanged;
import com.relationship.contracts.referencedata.ReferenceDataCodec;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import com.relationship.service.api.Api;
import com.relationship.service.api.EmbeddedServiceTest;
import com.relationship.service.api.EventsOnTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exchange rates and the activity rate card over REST (issue 29): each PUT a version, kept, the same
 * content again none, If-Match honoured, bad input refused saying why with nothing stored, only admins
 * set and readers read, and every version on {@code relationship.reference-data.v1} as GET answers it.
 */
class ReferenceDataApiTest extends EmbeddedServiceTest {

    private static final ReferenceDataCodec codec = new ReferenceDataCodec();

    @LocalServerPort
    int port;

    @Autowired
    ReferenceDataStore store;

    private Api admin;
    private Api reader;
    /** A month of this test's own: the store and the topic are shared with the other test classes. */
    private YearMonth month;

    @BeforeEach
    void setUp() {
        admin = Api.withToken(base(), TestTokens.token("controller@finance", Role.ADMIN));
        reader = Api.withToken(base(), TestTokens.token("analyst@finance", Role.READER));
        month = YearMonth.of(ThreadLocalRandom.current().nextInt(2100, 9000), ThreadLocalRandom.current().nextInt(1, 13));
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }

    private Api.Reply putRates(Api as, Map<String, Object> rates, Map<String, String> headers) {
        return as.put("/admin/exchange-rates/" + month, Map.of("rates", rates, "reason", "ECB monthly average"), headers);
    }

    @Test
    void eachChangeOfAMonthsRatesIsAVersionAndTheSameRatesAgainAreNone() {
        Api.Reply first = putRates(admin, Map.of("USD", "0.9215", "GBP", "1.1702"), Map.of());
        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.body().get("version").asLong()).isEqualTo(1);
        assertThat(first.body().get("reportingCurrency").asText()).isEqualTo("EUR");
        assertThat(first.body().get("actor").asText()).isEqualTo("controller@finance");
        assertThat(first.body().get("month").asText()).isEqualTo(month.toString());

        Api.Reply again = putRates(admin, Map.of("USD", "0.92150", "GBP", "1.1702"), Map.of());
        assertThat(again.body().get("version").asLong()).as("the same rates (0.92150 is 0.9215): no new version")
                .isEqualTo(1);

        Api.Reply changed = putRates(admin, Map.of("USD", "0.9301", "GBP", "1.1702"), Map.of("If-Match", "\"1\""));
        assertThat(changed.body().get("version").asLong()).isEqualTo(2);
        assertThat(reader.get("/admin/exchange-rates/" + month).body().path("rates").path("USD").decimalValue())
                .isEqualByComparingTo("0.9301");
        JsonNode versions = reader.get("/admin/exchange-rates/" + month + "/versions").body();
        assertThat(versions).extracting(v -> v.get("version").asLong()).containsExactly(2L, 1L);
        assertThat(reader.get("/admin/exchange-rates").body()).anySatisfy(latest -> {
            assertThat(latest.get("month").asText()).isEqualTo(month.toString());
            assertThat(latest.get("version").asLong()).isEqualTo(2);
        });
    }

    @Test
    void everyVersionReachesTheTopicKeyedByItsKeyAsGetAnswersIt() {
        putRates(admin, Map.of("USD", "0.91"), Map.of());
        putRates(admin, Map.of("USD", "0.93"), Map.of());
        String key = ExchangeRatesSet.keyOf(month);

        List<ReferenceDataChanged> published = await().atMost(Duration.ofSeconds(30)).until(() -> EventsOnTopic
                        .records(TestInfrastructure.shared().kafkaBootstrapServers(), Topics.REFERENCE_DATA, key).stream()
                        .map(record -> codec.decode(record.value())).toList(), records -> records.size() >= 2);
        assertThat(published).extracting(ReferenceDataChanged::version).containsExactly(1L, 2L);
        assertThat(published.get(1)).isEqualTo(store.latest(key).orElseThrow().data());
        assertThat(((ExchangeRatesSet) published.get(1)).rates().get("USD")).isEqualByComparingTo("0.93");
        assertThat(store.latest(key).orElseThrow().publishedAt()).as("the store knows it reached the topic").isNotNull();
    }

    @Test
    void aVersionStoredButNotYetPublishedIsPublishedByTheNextSweep() {
        String key = ExchangeRatesSet.keyOf(month);
        store.append(new ExchangeRatesSet(month, "EUR", Map.of("CHF", new BigDecimal("1.04")), 1, "left behind",
                "controller@finance", java.time.Instant.parse("2026-12-07T10:00:00Z")));

        await().atMost(Duration.ofSeconds(30)).until(() -> store.latest(key).orElseThrow().publishedAt() != null);
        assertThat(EventsOnTopic.records(TestInfrastructure.shared().kafkaBootstrapServers(), Topics.REFERENCE_DATA, key))
                .hasSize(1);
    }

    @Test
    void ifMatchOfAVersionTheMonthMovedOnFromIsRefusedWithTheCurrentOne() {
        putRates(admin, Map.of("USD", "0.91"), Map.of());
        putRates(admin, Map.of("USD", "0.92"), Map.of());

        Api.Reply stale = putRates(admin, Map.of("USD", "0.95"), Map.of("If-Match", "\"1\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("type").asText()).isEqualTo("/problems/stale-version");
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        assertThat(store.versionsOf(ExchangeRatesSet.keyOf(month))).hasSize(2);
    }

    @Test
    void badRatesAreRefusedSayingWhichAndWhyAndStoreNothing() {
        assertRefused(putRates(admin, Map.of("usd", "0.9"), Map.of()), 422, "rates[usd]", "ISO 4217");
        assertRefused(putRates(admin, Map.of("XYZ", "0.9"), Map.of()), 422, "rates[XYZ]", "ISO 4217");
        assertRefused(putRates(admin, Map.of("EUR", "1"), Map.of()), 422, "rates[EUR]", "reporting currency");
        assertRefused(putRates(admin, Map.of("USD", "0"), Map.of()), 422, "rates[USD]", "greater than 0");
        assertRefused(putRates(admin, Map.of(), Map.of()), 422, "rates", "size");
        Api.Reply notAMonth = admin.put("/admin/exchange-rates/2026-13", Map.of("rates", Map.of("USD", "0.9"),
                "reason", "typo"), Map.of());
        assertThat(notAMonth.status()).isEqualTo(400);
        assertThat(notAMonth.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
        assertThat(notAMonth.body().get("detail").asText()).contains("yyyy-MM");
        assertThat(store.versionsOf(ExchangeRatesSet.keyOf(month))).isEmpty();
    }

    @Test
    void onlyAnAdminSetsReferenceDataAndAReaderReadsIt() {
        Api.Reply refused = putRates(reader, Map.of("USD", "0.9"), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("requiredRole").asText()).isEqualTo("admin");
        Api.Reply unknown = reader.get("/admin/exchange-rates/" + month);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("type").asText()).isEqualTo("/problems/reference-data-not-found");
        assertThat(store.versionsOf(ExchangeRatesSet.keyOf(month))).isEmpty();
    }

    @Test
    void anActivityRateCardAppliesFromItsMonthAndDiscountsAreNotOnIt() {
        Map<String, Object> card = Map.of("SALES_VISIT", "450.00", "CALL", "25", "SUPPORT_CASE", "80",
                "ON_SITE_AUDIT", "1200");
        Api.Reply set = admin.put("/admin/activity-rates", Map.of("appliesFrom", month.toString(), "costPerUnit", card,
                "reason", "Finance's 2026 costing"), Map.of());
        assertThat(set.status()).as("%s", set.body()).isEqualTo(200);
        assertThat(set.body().get("version").asLong()).isEqualTo(1);
        assertThat(set.body().path("costPerUnit").path("ON_SITE_AUDIT").decimalValue()).as("an activity of our own")
                .isEqualByComparingTo("1200");
        assertThat(reader.get("/admin/activity-rates").body()).anySatisfy(latest ->
                assertThat(latest.get("appliesFrom").asText()).isEqualTo(month.toString()));

        assertRefused(admin.put("/admin/activity-rates", Map.of("appliesFrom", month.toString(),
                "costPerUnit", Map.of("DISCOUNT", "10"), "reason", "no"), Map.of()), 422, "costPerUnit[DISCOUNT]",
                "its own amount");
        assertRefused(admin.put("/admin/activity-rates", Map.of("appliesFrom", month.toString(),
                "costPerUnit", Map.of("sales visit", "10"), "reason", "no"), Map.of()), 422, "costPerUnit[sales visit]",
                "upper case");
        assertRefused(admin.put("/admin/activity-rates", Map.of("appliesFrom", "June", "costPerUnit",
                Map.of("CALL", "10"), "reason", "no"), Map.of()), 422, "appliesFrom", "yyyy-MM");
        assertThat(store.versionsOf(ActivityRatesSet.keyOf(month))).hasSize(1);
    }

    private static void assertRefused(Api.Reply reply, int status, String field, String why) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asText()).isEqualTo("/problems/invalid-field");
        assertThat(reply.body().get("fields")).anySatisfy(f -> {
            assertThat(f.get("field").asText()).isEqualTo(field);
            assertThat(f.get("message").asText()).contains(why);
        });
    }
}
