package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fact recorded once, over REST (issue 25): an ERP that sends an order again with its order number,
 * or a client that retries without an Idempotency-Key, gets the first answer and stores nothing; the same
 * reference with other content is a 409 naming the reference and the event that first recorded it.
 */
class FactsRecordedOnceTest extends EmbeddedServiceTest {

    @LocalServerPort
    int port;

    private Api api;
    private String account;

    @BeforeEach
    void setUp() {
        api = new Api("http://127.0.0.1:" + port + "/api/v1", "erp@sync");
        account = "/accounts/" + api.post("/accounts", Map.of("name", "Pied Piper", "industry", "Software",
                "employeeCount", 40, "region", "NA", "classification", "TACTICAL")).body().get("accountId").asText();
    }

    private static Map<String, Object> order(String orderRef, String amount) {
        Map<String, Object> order = new HashMap<>(Map.of("amount", amount, "currency", "EUR",
                "occurredAt", "2026-05-01T10:00:00Z", "description", "seats"));
        if (orderRef != null) {
            order.put("orderRef", orderRef);
        }
        return order;
    }

    @Test
    void anOrderSentAgainWithItsOrderRefAnswersTheFirstVersionAndStoresNothing() {
        Api.Reply first = api.post(account + "/purchases", order("PO-2026-0042", "120.00"));
        Api.Reply again = api.post(account + "/purchases", order("PO-2026-0042", "120.00"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("version").asLong()).isEqualTo(first.body().get("version").asLong()).isEqualTo(1);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        JsonNode events = api.get(account + "/events").body();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).at("/payload/orderRef").asText()).isEqualTo("PO-2026-0042");
    }

    @Test
    void theSameOrderRefWithOtherContentIs409NamingTheRefAndTheFirstEvent() {
        api.post(account + "/purchases", order("PO-7", "120.00"));
        Api.Reply other = api.post(account + "/purchases", order("PO-7", "99.00"));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.body().get("type").asText()).isEqualTo("/problems/ref-already-recorded");
        assertThat(other.body().get("orderRef").asText()).isEqualTo("PO-7");
        assertThat(other.body().get("firstVersion").asLong()).isEqualTo(1);
        assertThat(other.body().get("firstEventType").asText()).isEqualTo("PurchaseRecorded");
        assertThat(other.body().get("detail").asText()).contains("orderRef PO-7 was recorded at version 1");
        assertThat(api.get(account + "/events").body()).hasSize(2);
    }

    /** The case: one real repeat order, sent twice by the ERP, made a CUSTOMER a CLIENT. */
    @Test
    void aRepeatOrderSentTwiceCountsOnce() {
        api.post(account + "/purchases", order("PO-1", "500.00"));
        assertThat(api.post(account + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER")).status()).isEqualTo(200);
        api.post(account + "/purchases", order("PO-2", "500.00"));
        api.post(account + "/purchases", order("PO-2", "500.00"));

        Api.Reply client = api.post(account + "/lifecycle/advance", Map.of("targetStage", "CLIENT"));
        assertThat(client.status()).as(String.valueOf(client.body())).isEqualTo(409);
        assertThat(client.body().get("type").asText()).isEqualTo("/problems/evidence-missing");
    }

    @Test
    void everyFactThatTakesARefAnswersItsFirstVersionWhenSentAgain() {
        Map<String, Map<String, Object>> facts = Map.of(
                "/referrals", Map.of("description", "told a peer", "ref", "R-1"),
                "/co-development-engagements", Map.of("description", "workshop", "ref", "E-1"),
                "/partnership-agreements", Map.of("description", "joint GTM", "signedAt", "2026-05-01T00:00:00Z",
                        "ref", "A-1"),
                "/compliance-reviews", Map.of("outcome", "APPROVED", "reviewer", "legal", "ref", "C-1"),
                "/interactions", Map.of("channel", "CALL", "direction", "TWO_WAY", "contact", "J. Smith",
                        "summary", "check-in", "occurredAt", "2026-05-01T10:00:00Z", "ref", "I-1"),
                "/satisfaction-surveys", Map.of("score", 9, "instrument", "NPS", "occurredAt", "2026-05-01T10:00:00Z",
                        "ref", "S-1"));
        facts.forEach((path, body) -> {
            Api.Reply first = api.post(account + path, body);
            Api.Reply again = api.post(account + path, body);
            assertThat(first.status()).as(path + " " + first.body()).isEqualTo(200);
            assertThat(again.body().get("version").asLong()).as(path).isEqualTo(first.body().get("version").asLong());
            assertThat(again.header("Idempotent-Replayed")).as(path).isEqualTo("true");
        });
        assertThat(api.get(account + "/events").body()).hasSize(1 + facts.size());
    }

    @Test
    void aRefIsOneToAHundredPlainCharactersWithNoSpaceAtEitherEnd() {
        for (String bad : new String[]{"", " PO-1", "PO-1 ", "x".repeat(101), "PO\n1"}) {
            Api.Reply refused = api.post(account + "/purchases", order(bad, "10.00"));
            assertThat(refused.status()).as("orderRef '%s'", bad).isEqualTo(422);
            assertThat(refused.body().get("type").asText()).isEqualTo("/problems/invalid-field");
        }
        assertThat(api.post(account + "/purchases", order("x".repeat(100), "10.00")).status()).isEqualTo(200);
        assertThat(api.post(account + "/purchases", order("INV 2026/17-b", "10.00")).status()).isEqualTo(200);
        assertThat(api.get(account + "/events").body()).hasSize(3);
    }
}
