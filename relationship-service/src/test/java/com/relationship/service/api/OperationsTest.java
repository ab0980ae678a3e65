package com.relationship.service.api;

import com.relationship.contracts.openapi.OpenApiContract;
import com.relationship.security.Role;
import com.relationship.security.test.HealthProbes;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and an API consumer rely on: probes, metrics, the OpenAPI document. */
class OperationsTest extends EmbeddedServiceTest {

    /** The published OpenAPI document; surefire runs with the module as working directory. */
    static final Path OPENAPI = Path.of("../api-contracts/src/main/resources/openapi/relationship-service.json");

    @LocalServerPort
    int port;

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        // what a Prometheus scrape sends: a token with admin (health would answer without)
                        .header("Authorization", "Bearer " + TestTokens.token("prometheus", Role.ADMIN)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** Readiness follows MongoDB only: Kafka and the relay are health components of their own. */
    @Test
    void readinessIncludesMongoButNotKafka() throws Exception {
        String readiness = get("/actuator/health/readiness");
        assertThat(readiness).contains("\"status\":\"UP\"").contains("\"mongo\"")
                .doesNotContain("\"kafka\"").doesNotContain("\"relay\"");
        assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health")).contains("\"kafka\"").contains("\"relay\"").contains("\"lagEvents\"");
    }

    /**
     * Health's details name failing accounts and events, exception text and broker addresses: only
     * an admin sees them. A prober without a token, or a reader, gets the status alone.
     */
    @Test
    void healthShowsItsDetailsToAdminsOnly() throws Exception {
        HealthProbes.assertStatusOnlyWithoutAdmin(port);
        assertThat(get("/actuator/health")).as("for an admin").contains("\"relay\"").contains("\"lagEvents\"");
    }

    @Test
    void prometheusExposesCommandAndRelayMetrics() throws Exception {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "ops");
        String id = api.post("/accounts", Map.of("name", "Umbrella", "industry", "Pharma", "employeeCount", 9000,
                "region", "EMEA", "classification", "TACTICAL")).body().get("accountId").asText();
        api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
        String metrics = get("/actuator/prometheus");
        assertThat(metrics)
                .containsPattern("relationship_commands_total\\{.*command=\"RegisterAccount\".*outcome=\"accepted\"")
                .containsPattern("relationship_commands_total\\{.*command=\"AdvanceLifecycleStage\".*outcome=\"refused\".*rule=\"EVIDENCE_MISSING\"")
                .contains("relationship_relay_lag_seconds")
                .contains("relationship_relay_lag_events")
                .contains("relationship_relay_events_total")
                .contains("relationship_relay_stuck_seconds")
                .contains("relationship_relay_reconciled_events_total");
    }

    @Test
    void openApiDescribesTheCommands() throws Exception {
        String openApi = get("/v3/api-docs");
        assertThat(openApi).contains("relationship-service: account lifecycle commands")
                .contains("/api/v1/accounts/{accountId}/lifecycle/advance")
                .contains("/api/v1/accounts/{accountId}/kam/uncouple")
                .contains("/api/v1/accounts/{accountId}/events");
    }

    /**
     * The OpenAPI document is a contract other teams build clients from: a change to the API shows up
     * as a change to the checked-in file. Rewrite it after a deliberate change with
     * {@code -Dopenapi.write=true}.
     */
    @Test
    void openApiDocumentIsTheCheckedInContract() throws Exception {
        OpenApiContract.assertMatches(get("/v3/api-docs"), OPENAPI, "./mvnw -pl relationship-service -am install"
                + " -Dtest=OperationsTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true");
    }
}
