package com.relationship.service.api;

import com.relationship.contracts.openapi.DocumentedProblems;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands per token subject: past the burst a command is refused 429 with Retry-After and stored
 * nowhere, while other subjects and the refused subject's reads go on. A context of its own, with a
 * burst of 3 and one command an hour, so the test does not race the refill.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relationship.api.command-rate.requests=1", "relationship.api.command-rate.per=1h",
                "relationship.api.command-rate.burst=3"})
class CommandRateLimitTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.infrastructure(registry);
    }

    @LocalServerPort
    int port;

    private Api as(String subject) {
        return Api.withToken("http://127.0.0.1:" + port + "/api/v1", TestTokens.token(subject, Role.WRITER, Role.AUDITOR));
    }

    @Test
    void pastItsBurstASubjectsCommandIs429WithRetryAfterAndNothingIsStored() {
        Api flood = as("flood@" + System.nanoTime());
        String account = flood.post("/accounts", Map.of("name", "Flood Ltd", "industry", "Retail",
                "employeeCount", 5, "region", "EMEA", "classification", "TACTICAL")).body().get("accountId").asText();
        Map<String, Object> purchase = Map.of("amount", "10.00", "currency", "EUR",
                "occurredAt", "2026-05-01T10:00:00Z", "description", "seat");
        assertThat(flood.post("/accounts/" + account + "/purchases", purchase).status()).isEqualTo(200);
        assertThat(flood.post("/accounts/" + account + "/purchases", purchase).status()).isEqualTo(200);

        Api.Reply refused = flood.post("/accounts/" + account + "/purchases", purchase);
        System.out.printf("the fourth command in a burst of 3: %d %s Retry-After %s%n", refused.status(),
                refused.body(), refused.header("Retry-After"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).isEqualTo("/problems/too-many-commands");
        DocumentedProblems.assertAsDocumented(OperationsTest.OPENAPI, refused.body());
        assertThat(refused.body().get("detail").asText()).contains("Retry-After");
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("an hour for the next token")
                .isBetween(3000L, 3600L);
        assertThat(flood.get("/accounts/" + account + "/events").body()).as("nothing stored").hasSize(3);

        Api other = as("calm@" + System.nanoTime());
        assertThat(other.post("/accounts/" + account + "/purchases", purchase).status())
                .as("another subject has its own bucket").isEqualTo(200);
    }
}
