package com.relationship.projection.web;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.funnel.Funnel;
import com.relationship.projection.status.AccountHistory;
import com.relationship.projection.status.AccountStatusProjector;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The REST edge with the read model mocked: JSON shapes (through Boot's Jackson 3) and problem+json
 * errors. Every request carries a reader token; who may call what is {@link EndpointAccessTest}'s.
 */
class AccountStatusApiTest extends WebSliceTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String READER = "Bearer " + TestTokens.token("reader@test", Role.READER);

    private MockMvcTester.MockMvcRequestBuilder get() {
        return mvc.get().header("Authorization", READER);
    }

    private static AccountStatus customer() {
        return new AccountStatusProjector().fold(AccountHistory.registered(ACCOUNT, "Acme Industrial GmbH")
                .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("48000.50"), "EUR",
                        Instant.parse("2026-01-10T00:00:00Z"), "Licence"))
                .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("1E+3"), "USD",
                        Instant.parse("2026-01-11T00:00:00Z"), "Scientific notation in, plain out"))
                .then(id -> new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER))
                .then(id -> new KeyAccountDesignated(id, "Potential"))
                .events());
    }

    @Test
    void statusOfAnAccountWithIsoInstantsAndExactMoney() throws Exception {
        given(store.findStatus(ACCOUNT)).willReturn(Optional.of(customer()));

        MvcTestResult result = get().uri("/api/v1/accounts/{id}/status", ACCOUNT).exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        String json = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"EUR\":48000.50").contains("\"USD\":1000")
                .contains("\"annualRevenue\":250000000.00")
                .contains("\"stageSince\":\"2026-01-08T08:00:00.123456Z\"");
        assertThat(result).bodyJson().extractingPath("$.stage").isEqualTo("CUSTOMER");
        assertThat(result).bodyJson().extractingPath("$.kamStage").isEqualTo("PRE_KAM");
        assertThat(result).bodyJson().extractingPath("$.exchangeType").isEqualTo("TRANSACTIONAL");
        assertThat(result).bodyJson().extractingPath("$.stagePeriods[0].leftAt").isEqualTo("2026-01-08T08:00:00.123456Z");
        assertThat(result).bodyJson().extractingPath("$.stagePeriods[1].leftAt").isNull();
        assertThat(result).bodyJson().extractingPath("$.lastAppliedSequence").isEqualTo(4);
    }

    @Test
    void unknownAccountIsA404ProblemThatSaysWhatToDo() {
        given(store.findStatus(ACCOUNT)).willReturn(Optional.empty());

        MvcTestResult result = get().uri("/api/v1/accounts/{id}/status", ACCOUNT).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/account-not-found");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
        assertThat(result).bodyJson().extractingPath("$.accountId").isEqualTo(ACCOUNT.toString());
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/accounts/" + ACCOUNT + "/status");
        assertThat(result).bodyJson().extractingPath("$.detail").asString()
                .contains(ACCOUNT.toString()).contains("retry in a few seconds");
    }

    @Test
    void malformedAccountIdIsA400Problem() {
        MvcTestResult result = get().uri("/api/v1/accounts/not-a-uuid/status").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
        assertThat(result).bodyJson().extractingPath("$.parameter").isEqualTo("id");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("UUID");
    }

    @Test
    void listIsPagedAndFiltered() {
        given(store.list(LifecycleStage.CUSTOMER, KamStage.PRE_KAM, null, 1, 5)).willReturn(List.of(customer()));
        given(store.count(LifecycleStage.CUSTOMER, KamStage.PRE_KAM, null)).willReturn(6L);

        MvcTestResult result = get().uri("/api/v1/accounts?stage=CUSTOMER&kamStage=PRE_KAM&page=1&size=5").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.page").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.size").isEqualTo(5);
        assertThat(result).bodyJson().extractingPath("$.totalItems").isEqualTo(6);
        assertThat(result).bodyJson().extractingPath("$.items[0].accountId").isEqualTo(ACCOUNT.toString());
    }

    @Test
    void listDefaultsToTheFirstPageOfTwenty() {
        given(store.list(null, null, null, 0, 20)).willReturn(List.of());

        assertThat(get().uri("/api/v1/accounts")).hasStatusOk()
                .bodyJson().extractingPath("$.size").isEqualTo(20);
    }

    /** Issue 28: owner=me is the caller, by their token's subject; any other owner is a subject as it is. */
    @Test
    void ownerMeListsTheCallersAccounts() {
        given(store.list(null, null, "reader@test", 0, 20)).willReturn(List.of(customer()));
        given(store.count(null, null, "reader@test")).willReturn(1L);
        given(store.count(null, null, "alice")).willReturn(3L);

        MvcTestResult mine = get().uri("/api/v1/accounts?owner=me").exchange();
        assertThat(mine).hasStatusOk();
        assertThat(mine).bodyJson().extractingPath("$.totalItems").isEqualTo(1);
        assertThat(mine).bodyJson().extractingPath("$.items[0].accountId").isEqualTo(ACCOUNT.toString());
        assertThat(get().uri("/api/v1/accounts?owner=alice")).hasStatusOk()
                .bodyJson().extractingPath("$.totalItems").isEqualTo(3);
        assertThat(get().uri("/api/v1/accounts?owner=a b")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void unknownStageIsA400ProblemNamingTheAllowedValues() {
        MvcTestResult result = get().uri("/api/v1/accounts?stage=GOLD").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
        assertThat(result).bodyJson().extractingPath("$.parameter").isEqualTo("stage");
        assertThat(result).bodyJson().extractingPath("$.detail").asString()
                .contains("'GOLD'").contains("PROSPECT, CUSTOMER, CLIENT, SUPPORTER, ADVOCATE, PARTNER, LAPSED, DISQUALIFIED");
        assertThat(result).bodyJson().extractingPath("$.allowedValues").asArray().hasSize(8);
        verifyNoInteractions(store);
    }

    @Test
    void unknownKamStageIsA400ProblemNamingTheAllowedValues() {
        MvcTestResult result = get().uri("/api/v1/accounts?kamStage=LATE_KAM").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("PRE_KAM").contains("UNCOUPLING_KAM");
    }

    @Test
    void pageAndSizeOutOfRangeAre400Problems() {
        for (String query : List.of("size=0", "size=201", "page=-1", "size=abc")) {
            MvcTestResult result = get().uri("/api/v1/accounts?" + query).exchange();
            assertThat(result).as(query).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
            assertThat(result).as(query).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
        }
        MvcTestResult tooBig = get().uri("/api/v1/accounts?size=201").exchange();
        assertThat(tooBig).bodyJson().extractingPath("$.detail").asString().contains("size").contains("200");
        verifyNoInteractions(store);
    }

    @Test
    void funnelCountsEveryStageIncludingZeros() {
        Map<String, Long> lifecycle = new LinkedHashMap<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            lifecycle.put(stage.name(), stage == LifecycleStage.CUSTOMER ? 2L : 0L);
        }
        Map<String, Long> kam = new LinkedHashMap<>();
        for (KamStage stage : KamStage.values()) {
            kam.put(stage.name(), stage == KamStage.PRE_KAM ? 1L : 0L);
        }
        given(funnelQuery.funnel()).willReturn(new Funnel(lifecycle, kam, 2, 1));

        MvcTestResult result = get().uri("/api/v1/funnel").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.lifecycleStages.CUSTOMER").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.lifecycleStages.PARTNER").isEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.kamStages.UNCOUPLING_KAM").isEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.totalAccounts").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.keyAccounts").isEqualTo(1);
    }

    @Test
    void unreachableReadModelIsA503ProblemWithRetryAfter() {
        given(store.findStatus(any())).willThrow(new MongoTimeoutException("no server"));

        MvcTestResult result = get().uri("/api/v1/accounts/{id}/status", ACCOUNT).exchange();

        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasContentTypeCompatibleWith(PROBLEM)
                .hasHeader("Retry-After", "5");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/read-model-unavailable");
    }

    @Test
    void unexpectedFailureIsA500ProblemThatLeaksNothing() throws Exception {
        given(store.list(any(), any(), any(), anyInt(), anyInt())).willThrow(new IllegalStateException("secret internals"));

        MvcTestResult result = get().uri("/api/v1/accounts").exchange();

        assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/internal-error");
        assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("secret");
    }

    /** A path the endpoint table does not list is refused to every token (not a 404 that confirms nothing is there). */
    @Test
    void unlistedPathIsRefusedAsAProblem() {
        MvcTestResult result = get().uri("/api/v1/nothing-here").exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/endpoint-not-listed");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("GET /api/v1/nothing-here");
    }

    /** UUID.fromString alone would read "1-1-1-1-1" as 00000001-0001-0001-0001-000000000001: some other account. */
    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "5b0c1f9e7d534c4e9a512f7c3b7f0a11", "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a110",
            "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a1g", " ", "null"})
    void anAccountIdNotInCanonicalFormIsA400Problem(String id) {
        MvcTestResult result = get().uri("/api/v1/accounts/{id}/status", id).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
        assertThat(result).bodyJson().extractingPath("$.parameter").isEqualTo("id");
        verifyNoInteractions(store);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=1e3", "page=99999999999", "page=10000001", "size=NaN", "size=1.5",
            "kamStage=pre_kam", "stage=GOLD%00"})
    void aQueryParameterOfTheWrongFormOrOutOfRangeIsA400Problem(String query) {
        MvcTestResult result = get().uri("/api/v1/accounts?" + query).exchange();

        assertThat(result).as(query).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).as(query).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
        verifyNoInteractions(store);
    }

    @Test
    void anUnknownQueryParameterIsA400ProblemNamingIt() {
        MvcTestResult result = get().uri("/api/v1/accounts?stag=CUSTOMER&size=5").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/unknown-parameter");
        assertThat(result).bodyJson().extractingPath("$.parameters").asArray().containsExactly("stag");
        assertThat(result).bodyJson().extractingPath("$.knownParameters").asArray()
                .containsExactly("kamStage", "owner", "page", "size", "stage");
        assertThat(get().uri("/api/v1/funnel?stage=CUSTOMER")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.type").isEqualTo("/problems/unknown-parameter");
        verifyNoInteractions(store);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "text/csv"})
    void aWrongAcceptIsA406Problem(String accept) {
        MvcTestResult result = get().uri("/api/v1/accounts/{id}/status", ACCOUNT).header("Accept", accept).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_ACCEPTABLE).hasContentTypeCompatibleWith(PROBLEM);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/not-acceptable");
        verifyNoInteractions(store);
    }

    /** A method the endpoint table does not list for the path is refused before any controller, as an unlisted path is. */
    @Test
    void aWrongMethodIsRefusedAsAProblem() {
        assertThat(mvc.post().header("Authorization", READER).uri("/api/v1/accounts/{id}/status", ACCOUNT))
                .hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(PROBLEM)
                .bodyJson().extractingPath("$.type").isEqualTo("/problems/endpoint-not-listed");
        verifyNoInteractions(store);
    }
}
