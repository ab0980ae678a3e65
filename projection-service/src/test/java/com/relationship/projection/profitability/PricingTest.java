package com.relationship.projection.profitability;

import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pricing a ledger in the reporting currency (issue 29): each case a ledger, the reference data, and the
 * totals it must come to, with what it leaves out and why.
 */
class PricingTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final Instant IN_JAN = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant IN_FEB = Instant.parse("2026-02-10T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static ReferenceData reference() {
        return ReferenceData.NONE
                .with(new ExchangeRatesSet(JAN, "EUR", Map.of("USD", new BigDecimal("0.90")), 1, "ECB", "fin", AT))
                .with(new ExchangeRatesSet(JAN, "EUR", Map.of("USD", new BigDecimal("0.80")), 2, "ECB, corrected", "fin", AT))
                .with(new ExchangeRatesSet(JAN, "EUR", Map.of("USD", new BigDecimal("0.99")), 1, "a re-send of v1", "fin", AT))
                .with(new ActivityRatesSet(JAN, "EUR", Map.of("SALES_VISIT", new BigDecimal("450"),
                        "CALL", new BigDecimal("25")), 1, "2026 costing", "fin", AT));
    }

    private static Pricing pricing() {
        return new Pricing(reference(), "EUR", new BigDecimal("0.30"));
    }

    @Test
    void aPurchaseInAnotherCurrencyIsConvertedAtItsMonthsLatestRateWithItsOwnMargin() {
        Pricing.Totals t = pricing().total(List.of(
                Ledger.revenue("p1", IN_JAN, new BigDecimal("1000.00"), "USD", new BigDecimal("400.00"))));

        assertThat(t.revenue().amount()).as("1000 USD at v2's 0.80, not v1's").isEqualByComparingTo("800.00");
        assertThat(t.grossMargin().amount()).isEqualByComparingTo("320.00");
        assertThat(t.assumedMargin()).isNull();
        assertThat(t.profit()).isEqualByComparingTo("320.00");
        assertThat(t.marginPercent()).isEqualByComparingTo("40.0");
        assertThat(t.referenceData()).containsExactly("exchange-rates:2026-01 v2");
        assertThat(t.complete()).isTrue();
    }

    @Test
    void aPurchaseThatSaysNoMarginEarnsTheAssumedShareAndSaysSo() {
        Pricing.Totals t = pricing().total(List.of(
                Ledger.revenue("p1", IN_JAN, new BigDecimal("1000.00"), "EUR", null),
                Ledger.revenue("p2", IN_JAN, new BigDecimal("500.00"), "EUR", new BigDecimal("100.00"))));

        assertThat(t.grossMargin().amount()).isEqualByComparingTo("400.00");
        assertThat(t.assumedMargin().eventIds()).containsExactly("p1");
        assertThat(t.assumedMargin().revenue()).isEqualByComparingTo("1000.00");
        assertThat(t.assumedMargin().margin()).isEqualByComparingTo("300.00");
        assertThat(t.grossMargin().eventIds()).containsExactly("p1", "p2");
    }

    @Test
    void activitiesArePricedByTheCardInForceInTheirMonthAndKnownCostsConverted() {
        Pricing.Totals t = pricing().total(List.of(
                Ledger.revenue("p1", IN_JAN, new BigDecimal("2000.00"), "EUR", new BigDecimal("1000.00")),
                Ledger.activity("v1", IN_JAN, "SALES_VISIT", BigDecimal.ONE),
                Ledger.activity("v2", IN_FEB, "SALES_VISIT", BigDecimal.ONE),
                Ledger.activity("c1", IN_FEB, "CALL", new BigDecimal("2")),
                Ledger.cost("d1", IN_JAN, "DISCOUNT", new BigDecimal("100.00"), "USD")));

        assertThat(t.costToServe().amount()).as("2 visits x 450 + 2 calls x 25 + 100 USD at 0.80")
                .isEqualByComparingTo("1030.00");
        assertThat(t.byActivity()).extracting(Pricing.ActivityCost::activity, a -> a.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CALL", "50.00"),
                        org.assertj.core.groups.Tuple.tuple("DISCOUNT", "80.00"),
                        org.assertj.core.groups.Tuple.tuple("SALES_VISIT", "900.00"));
        assertThat(t.byActivity().get(2).units()).isEqualByComparingTo("2");
        assertThat(t.byActivity().get(2).costPerUnit()).isEqualByComparingTo("450");
        assertThat(t.profit()).isEqualByComparingTo("-30.00");
        assertThat(t.referenceData()).containsExactly("activity-rates:2026-01 v1", "exchange-rates:2026-01 v2");
    }

    @Test
    void anAmountWithoutARateAndAnActivityWithoutAPriceAreLeftOutAndNamedNeverTakenAtOne() {
        Pricing.Totals t = pricing().total(List.of(
                Ledger.revenue("p1", IN_FEB, new BigDecimal("1000.00"), "USD", new BigDecimal("300.00")),
                Ledger.revenue("p2", IN_JAN, new BigDecimal("700.00"), "GBP", null),
                Ledger.activity("t1", IN_JAN, "TRAINING", new BigDecimal("2")),
                Ledger.activity("v1", Instant.parse("2025-12-20T10:00:00Z"), "SALES_VISIT", BigDecimal.ONE)));

        assertThat(t.revenue().amount()).isEqualByComparingTo("0.00");
        assertThat(t.complete()).isFalse();
        assertThat(t.unconverted()).extracting(Pricing.Unconverted::month, Pricing.Unconverted::currency,
                        Pricing.Unconverted::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-01", "GBP", "the rates of 2026-01 (v2) have none for GBP"),
                        org.assertj.core.groups.Tuple.tuple("2026-02", "USD", "no exchange rates were set for 2026-02"));
        assertThat(t.unpriced()).extracting(Pricing.Unpriced::activity, Pricing.Unpriced::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SALES_VISIT", "no activity rate card applies to 2025-12"),
                        org.assertj.core.groups.Tuple.tuple("TRAINING", "the card of 2026-01 has no price for TRAINING"));
    }

    @Test
    void ratesSetInAnotherReportingCurrencyAreNotUsed() {
        ReferenceData usd = ReferenceData.NONE.with(new ExchangeRatesSet(JAN, "USD", Map.of("EUR", new BigDecimal("1.1")),
                1, "set before the reporting currency changed", "fin", AT));
        Pricing.Totals t = new Pricing(usd, "EUR", new BigDecimal("0.30")).total(List.of(
                Ledger.revenue("p1", IN_JAN, new BigDecimal("100.00"), "GBP", null),
                Ledger.revenue("p2", IN_JAN, new BigDecimal("100.00"), "EUR", null)));

        assertThat(t.revenue().amount()).as("EUR is the reporting currency: at 1").isEqualByComparingTo("100.00");
        assertThat(t.unconverted()).singleElement().extracting(Pricing.Unconverted::reason)
                .isEqualTo("the rates of 2026-01 convert into USD, not EUR");
    }

    @Test
    void theLatestCardThatAppliesFromTheMonthOrBeforePricesIt() {
        ReferenceData cards = reference().with(new ActivityRatesSet(FEB, "EUR", Map.of("SALES_VISIT", new BigDecimal("500")),
                1, "raised", "fin", AT));

        assertThat(cards.cardFor(JAN).orElseThrow().costPerUnit().get("SALES_VISIT")).isEqualByComparingTo("450");
        assertThat(cards.cardFor(YearMonth.of(2026, 6)).orElseThrow().appliesFrom()).isEqualTo(FEB);
        assertThat(cards.cardFor(YearMonth.of(2025, 12))).isEmpty();
    }
}
