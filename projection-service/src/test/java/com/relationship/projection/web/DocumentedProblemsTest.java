package com.relationship.projection.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoTimeoutException;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.openapi.DocumentedProblems;
import com.relationship.projection.dashboard.LiveHub;
import com.relationship.projection.dashboard.StreamTickets;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * Every problem+json example in the OpenAPI document is what the service answers (issue 32): each
 * documented problem type is provoked here through the web layer, or by the test named for it where it
 * needs the whole service (a rate limit, a backtest that cannot run) or the type's own package, and the
 * real answer checked against the examples of its type (status, title, the members they show).
 */
class DocumentedProblemsTest extends WebSliceTest {

    static final Path OPENAPI = Path.of("../api-contracts/src/main/resources/openapi/projection-service.json");
    private static final String READER = "Bearer " + TestTokens.token("reader@test", Role.READER);
    private static final String ADMIN = "Bearer " + TestTokens.token("admin@test", Role.ADMIN);
    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");

    /** Documented types provoked by a test of their own, and which. */
    private static final Map<String, String> PROVOKED_ELSEWHERE = Map.of(
            "/problems/too-many-streams", "ingest.ProjectionIntegrationTest",
            "/problems/too-many-stream-tickets", "ingest.ProjectionIntegrationTest",
            "/problems/invalid-backtest", "ingest.ProjectionIntegrationTest",
            "/problems/rebuild-conflict", "rebuild.RebuildProblemTest",
            "/problems/rebuild-swap-failed", "rebuild.RebuildProblemTest");

    private Map<String, Supplier<MvcTestResult>> provocations() {
        Map<String, Supplier<MvcTestResult>> provoke = new LinkedHashMap<>();
        provoke.put("/problems/invalid-parameter", () -> mvc.get().header("Authorization", READER)
                .uri("/api/v1/accounts/not-an-id/status").exchange());
        provoke.put("/problems/token-missing", () -> mvc.get().uri("/api/v1/accounts/{id}/status", ACCOUNT).exchange());
        provoke.put("/problems/role-missing", () -> mvc.post().header("Authorization", READER)
                .uri("/api/v1/admin/rebuilds").contentType(MediaType.APPLICATION_JSON).content("{}").exchange());
        provoke.put("/problems/account-not-found", () -> {
            given(store.findStatus(ACCOUNT)).willReturn(Optional.empty());
            return mvc.get().header("Authorization", READER).uri("/api/v1/accounts/{id}/status", ACCOUNT).exchange();
        });
        provoke.put("/problems/read-model-unavailable", () -> {
            given(store.findStatus(any())).willThrow(new MongoTimeoutException("no server"));
            return mvc.get().header("Authorization", READER).uri("/api/v1/accounts/{id}/status", ACCOUNT).exchange();
        });
        provoke.put("/problems/malformed-request", () -> mvc.post().header("Authorization", ADMIN).uri("/api/v1/admin/churn-backtests")
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\": }").exchange());
        provoke.put("/problems/unsupported-media-type", () -> mvc.post().header("Authorization", ADMIN)
                .uri("/api/v1/admin/churn-backtests").contentType(MediaType.TEXT_PLAIN).content("from=now").exchange());
        provoke.put("/problems/stream-ticket-invalid", () -> {
            given(streamTickets.redeem(anyString())).willReturn(Optional.empty());
            return mvc.get().uri("/api/v1/dashboard/stream?ticket=spent").exchange();
        });
        provoke.put("/problems/stream-unavailable", () -> {
            given(streamTickets.redeem(anyString())).willReturn(Optional.of(new StreamTickets.Holder("reader@test",
                    Instant.parse("2026-12-07T18:00:00Z"))));
            given(liveHub.connect(any(), any(), any())).willThrow(LiveHub.NotRunning.class);
            return mvc.get().uri("/api/v1/dashboard/stream?ticket=fresh").exchange();
        });
        return provoke;
    }

    @Test
    void everyDocumentedProblemTypeIsProvokedByATest() {
        TreeSet<String> covered = new TreeSet<>(provocations().keySet());
        covered.addAll(PROVOKED_ELSEWHERE.keySet());
        assertThat(DocumentedProblems.examples(OPENAPI).keySet())
                .as("a documented example no test provokes: add it to provocations()").isSubsetOf(covered);
    }

    @Test
    void eachProvokedProblemIsAnsweredAsItsExamplesShow() throws Exception {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<MvcTestResult>> provocation : provocations().entrySet()) {
            MvcTestResult result = provocation.getValue().get();
            String body = result.getResponse().getContentAsString();
            System.out.printf("%s -> %d %s%n", provocation.getKey(), result.getResponse().getStatus(), body);
            answers.put(provocation.getKey(), ContractJson.newObjectMapper().readTree(body));
        }
        answers.forEach((type, answer) -> {
            assertThat(answer.path("type").asText()).as("%s provoked", type).isEqualTo(type);
            DocumentedProblems.assertAsDocumented(OPENAPI, answer);
        });
    }
}
