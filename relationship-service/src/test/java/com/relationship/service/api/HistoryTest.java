package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditors' history: who, when, why and what caused each event, filtered, paged, or streamed as NDJSON. */
class HistoryTest extends EmbeddedServiceTest {

    private static final ObjectMapper JSON = ContractJson.newObjectMapper();

    @LocalServerPort
    int port;

    private Api api;
    private String account;

    /**
     * 0 registered, 1 purchase, 2 CUSTOMER, 3 purchase, 4 lapse (with a reason), 5 the purchase that wins it
     * back (dated after the lapse: issue 25), 6 win-back.
     */
    @BeforeEach
    void setUp() {
        api = new Api("http://127.0.0.1:" + port + "/api/v1", "frank@audit");
        Api.Reply registered = api.post("/accounts", Map.of("name", "Hooli", "industry", "Software",
                "employeeCount", 40, "region", "NA", "classification", "TACTICAL"));
        account = "/accounts/" + registered.body().get("accountId").asText();
        Map<String, Object> purchase = Map.of("amount", "10.00", "currency", "EUR",
                "occurredAt", "2026-05-01T10:00:00Z", "description", "licence");
        api.post(account + "/purchases", purchase);
        api.post(account + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
        api.post(account + "/purchases", purchase);
        api.post(account + "/lifecycle/lapse", Map.of("reason", "went to a rival"));
        api.post(account + "/purchases", Map.of("amount", "10.00", "currency", "EUR",
                "occurredAt", java.time.Instant.now().toString(), "description", "licence"));
        api.post(account + "/lifecycle/win-back", Map.of("reason", "new contract"));
    }

    private static List<Long> sequences(JsonNode items) {
        List<Long> sequences = new ArrayList<>();
        items.forEach(item -> sequences.add(item.get("sequence").asLong()));
        return sequences;
    }

    /** The events endpoint answers its array in parts on request, each naming the next; without, the whole. */
    @Test
    void theEventsComeInPartsEachLinkingTheNext() {
        Api.Reply first = api.get(account + "/events?limit=4");
        assertThat(first.status()).isEqualTo(200);
        assertThat(sequences(first.body())).containsExactly(0L, 1L, 2L, 3L);
        String next = first.header("Link");
        assertThat(next).as("Link").contains("fromSequence=4").contains("limit=4").endsWith(">; rel=\"next\"");
        Api.Reply rest = api.get(account + "/events?fromSequence=4&limit=4");
        assertThat(sequences(rest.body())).containsExactly(4L, 5L, 6L);
        assertThat(rest.header("Link")).as("the last part names no next").isNull();

        JsonNode whole = api.get(account + "/events").body();
        assertThat(sequences(whole)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(whole.get(4)).isEqualTo(rest.body().get(0));
        assertThat(api.get(account + "/events?limit=0").status()).isEqualTo(400);
    }

    @Test
    void everyEntrySaysWhoWhenWhyAndWhatCausedIt() {
        JsonNode page = api.get(account + "/history").body();
        JsonNode items = page.get("items");
        assertThat(sequences(items)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        JsonNode purchase = items.get(1);
        assertThat(purchase.get("type").asText()).isEqualTo("com.relationship.account.PurchaseRecorded.v1");
        assertThat(purchase.get("revision").asInt()).isEqualTo(1);
        assertThat(purchase.get("actor").asText()).isEqualTo("frank@audit");
        assertThat(purchase.get("causationType").asText()).isEqualTo("RecordPurchase");
        assertThat(purchase.get("causationId").asText()).isNotBlank();
        assertThat(purchase.get("payload").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(items.get(4).get("reason").asText()).isEqualTo("went to a rival");
        assertThat(items.get(4).get("causationType").asText()).isEqualTo("LapseAccount");
    }

    @Test
    void filtersByTypeTimeAndCorrelationAndPages() {
        JsonNode all = api.get(account + "/history").body().get("items");
        assertThat(sequences(api.get(account + "/history?type=PurchaseRecorded").body().get("items")))
                .containsExactly(1L, 3L, 5L);
        assertThat(sequences(api.get(account + "/history?type=com.relationship.account.AccountLapsed.v1").body()
                .get("items"))).containsExactly(4L);
        String from = all.get(2).get("time").asText();
        String to = all.get(4).get("time").asText();
        List<Long> window = sequences(api.get(account + "/history?from=" + from + "&to=" + to).body().get("items"));
        assertThat(window).as("from included, to excluded").startsWith(2L).doesNotContain(4L, 5L);
        String correlation = all.get(3).get("correlationId").asText();
        assertThat(sequences(api.get(account + "/history?correlationId=" + correlation).body().get("items")))
                .containsExactly(3L);

        JsonNode second = api.get(account + "/history?page=1&size=2").body();
        assertThat(sequences(second.get("items"))).containsExactly(2L, 3L);
        assertThat(second.get("hasMore").asBoolean()).isTrue();
        JsonNode third = api.get(account + "/history?page=2&size=2").body();
        assertThat(sequences(third.get("items"))).containsExactly(4L, 5L);
        assertThat(third.get("hasMore").asBoolean()).isTrue();
        JsonNode last = api.get(account + "/history?page=3&size=2").body();
        assertThat(sequences(last.get("items"))).containsExactly(6L);
        assertThat(last.get("hasMore").asBoolean()).isFalse();
        assertThat(api.get(account + "/history?size=501").status()).isEqualTo(400);
    }

    @Test
    void ndjsonStreamsTheWholeHistoryOneEventPerLine() throws Exception {
        Api.Reply stream = api.raw("GET", account + "/history", null, Map.of("Accept", "application/x-ndjson"));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("application/x-ndjson");
        String[] lines = stream.raw().body().strip().split("\n");
        assertThat(lines).hasSize(7);
        for (int i = 0; i < lines.length; i++) {
            assertThat(JSON.readTree(lines[i]).get("sequence").asLong()).isEqualTo(i);
        }
        Api.Reply unknown = api.raw("GET", "/accounts/" + java.util.UUID.randomUUID() + "/history", null,
                Map.of("Accept", "application/x-ndjson"));
        assertThat(unknown.status()).isEqualTo(404);
    }
}
