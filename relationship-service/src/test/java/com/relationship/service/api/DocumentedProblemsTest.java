package com.relationship.service.api;

import com.relationship.contracts.openapi.DocumentedProblems;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem+json example in the OpenAPI document is what the service answers (issue 32): each
 * documented problem type is provoked here over REST, or by the test named for it where it needs a
 * context of its own (a rate limit, MongoDB down), and the real answer checked against the examples of
 * its type (status, title, the members they show).
 */
class DocumentedProblemsTest extends EmbeddedServiceTest {

    /** Documented types provoked by a test of their own, and which. */
    private static final Map<String, String> PROVOKED_ELSEWHERE = Map.of(
            "/problems/too-many-commands", "CommandRateLimitTest",
            "/problems/store-unavailable", "MongoOutageTest",
            "/problems/integrity-check-running", "audit.IntegrityCheckRunningTest",
            "/problems/topic-not-read-yet", "relay.TopicNotReadYetTest",
            "/problems/concurrent-modification", "referencedata.ReferenceDataProblemTest");

    @LocalServerPort
    int port;

    private Api api;
    private String account;

    @BeforeEach
    void setUp() {
        api = new Api(base(), "docs@qa");
        account = "/accounts/" + api.post("/accounts", Map.of("name", "Documented GmbH", "industry", "Software",
                "employeeCount", 40, "region", "EMEA", "classification", "TACTICAL")).body().get("accountId").asText();
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }

    private Map<String, Supplier<Api.Reply>> provocations() {
        Map<String, Supplier<Api.Reply>> provoke = new LinkedHashMap<>();
        Map<String, String> json = Map.of("Content-Type", "application/json");
        provoke.put("/problems/malformed-request", () -> api.raw("POST", account + "/purchases",
                "{\"amount\": }".getBytes(StandardCharsets.UTF_8), json));
        provoke.put("/problems/invalid-parameter", () -> api.get("/accounts/not-an-id"));
        provoke.put("/problems/token-missing", () -> Api.withToken(base(), null).get(account));
        provoke.put("/problems/role-missing", () -> Api.withToken(base(), TestTokens.token("docs@qa", Role.READER))
                .post(account + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER")));
        provoke.put("/problems/account-not-found", () -> api.get("/accounts/" + UUID.randomUUID()));
        provoke.put("/problems/request-too-large", () -> api.raw("POST", account + "/purchases",
                ("{\"description\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8), json));
        provoke.put("/problems/unsupported-media-type", () -> api.raw("POST", account + "/purchases",
                "amount=10".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/plain")));
        provoke.put("/problems/invalid-field", () -> api.post(account + "/purchases", Map.of("amount", "0.00",
                "currency", "EUR", "occurredAt", "2026-05-01T10:00:00Z", "description", "nothing")));
        provoke.put("/problems/not-the-next-stage", () -> api.post(account + "/lifecycle/advance",
                Map.of("targetStage", "CLIENT")));
        provoke.put("/problems/stale-version", () -> api.post(account + "/interactions", Map.of("channel", "CALL",
                "direction", "TWO_WAY", "contact", "Dana", "summary", "Call", "occurredAt", "2026-05-01T10:00:00Z"),
                Map.of("If-Match", "\"7\"")));
        provoke.put("/problems/reference-data-not-found", () -> api.get("/admin/exchange-rates/1901-01"));
        return provoke;
    }

    @Test
    void everyDocumentedProblemTypeIsProvokedByATest() {
        TreeSet<String> covered = new TreeSet<>(provocations().keySet());
        covered.addAll(PROVOKED_ELSEWHERE.keySet());
        assertThat(DocumentedProblems.examples(OperationsTest.OPENAPI).keySet())
                .as("a documented example no test provokes: add it to provocations()").isSubsetOf(covered);
    }

    @Test
    void eachProvokedProblemIsAnsweredAsItsExamplesShow() {
        Map<String, Api.Reply> replies = new LinkedHashMap<>();
        provocations().forEach((type, provoke) -> replies.put(type, provoke.get()));
        replies.forEach((type, reply) -> System.out.printf("%s -> %d %s%n", type, reply.status(), reply.body()));
        replies.forEach((type, reply) -> {
            assertThat(reply.contentType()).as(type).startsWith("application/problem+json");
            assertThat(reply.body().path("type").asText()).as("%s provoked", type).isEqualTo(type);
            DocumentedProblems.assertAsDocumented(OperationsTest.OPENAPI, reply.body());
        });
    }
}
