package com.relationship.projection.web;

import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import com.relationship.projection.dashboard.StreamTickets;
import com.relationship.projection.rebuild.RebuildReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * Who may call what on projection-service: every endpoint against every role, a token without a
 * roles claim, and no token. The expected table is written out here, not derived from
 * {@link EndpointRoles}, so a change to either shows up as a failure. "ok" means the request got
 * past the token check (any answer but 401 and 403, and no 5xx). Also: each kind of bad token
 * answers 401 problem+json with a reason and no internals. The actuator endpoints are checked on
 * the full service in ProjectionIntegrationTest.
 */
class EndpointAccessTest extends WebSliceTest {

    private static final String ACCOUNT = "/api/v1/accounts/5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11";

    /** Columns: writer, reader, auditor, admin, token without roles claim, no token. */
    private static final String[][] EXPECTED = {
            {"GET", ACCOUNT + "/status", /*        */ "403", "ok", "403", "403", "403", "401"},
            {"GET", "/api/v1/accounts?stage=CUSTOMER", "403", "ok", "403", "403", "403", "401"},
            {"GET", "/api/v1/funnel", /*           */ "403", "ok", "403", "403", "403", "401"},
            {"GET", ACCOUNT + "/bonding", /*       */ "403", "ok", "403", "403", "403", "401"},
            {"GET", ACCOUNT + "/churn-risk", /*    */ "403", "ok", "403", "403", "403", "401"},
            {"GET", ACCOUNT + "/churn-risk/history", "403", "ok", "403", "403", "403", "401"},
            {"GET", "/api/v1/churn-risk?band=HIGH", "403", "ok", "403", "403", "403", "401"},
            {"GET", ACCOUNT + "/timeline", /*      */ "403", "ok", "403", "403", "403", "401"},
            {"GET", ACCOUNT + "/committee", /*     */ "403", "ok", "403", "403", "403", "401"},
            {"GET", "/api/v1/dashboard/funnel", /* */ "403", "ok", "403", "403", "403", "401"},
            {"GET", "/api/v1/dashboard/watch-list?band=HIGH", "403", "ok", "403", "403", "403", "401"},
            {"POST", "/api/v1/dashboard/stream-tickets", "403", "ok", "403", "403", "403", "401"},
            // Open to every caller at the token check: the stream takes a ticket, and without one it is 401.
            {"GET", "/api/v1/dashboard/stream", /* */ "401", "401", "401", "401", "401", "401"},
            {"POST", "/api/v1/admin/dead-letters/redrive", "403", "403", "403", "ok", "403", "401"},
            {"POST", "/api/v1/admin/rebuilds", /*  */ "403", "403", "403", "ok", "403", "401"},
            // A backtest is started by an admin; its report (figures about the whole base) is read by readers.
            {"POST", "/api/v1/admin/churn-backtests", "403", "403", "403", "ok", "403", "401"},
            {"GET", "/api/v1/admin/churn-backtests", "403", "ok", "403", "403", "403", "401"},
            {"GET", "/api/v1/admin/churn-backtests/b1", "403", "ok", "403", "403", "403", "401"},
            {"GET", "/api/v1/admin/rebuilds", /*   */ "403", "403", "403", "ok", "403", "401"},
            {"GET", "/api/v1/admin/rebuilds/r1",   "403", "403", "403", "ok", "403", "401"},
            {"POST", "/api/v1/admin/rebuilds/r1/swap", "403", "403", "403", "ok", "403", "401"},
            {"GET", "/api/v1/not-an-endpoint", /*  */ "403", "403", "403", "403", "403", "401"},
            {"GET", "/v3/api-docs", /*             */ "ok", "ok", "ok", "ok", "ok", "ok"},
    };

    private static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("writer", () -> TestTokens.token("wendy", Role.WRITER));
        CALLERS.put("reader", () -> TestTokens.token("rita", Role.READER));
        CALLERS.put("auditor", () -> TestTokens.token("audrey", Role.AUDITOR));
        CALLERS.put("admin", () -> TestTokens.token("adam", Role.ADMIN));
        CALLERS.put("no roles claim", () -> TestTokens.withoutRolesClaim("nora"));
        CALLERS.put("no token", () -> null);
    }

    @BeforeEach
    void aRebuildExists() {
        RebuildReport report = new RebuildReport("r1", RebuildReport.State.COMPLETED, List.of("bonding"), "topic",
                Instant.EPOCH, Instant.EPOCH, 0, 0, 0, null, List.of(), null, null);
        given(rebuilds.start(any())).willReturn(report);
        given(rebuilds.find("r1")).willReturn(Optional.of(report));
        given(rebuilds.swap("r1")).willReturn(report);
        given(streamTickets.issue(any())).willReturn(new StreamTickets.Issued("t", Instant.EPOCH));
        given(churnBacktests.start(any())).willReturn(new com.relationship.projection.churn.backtest.ChurnBacktests.Status(
                "b1", "RUNNING", null, Instant.EPOCH, null, 0, 0, null, null, null));
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        StringBuilder seen = new StringBuilder("endpoint x caller (writer reader auditor admin no-roles no-token):\n");
        for (String[] row : EXPECTED) {
            seen.append(String.format("  %-4s %-45s", row[0], row[1]));
            int column = 2;
            for (Map.Entry<String, Supplier<String>> caller : CALLERS.entrySet()) {
                MvcTestResult result = call(row[0], row[1], caller.getValue().get());
                int status = result.getResponse().getStatus();
                String outcome = status == 401 || status == 403 ? Integer.toString(status)
                        : status < 500 ? "ok" : "5xx";
                seen.append(' ').append(status);
                if (!outcome.equals(row[column])) {
                    mismatches.add(row[0] + " " + row[1] + " as " + caller.getKey() + ": expected " + row[column]
                            + ", got " + status + " " + body(result));
                }
                if (status == 401 || status == 403) {
                    assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                }
                column++;
            }
            seen.append('\n');
        }
        System.out.println(seen);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aMissingRoleIsA403ThatNamesIt() {
        MvcTestResult result = call("POST", "/api/v1/admin/dead-letters/redrive", TestTokens.token("rita", Role.READER));

        assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/role-missing");
        assertThat(result).bodyJson().extractingPath("$.requiredRole").isEqualTo("admin");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("'admin'").contains("rita");
    }

    @Test
    void aTokenWithoutRolesClaimIsA403ThatNamesTheRoleNeeded() {
        MvcTestResult result = call("GET", "/api/v1/funnel", TestTokens.withoutRolesClaim("nora"));

        assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/roles-claim-missing");
        assertThat(result).bodyJson().extractingPath("$.requiredRole").isEqualTo("reader");
        assertNoInternals(result);
    }

    @Test
    void everyKindOfBadTokenIsA401ProblemWithAReasonAndNoInternals() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("forged", new String[]{TestTokens.forged("mallory", Role.READER), "token-invalid", "signature"});
        cases.put("expired", new String[]{TestTokens.expired("rita", Role.READER), "token-expired", "expired at"});
        cases.put("no expiry", new String[]{TestTokens.withoutExpiry("rita", Role.READER), "token-invalid", "no expiry"});
        cases.put("a month long", new String[]{TestTokens.lastingFor(Duration.ofDays(30), "rita", Role.READER),
                "token-invalid", "longer than the 24h this service accepts"});
        cases.put("wrong issuer", new String[]{TestTokens.wrongIssuer("rita", Role.READER), "token-invalid", "issued by"});
        cases.put("wrong audience", new String[]{TestTokens.wrongAudience("rita", Role.READER), "token-invalid", "audience"});
        cases.put("alg none", new String[]{TestTokens.unsigned("rita", Role.READER), "token-invalid", "not signed"});
        cases.put("not a JWT", new String[]{"not-a-token", "token-invalid", "not a JWT"});
        cases.put("no token", new String[]{null, "token-missing", "Authorization: Bearer"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            MvcTestResult result = call("GET", "/api/v1/funnel", c.getValue()[0]);

            assertThat(result.getResponse().getStatus()).as(c.getKey()).isEqualTo(401);
            assertThat(result.getResponse().getContentType()).as(c.getKey())
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).as(c.getKey()).startsWith("Bearer");
            assertThat(result).bodyJson().extractingPath("$.type").as(c.getKey()).isEqualTo("/problems/" + c.getValue()[1]);
            assertThat(result).bodyJson().extractingPath("$.detail").asString().as(c.getKey()).contains(c.getValue()[2]);
            assertNoInternals(result);
            System.out.println(c.getKey() + " -> 401 " + c.getValue()[1] + ": " + body(result));
        }
        verifyNothingWasRead();
    }

    private void verifyNothingWasRead() {
        org.mockito.Mockito.verifyNoInteractions(funnelQuery);
    }

    private static void assertNoInternals(MvcTestResult result) {
        assertThat(body(result)).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.springframework")
                .doesNotContain("com.nimbusds").doesNotContain("java.");
    }

    private MvcTestResult call(String method, String path, String token) {
        MockMvcTester.MockMvcRequestBuilder request = "POST".equals(method) ? mvc.post().uri(path) : mvc.get().uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange();
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
