package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auditors' questions over a scripted history with a downgrade, a lapse, a win-back and a KAM
 * uncoupling: the state at a version and at an instant, and the stage periods with who moved them.
 */
class ReplayTest extends EmbeddedServiceTest {

    @LocalServerPort
    int port;

    private record Scripted(String path, List<Instant> times) {
    }

    /** Stands for the purchase that wins the account back: dated when it is sent, after the lapse. */
    private static final Object WIN_BACK_PURCHASE = new Object();

    /**
     * 0 registered, 1 purchase, 2 CUSTOMER, 3-4 purchases, 5 CLIENT, 6 downgrade, 7 lapse, 8 the purchase that
     * wins it back (dated after the lapse: issue 25), 9 win-back, 10 designate, 11 EARLY_KAM, 12 uncouple.
     */
    private Scripted script(Api api) {
        Api.Reply registered = api.post("/accounts", Map.of("name", "Globex", "industry", "Energy",
                "employeeCount", 900, "region", "EMEA", "classification", "STRATEGIC"));
        String a = "/accounts/" + registered.body().get("accountId").asText();
        Map<String, Object> purchase = Map.of("amount", "99.00", "currency", "EUR",
                "occurredAt", "2026-05-01T10:00:00Z", "description", "licence");
        List<Map.Entry<String, Object>> commands = List.of(Map.entry("/purchases", purchase),
                Map.entry("/lifecycle/advance", Map.of("targetStage", "CUSTOMER")), Map.entry("/purchases", purchase),
                Map.entry("/purchases", purchase), Map.entry("/lifecycle/advance", Map.of("targetStage", "CLIENT")),
                Map.entry("/lifecycle/downgrade", Map.of("targetStage", "CUSTOMER", "reason", "missed renewals")),
                Map.entry("/lifecycle/lapse", Map.of("reason", "went to a rival")),
                Map.entry("/purchases", WIN_BACK_PURCHASE),
                Map.entry("/lifecycle/win-back", Map.of("reason", "new contract")),
                Map.entry("/kam/designate", Map.of("rationale", "future advantage")),
                Map.entry("/kam/advance", Map.of("targetStage", "EARLY_KAM")),
                Map.entry("/kam/uncouple", Map.of("reason", "dependency risk")));
        for (Map.Entry<String, Object> command : commands) {
            Object body = command.getValue() == WIN_BACK_PURCHASE ? Map.of("amount", "99.00", "currency", "EUR",
                    "occurredAt", Instant.now().toString(), "description", "new contract") : command.getValue();
            Api.Reply reply = api.post(a + command.getKey(), body);
            assertThat(reply.status()).as(command.getKey() + " " + reply.body()).isEqualTo(200);
        }
        List<Instant> times = new ArrayList<>();
        api.get(a + "/events").body().forEach(event -> times.add(Instant.parse(event.get("timestamp").asText())));
        return new Scripted(a, times);
    }

    @Test
    void theStateAtAVersionAndAtAnInstantIsFoldedFromTheWholeHistory() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "erin@audit");
        Scripted history = script(api);
        JsonNode client = api.get(history.path() + "/state?version=5").body();
        assertThat(client.get("stage").asText()).isEqualTo("CLIENT");
        assertThat(client.get("version").asLong()).isEqualTo(5);
        assertThat(client.get("evidence").get("purchases").asInt()).isEqualTo(3);
        assertThat(Instant.parse(client.get("lastEventAt").asText())).isEqualTo(history.times().get(5));

        Instant asOf = history.times().get(6);
        long lastAtThatInstant = history.times().lastIndexOf(asOf);
        JsonNode downgraded = api.get(history.path() + "/state?asOf=" + asOf).body();
        assertThat(downgraded.get("version").asLong()).as("every event recorded at or before asOf")
                .isEqualTo(lastAtThatInstant);
        assertThat(downgraded.get("stage").asText()).isEqualTo(lastAtThatInstant == 6 ? "CUSTOMER" : "LAPSED");
        assertThat(api.get(history.path() + "/state?version=6").body().get("evidence").get("purchases").asInt())
                .as("after the downgrade only the first purchase counts").isEqualTo(1);
        JsonNode lapsed = api.get(history.path() + "/state?version=7").body();
        assertThat(lapsed.get("stage").asText()).isEqualTo("LAPSED");
        assertThat(lapsed.get("lapsedFrom").asText()).isEqualTo("CUSTOMER");
        JsonNode now = api.get(history.path() + "/state").body();
        assertThat(now.get("stage").asText()).isEqualTo("CUSTOMER");
        assertThat(now.get("kamStage").asText()).isEqualTo("UNCOUPLING_KAM");
        assertThat(now.get("version").asLong()).isEqualTo(12);
    }

    @Test
    void aTimeOrVersionTheAccountDidNotHaveIsAClearProblem() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "erin@audit");
        Scripted history = script(api);
        Api.Reply before = api.get(history.path() + "/state?asOf=2000-01-01T00:00:00Z");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(before.body().get("type").asText()).endsWith("/problems/not-registered-yet");
        Api.Reply beyond = api.get(history.path() + "/state?version=99");
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(beyond.body().get("detail").asText()).contains("versions 0 to 12");
        Api.Reply both = api.get(history.path() + "/state?version=1&asOf=2026-01-01T00:00:00Z");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("type").asText()).endsWith("/problems/as-of-or-version");
    }

    @Test
    void theTimelineSaysWhenEachStageWasEnteredAndLeftAndWhoMovedIt() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "erin@audit");
        Scripted history = script(api);
        JsonNode timeline = api.get(history.path() + "/timeline").body();
        JsonNode lifecycle = timeline.get("lifecycle");
        List<String> stages = new ArrayList<>();
        lifecycle.forEach(period -> stages.add(period.get("stage").asText()));
        assertThat(stages).containsExactly("PROSPECT", "CUSTOMER", "CLIENT", "CUSTOMER", "LAPSED", "CUSTOMER");
        JsonNode clientPeriod = lifecycle.get(2);
        assertThat(Instant.parse(clientPeriod.get("enteredAt").asText())).isEqualTo(history.times().get(5));
        assertThat(Instant.parse(clientPeriod.get("leftAt").asText())).isEqualTo(history.times().get(6));
        assertThat(clientPeriod.get("enteredBy").get("actor").asText()).isEqualTo("erin@audit");
        assertThat(clientPeriod.get("enteredBy").get("sequence").asLong()).isEqualTo(5);
        assertThat(clientPeriod.get("leftBy").get("reason").asText()).isEqualTo("missed renewals");
        assertThat(lifecycle.get(5).get("leftAt").isNull()).as("still a CUSTOMER").isTrue();

        List<String> kam = new ArrayList<>();
        timeline.get("kam").forEach(period -> kam.add(period.get("stage").asText()));
        assertThat(kam).containsExactly("PRE_KAM", "EARLY_KAM", "UNCOUPLING_KAM");
        assertThat(timeline.get("kam").get(2).get("enteredBy").get("reason").asText()).isEqualTo("dependency risk");
    }
}
