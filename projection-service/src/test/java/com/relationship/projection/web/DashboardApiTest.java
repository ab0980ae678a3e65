package com.relationship.projection.web;

import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/** The dashboard's snapshots refuse bad input with a 400 problem that says what to send, and read nothing. */
class DashboardApiTest extends WebSliceTest {

    private static final String READER = "Bearer " + TestTokens.token("reader@test", Role.READER);

    @ParameterizedTest
    @ValueSource(strings = {"band=PURPLE", "stage=CHAMPION", "kamStage=TOP_KAM", "tier=GOLD", "sort=sideways", "size=0",
            "size=201"})
    void aBadWatchListParameterIsA400Problem(String query) {
        MvcTestResult result = mvc.get().uri("/api/v1/dashboard/watch-list?" + query).header("Authorization", READER)
                .exchange();

        assertThat(result).as(query).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).as(query).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
        verifyNoInteractions(store, churnRiskStore, tierLedger);
    }

    /** A tier narrows the list to the accounts last published in it, counted among them too. */
    @Test
    void aTierNarrowsTheWatchListToItsAccounts() {
        java.util.Set<java.util.UUID> mvcs = java.util.Set.of(java.util.UUID.randomUUID());
        org.mockito.Mockito.when(tierLedger.accountsIn(com.relationship.projection.value.ValueTier.MVC)).thenReturn(mvcs);
        org.mockito.Mockito.when(clock.instant()).thenReturn(java.time.Instant.parse("2026-12-08T00:00:00Z"));

        MvcTestResult result = mvc.get().uri("/api/v1/dashboard/watch-list?tier=MVC").header("Authorization", READER)
                .exchange();

        assertThat(result).hasStatusOk();
        org.mockito.Mockito.verify(store).watchList(null, null, null, null, mvcs,
                com.relationship.projection.status.AccountStatusStore.WatchOrder.SCORE, 50);
        org.mockito.Mockito.verify(store).countWatched(null, null, null, null, mvcs);
    }

    @Test
    void anUnknownSortNamesTheOnesThereAre() {
        MvcTestResult result = mvc.get().uri("/api/v1/dashboard/watch-list?sort=sideways").header("Authorization", READER)
                .exchange();

        assertThat(result).bodyJson().extractingPath("$.detail").asString()
                .contains("SCORE").contains("LAST_INTERACTION").contains("NAME");
    }

    @ParameterizedTest
    @ValueSource(strings = {"last-interaction", "LAST_INTERACTION", "Name", "score"})
    void aSortIsTakenAsTheDocsOrTheEnumSpellIt(String sort) {
        MvcTestResult result = mvc.get().uri("/api/v1/dashboard/watch-list?sort=" + sort).header("Authorization", READER)
                .exchange();

        assertThat(result).as(sort).hasStatusOk();
    }

    @Test
    void anUnknownParameterIsA400ProblemNamingTheKnownOnes() {
        MvcTestResult result = mvc.get().uri("/api/v1/dashboard/watch-list?bnd=HIGH").header("Authorization", READER)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.knownParameters").asArray()
                .containsExactlyInAnyOrder("band", "stage", "kamStage", "owner", "tier", "sort", "size");
    }
}
