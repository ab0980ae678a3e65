package com.relationship.projection.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/** Bad input to the bonding, churn-risk and timeline reads is a typed 400, and no read model is asked. */
class ChurnAndBondingApiTest extends WebSliceTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String READER = "Bearer " + TestTokens.token("reader@test", Role.READER);

    private MockMvcTester.MockMvcRequestBuilder get() {
        return mvc.get().header("Authorization", READER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/accounts/1-1-1-1-1/bonding", "/api/v1/accounts/5b0c1f9e7d534c4e9a512f7c3b7f0a11/churn-risk",
            "/api/v1/accounts/null/churn-risk/history", "/api/v1/accounts/not-a-uuid/timeline", "/api/v1/churn-risk?band=PURPLE", "/api/v1/churn-risk?size=0",
            "/api/v1/churn-risk?page=-1", "/api/v1/churn-risk?sort=revenue", "/api/v1/churn-risk?sort=revenue-at-risk",
            "/api/v1/churn-risk?sort=revenue-at-risk&currency=euro"})
    void aMalformedIdOrParameterIsA400Problem(String uri) {
        MvcTestResult result = get().uri(uri).exchange();

        assertThat(result).as(uri).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).as(uri).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
        verifyNoInteractions(bondingStore, churnRiskStore, timelineStore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bonding", "/churn-risk", "/churn-risk/history", "/timeline"})
    void anUnknownAccountIsA404Problem(String read) {
        MvcTestResult result = get().uri("/api/v1/accounts/" + UUID.randomUUID() + read).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/account-not-found");
    }

    @org.junit.jupiter.api.Test
    void anUnknownWatchListParameterIsA400ProblemNamingTheKnownOnes() {
        MvcTestResult result = get().uri("/api/v1/churn-risk?bnd=HIGH").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.knownParameters").asArray().containsExactly("band", "currency", "owner", "page", "size", "sort");
    }

    /** Revenue at risk compares within one currency: without it the list would mix amounts that do not compare. */
    @org.junit.jupiter.api.Test
    void theRevenueAtRiskOrderNeedsTheCurrencyAndSaysSo() {
        MvcTestResult without = get().uri("/api/v1/churn-risk?sort=revenue-at-risk").exchange();
        assertThat(without).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(without).bodyJson().extractingPath("$.parameter").isEqualTo("currency");
        assertThat(without).bodyJson().extractingPath("$.detail").asString().contains("currency=EUR");

        MvcTestResult with = get().uri("/api/v1/churn-risk?sort=revenue-at-risk&currency=EUR&band=HIGH").exchange();
        assertThat(with).hasStatusOk();
        org.mockito.Mockito.verify(churnRiskStore).watchListByRevenueAtRisk("EUR",
                com.relationship.contracts.churn.ChurnBand.HIGH, null, 0, 20);
    }

    /** Issue 28: owner=me is the caller, by their token's subject; any other owner is a subject as it is. */
    @org.junit.jupiter.api.Test
    void ownerMeListsTheCallersWatchList() {
        assertThat(get().uri("/api/v1/churn-risk?owner=me")).hasStatusOk();
        org.mockito.Mockito.verify(churnRiskStore).watchList(null, "reader@test", 0, 20);
        org.mockito.Mockito.verify(churnRiskStore).count(null, "reader@test");
        assertThat(get().uri("/api/v1/churn-risk?owner=alice&sort=revenue-at-risk&currency=EUR")).hasStatusOk();
        org.mockito.Mockito.verify(churnRiskStore).watchListByRevenueAtRisk("EUR", null, "alice", 0, 20);
        assertThat(get().uri("/api/v1/churn-risk?owner=a b")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    /** A request body that does not parse says where and what, not Spring's "Failed to read request". */
    @org.junit.jupiter.api.Test
    void aBacktestRequestThatDoesNotParseSaysWhereAndWhat() {
        MvcTestResult result = mvc.post().uri("/api/v1/admin/churn-backtests")
                .header("Authorization", "Bearer " + TestTokens.token("ada", Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"yesterday\",\"to\":\"2026-01-01T00:00:00Z\"}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/malformed-request");
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("from");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("at from", "yesterday");
        verifyNoInteractions(churnBacktests);
    }
}
