package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history recorded late, at its true dates (issue 25): an account registered as of two years ago,
 * purchases and moves dated when they happened. The audit answers (timeline, history, state as of a
 * date) go by those dates; what cannot have happened then is refused.
 */
class BusinessTimeTest extends EmbeddedServiceTest {

    @LocalServerPort
    int port;

    private static Map<String, Object> with(Map<String, Object> body, String occurredAt) {
        Map<String, Object> dated = new HashMap<>(body);
        dated.put("occurredAt", occurredAt);
        return dated;
    }

    private static Map<String, Object> purchase(String occurredAt, String orderRef) {
        return Map.of("amount", "1000.00", "currency", "EUR", "occurredAt", occurredAt, "description", "parts",
                "orderRef", orderRef);
    }

    private String backdatedHistory(Api api) {
        Api.Reply registered = api.post("/accounts", with(Map.of("name", "Initrode", "industry", "Manufacturing",
                "employeeCount", 300, "region", "EMEA", "classification", "STRATEGIC"), "2024-12-01T09:00:00Z"));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        String a = "/accounts/" + registered.body().get("accountId").asText();
        List<Map.Entry<String, Map<String, Object>>> history = List.of(
                Map.entry("/purchases", purchase("2024-12-10T10:00:00Z", "PO-1")),
                Map.entry("/lifecycle/advance", with(Map.of("targetStage", "CUSTOMER"), "2024-12-15T00:00:00Z")),
                Map.entry("/purchases", purchase("2025-02-01T10:00:00Z", "PO-2")),
                Map.entry("/purchases", purchase("2025-03-01T10:00:00Z", "PO-3")),
                Map.entry("/lifecycle/advance", with(Map.of("targetStage", "CLIENT"), "2025-03-05T00:00:00Z")),
                Map.entry("/referrals", with(Map.of("description", "told a peer"), "2025-04-01T00:00:00Z")),
                Map.entry("/lifecycle/advance", with(Map.of("targetStage", "SUPPORTER"), "2025-04-10T00:00:00Z")));
        for (Map.Entry<String, Map<String, Object>> command : history) {
            Api.Reply reply = api.post(a + command.getKey(), command.getValue());
            assertThat(reply.status()).as(command.getKey() + " " + reply.body()).isEqualTo(200);
        }
        return a;
    }

    @Test
    void theAuditAnswersGoByWhenThingsHappened() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "ivy@import");
        String a = backdatedHistory(api);

        JsonNode lifecycle = api.get(a + "/timeline").body().get("lifecycle");
        List<String> periods = new ArrayList<>();
        lifecycle.forEach(p -> periods.add(p.get("stage").asText() + " " + p.get("enteredAt").asText() + " "
                + p.get("leftAt").asText()));
        assertThat(periods).containsExactly(
                "PROSPECT 2024-12-01T09:00:00Z 2024-12-15T00:00:00Z",
                "CUSTOMER 2024-12-15T00:00:00Z 2025-03-05T00:00:00Z",
                "CLIENT 2025-03-05T00:00:00Z 2025-04-10T00:00:00Z",
                "SUPPORTER 2025-04-10T00:00:00Z null");

        JsonNode entries = api.get(a + "/history").body().get("items");
        assertThat(entries.get(0).get("occurredAt").asText()).isEqualTo("2024-12-01T09:00:00Z");
        assertThat(entries.get(2).get("occurredAt").asText()).isEqualTo("2024-12-15T00:00:00Z");
        assertThat(Instant.parse(entries.get(2).get("time").asText())).as("recorded now")
                .isAfter(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(api.get(a + "/state?asOf=2025-01-01T00:00:00Z").body().get("stage").asText()).isEqualTo("CUSTOMER");
        assertThat(api.get(a + "/state?asOf=2025-03-31T00:00:00Z").body().get("stage").asText()).isEqualTo("CLIENT");
        assertThat(api.get(a + "/state").body().get("registeredAt").asText()).isEqualTo("2024-12-01T09:00:00Z");
    }

    @Test
    void whatCannotHaveHappenedThenIsRefusedAndStoresNothing() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "ivy@import");
        String a = backdatedHistory(api);

        Api.Reply future = api.post(a + "/purchases", purchase("2099-01-01T00:00:00Z", "PO-2099"));
        assertThat(future.status()).as(String.valueOf(future.body())).isEqualTo(422);
        assertThat(future.body().get("rule").asText()).isEqualTo("IN_THE_FUTURE");

        Api.Reply beforeItBegan = api.post(a + "/purchases", purchase("2024-11-01T00:00:00Z", "PO-0"));
        assertThat(beforeItBegan.status()).isEqualTo(409);
        assertThat(beforeItBegan.body().get("type").asText()).isEqualTo("/problems/before-the-relationship");

        Api.Reply earlyMove = api.post(a + "/lifecycle/lapse", with(Map.of("reason", "went elsewhere"),
                "2025-04-01T00:00:00Z"));
        assertThat(earlyMove.status()).isEqualTo(409);
        assertThat(earlyMove.body().get("type").asText()).isEqualTo("/problems/move-before-the-latest-move");
        assertThat(earlyMove.body().get("detail").asText()).contains("2025-04-10T00:00:00Z");

        Api.Reply overdueAtBirth = api.post(a + "/complaints", Map.of("summary", "late", "dueBy",
                "1950-01-01T00:00:00Z"));
        assertThat(overdueAtBirth.status()).isEqualTo(422);
        assertThat(overdueAtBirth.body().get("rule").asText()).isEqualTo("DUE_BEFORE_RAISED");

        assertThat(api.get(a + "/events").body()).as("nothing stored by the refusals").hasSize(8);

        // A fact recorded late, dated before moves already recorded, is history: accepted.
        assertThat(api.post(a + "/purchases", purchase("2025-01-15T10:00:00Z", "PO-late")).status()).isEqualTo(200);
        assertThat(api.post(a + "/complaints", Map.of("summary", "late", "occurredAt", "2025-05-01T00:00:00Z",
                "dueBy", "2025-05-15T00:00:00Z")).status()).isEqualTo(200);
    }

    /** The purchase that wins a lapsed account back comes with the win-back: two events, one answer, or neither. */
    @Test
    void aWinBackCarriesThePurchaseThatWinsTheAccountBack() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "ivy@import");
        String a = backdatedHistory(api);
        assertThat(api.post(a + "/lifecycle/lapse", with(Map.of("reason", "went to a rival"), "2025-06-01T00:00:00Z"))
                .status()).isEqualTo(200);

        Api.Reply before = api.post(a + "/lifecycle/win-back", Map.of("reason", "new contract",
                "purchase", purchase("2025-05-20T10:00:00Z", "PO-old")));
        assertThat(before.status()).as(String.valueOf(before.body())).isEqualTo(409);
        assertThat(before.body().get("type").asText()).isEqualTo("/problems/win-back-needs-a-purchase");
        assertThat(before.body().get("detail").asText()).contains("this one is dated 2025-05-20T10:00:00Z",
                "record it as history with POST /purchases");
        Api.Reply noAmount = api.post(a + "/lifecycle/win-back", Map.of("reason", "new contract",
                "purchase", Map.of("currency", "EUR", "occurredAt", "2025-07-01T10:00:00Z")));
        assertThat(noAmount.status()).as(String.valueOf(noAmount.body())).isEqualTo(422);
        assertThat(noAmount.body().toString()).contains("purchase.amount");
        assertThat(api.get(a + "/events").body()).as("nothing stored by the refusals").hasSize(9);

        Api.Reply wonBack = api.post(a + "/lifecycle/win-back", with(Map.of("reason", "new contract",
                "purchase", purchase("2025-07-01T10:00:00Z", "PO-back")), "2025-07-02T00:00:00Z"));
        assertThat(wonBack.status()).as(String.valueOf(wonBack.body())).isEqualTo(200);
        assertThat(wonBack.body().get("version").asLong()).isEqualTo(10);
        JsonNode events = api.get(a + "/events").body();
        assertThat(events.get(9).get("type").asText()).endsWith("PurchaseRecorded.v1");
        assertThat(events.get(9).get("payload").get("orderRef").asText()).isEqualTo("PO-back");
        assertThat(events.get(10).get("type").asText()).endsWith("AccountWonBack.v1");
        assertThat(api.get(a + "/state").body().get("stage").asText()).isEqualTo("CUSTOMER");
        List<String> periods = new ArrayList<>();
        api.get(a + "/timeline").body().get("lifecycle").forEach(p -> periods.add(p.get("stage").asText() + " "
                + p.get("enteredAt").asText()));
        assertThat(periods).endsWith("LAPSED 2025-06-01T00:00:00Z", "CUSTOMER 2025-07-02T00:00:00Z");
    }
}
