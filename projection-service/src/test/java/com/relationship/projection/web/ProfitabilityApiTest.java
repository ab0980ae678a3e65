package com.relationship.projection.web;

import com.relationship.projection.profitability.Pricing;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.projection.profitability.ProfitabilityReport;
import com.relationship.projection.profitability.Suggestion;
import com.relationship.projection.profitability.WhaleCurve;
import com.relationship.projection.readmodel.AccountNotFoundException;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/** The profitability figures over REST: who may read them, the periods asked for, and bad parameters refused. */
class ProfitabilityApiTest extends WebSliceTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final String READER = "Bearer " + TestTokens.token("reader@test", Role.READER);

    private MockMvcTester.MockMvcRequestBuilder get() {
        return mvc.get().header("Authorization", READER);
    }

    private static ProfitabilityReport.PeriodFigures figures(String period) {
        Pricing.Figure revenue = new Pricing.Figure(new BigDecimal("1000.00"), List.of("p1"));
        return new ProfitabilityReport.PeriodFigures(period, "2026-07", "2026-10", revenue,
                new Pricing.Figure(new BigDecimal("400.00"), List.of("p1")), null,
                new Pricing.Figure(new BigDecimal("150.00"), List.of("v1")),
                List.of(new Pricing.ActivityCost("SALES_VISIT", BigDecimal.ONE, new BigDecimal("150"),
                        new BigDecimal("150.00"), List.of("v1"))),
                new BigDecimal("250.00"), new BigDecimal("25.0"), List.of(), List.of(), List.of("activity-rates:2026-01 v1"),
                true, period + ": profit 250.00 EUR");
    }

    @Test
    void aReaderGetsAnAccountsFiguresForThePeriodsAskedFor() {
        given(profitability.of(ACCOUNT, ProfitabilityReport.PeriodLength.P3M, 2)).willReturn(new ProfitabilityReport(ACCOUNT,
                "Acme", "EUR", "P3M", Instant.parse("2026-08-15T12:00:00Z"), List.of(figures("2026-Q3"), figures("2026-Q2")),
                figures("lifetime"), figures("the 12 months to 2026-08"), null, new Suggestion(ProfitabilityDecision.KEEP,
                List.of(), List.of(), null, "Profitable: profit 250.00 EUR over the 12 months to 2026-08. Keep it.",
                List.of()), 7, true));

        MvcTestResult result = get().uri("/api/v1/accounts/{id}/profitability?period=P3M&periods=2", ACCOUNT).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.periods[0].period").isEqualTo("2026-Q3");
        assertThat(result).bodyJson().extractingPath("$.periods[0].profit").isEqualTo(250.00);
        assertThat(result).bodyJson().extractingPath("$.periods[0].costByActivity[0].eventIds[0]").isEqualTo("v1");
        assertThat(result).bodyJson().extractingPath("$.lifetime.reason").isEqualTo("lifetime: profit 250.00 EUR");
        assertThat(result).bodyJson().extractingPath("$.reportingCurrency").isEqualTo("EUR");
        assertThat(result).bodyJson().extractingPath("$.suggestion.decision").isEqualTo("KEEP");
    }

    @Test
    void byDefaultTheLastThreeYears() {
        given(profitability.of(any(), any(), anyInt())).willThrow(new AccountNotFoundException(ACCOUNT));

        get().uri("/api/v1/accounts/{id}/profitability", ACCOUNT).exchange();

        verify(profitability).of(ACCOUNT, ProfitabilityReport.PeriodLength.P1Y, 3);
    }

    @Test
    void anUnknownAccountIs404() {
        given(profitability.of(eq(ACCOUNT), any(), anyInt())).willThrow(new AccountNotFoundException(ACCOUNT));

        MvcTestResult result = get().uri("/api/v1/accounts/{id}/profitability", ACCOUNT).exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/account-not-found");
    }

    @Test
    void aPeriodThatIsNotOneOfTheThreeOrTooManyPeriodsAre400() {
        MvcTestResult unknown = get().uri("/api/v1/accounts/{id}/profitability?period=P2M", ACCOUNT).exchange();
        MvcTestResult tooMany = get().uri("/api/v1/accounts/{id}/profitability?periods=37", ACCOUNT).exchange();
        MvcTestResult tooLong = get().uri("/api/v1/portfolio/whale-curve?limit=1001").exchange();

        assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(unknown).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-parameter");
        assertThat(tooMany).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(tooLong).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theWhaleCurveIsAReadersToo() {
        given(profitability.whaleCurve(ProfitabilityReport.PeriodLength.P1Y, 50)).willReturn(new WhaleCurve(
                "the 12 months to 2026-12", "2026-01", "2027-01", "EUR", Instant.parse("2026-12-07T10:00:00Z"), 0,
                BigDecimal.ZERO, new BigDecimal("2.0"), List.of(), List.of(), List.of(),
                new WhaleCurve.Peak(0, BigDecimal.ZERO, BigDecimal.ZERO), null, null, null, 0, List.of(), List.of(),
                "No account has anything to show over the 12 months to 2026-12 yet."));

        MvcTestResult result = get().uri("/api/v1/portfolio/whale-curve").exchange();
        MvcTestResult anonymous = mvc.get().uri("/api/v1/portfolio/whale-curve").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.reading").asString().startsWith("No account");
        assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
