package com.relationship.projection.profitability;

import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An account's figures period by period and over its lifetime, and the sentence that reads them. */
class ProfitabilityReportTest {

    private static final Instant NOW = Instant.parse("2026-08-15T12:00:00Z");
    private static final Instant SET = Instant.parse("2026-01-01T00:00:00Z");

    private static final ProfitabilityView LEDGER = new ProfitabilityView(UUID.randomUUID(), "Acme", List.of(
            Ledger.revenue("p-may", Instant.parse("2026-05-10T00:00:00Z"), new BigDecimal("1000.00"), "EUR",
                    new BigDecimal("400.00")),
            Ledger.activity("v-jun", Instant.parse("2026-06-10T00:00:00Z"), "SALES_VISIT", BigDecimal.ONE),
            Ledger.revenue("p-aug", Instant.parse("2026-08-01T00:00:00Z"), new BigDecimal("2000.00"), "USD", null),
            Ledger.revenue("p-later", Instant.parse("2026-09-01T00:00:00Z"), new BigDecimal("99999.00"), "EUR", null)),
            List.of(), 7);

    private static Pricing pricing() {
        ReferenceData reference = ReferenceData.NONE
                .with(new ExchangeRatesSet(YearMonth.of(2026, 8), "EUR", Map.of("USD", new BigDecimal("0.9")), 1, "ECB",
                        "fin", SET))
                .with(new ActivityRatesSet(YearMonth.of(2026, 1), "EUR", Map.of("SALES_VISIT", new BigDecimal("150")), 1,
                        "2026", "fin", SET));
        return new Pricing(reference, "EUR", new BigDecimal("0.30"));
    }

    @Test
    void quartersRunBackFromTheCurrentOneAndTheLifetimeHoldsEverythingUpToNow() {
        ProfitabilityReport report = ProfitabilityReport.of(LEDGER, ProfitabilityReport.PeriodLength.P3M, 2, NOW,
                pricing(), "EUR", true, java.time.Duration.ofDays(182));

        assertThat(report.periods()).extracting(ProfitabilityReport.PeriodFigures::period).containsExactly("2026-Q3", "2026-Q2");
        ProfitabilityReport.PeriodFigures q3 = report.periods().get(0);
        assertThat(q3.revenue().amount()).as("2000 USD at 0.9; September's is still to come").isEqualByComparingTo("1800.00");
        assertThat(q3.grossMargin().amount()).isEqualByComparingTo("540.00");
        assertThat(q3.reason()).isEqualTo("2026-Q3: profit 540.00 EUR (30.0% of revenue 1,800.00): gross margin 540.00"
                + " (1 purchase without a margin at the assumed 30%) less 0.00 to serve.");
        ProfitabilityReport.PeriodFigures q2 = report.periods().get(1);
        assertThat(q2.profit()).isEqualByComparingTo("250.00");
        assertThat(q2.costByActivity()).singleElement().extracting(Pricing.ActivityCost::eventIds).isEqualTo(List.of("v-jun"));
        assertThat(q2.reason()).isEqualTo("2026-Q2: profit 250.00 EUR (25.0% of revenue 1,000.00): gross margin 400.00"
                + " less 150.00 to serve (SALES_VISIT 1 x 150.00 = 150.00).");
        assertThat(report.lifetime().profit()).isEqualByComparingTo("790.00");
        assertThat(report.lifetime().from()).isEqualTo("2026-05");
        assertThat(report.lifetime().revenue().eventIds()).containsExactly("p-may", "p-aug");
    }

    @Test
    void monthsAndYearsAreCalendarPeriods() {
        ProfitabilityReport months = ProfitabilityReport.of(LEDGER, ProfitabilityReport.PeriodLength.P1M, 4, NOW,
                pricing(), "EUR", true, java.time.Duration.ofDays(182));
        ProfitabilityReport years = ProfitabilityReport.of(LEDGER, ProfitabilityReport.PeriodLength.P1Y, 1, NOW,
                pricing(), "EUR", true, java.time.Duration.ofDays(182));

        assertThat(months.periods()).extracting(ProfitabilityReport.PeriodFigures::period)
                .containsExactly("2026-08", "2026-07", "2026-06", "2026-05");
        assertThat(months.periods().get(1).revenue().amount()).isEqualByComparingTo("0.00");
        assertThat(months.periods().get(1).reason()).startsWith("2026-07: profit 0.00 EUR (no revenue)");
        assertThat(years.periods()).singleElement().satisfies(year -> {
            assertThat(year.period()).isEqualTo("2026");
            assertThat(year.from()).isEqualTo("2026-01");
            assertThat(year.to()).isEqualTo("2027-01");
        });
    }
}
