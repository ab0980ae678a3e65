package com.relationship.projection.profitability;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.contracts.referencedata.ActivityRatesSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Keep, convert, fire (seed 000): what the service suggests from the trailing year's profit and the decisions. */
class SuggestionTest {

    private static final Instant NOW = Instant.parse("2026-09-15T00:00:00Z");
    private static final Instant IN_AUG = Instant.parse("2026-08-10T00:00:00Z");
    private static final Duration TWO_QUARTERS = Duration.ofDays(182);
    private static final Pricing PRICING = new Pricing(ReferenceData.NONE.with(new ActivityRatesSet(YearMonth.of(2026, 1),
            "EUR", Map.of("SALES_VISIT", new BigDecimal("450"), "EXPEDITED_DELIVERY", new BigDecimal("120")), 1, "2026",
            "fin", Instant.parse("2026-01-01T00:00:00Z"))), "EUR", new BigDecimal("0.30"));

    /** A thin margin (10% where 30% is assumed), a discount, a courier and a visit: 1,000 EUR lost. */
    private static final List<Ledger> LOSING = List.of(
            Ledger.revenue("p1", IN_AUG, new BigDecimal("5000.00"), "EUR", new BigDecimal("500.00")),
            Ledger.cost("d1", IN_AUG, "DISCOUNT", new BigDecimal("690.00"), "EUR"),
            Ledger.activity("x1", IN_AUG, "EXPEDITED_DELIVERY", new BigDecimal("3")),
            Ledger.activity("v1", IN_AUG, "SALES_VISIT", BigDecimal.ONE));

    private static Suggestion suggest(List<Ledger> ledger, Decision... decisions) {
        ProfitabilityView view = new ProfitabilityView(UUID.randomUUID(), "Acme", ledger, List.of(decisions), 9);
        return Suggestion.of(view, PRICING.total(ledger), "the 12 months to 2026-09", NOW, TWO_QUARTERS,
                new BigDecimal("0.30"), "EUR");
    }

    private static Decision decision(ProfitabilityDecision what, String at, String eventId) {
        return new Decision(Instant.parse(at), what, what == ProfitabilityDecision.CONVERT
                ? List.of(ConversionLever.RAISE_PRICES) : List.of(), "why", eventId);
    }

    @Test
    void aProfitableAccountIsKept() {
        Suggestion keep = suggest(List.of(Ledger.revenue("p1", IN_AUG, new BigDecimal("1000.00"), "EUR",
                new BigDecimal("400.00"))));

        assertThat(keep.decision()).isEqualTo(ProfitabilityDecision.KEEP);
        assertThat(keep.reason()).isEqualTo("Profitable: profit 400.00 EUR over the 12 months to 2026-09. Keep it.");
    }

    @Test
    void anUnprofitableAccountIsConvertedWithTheLeversItsCostsPointTo() {
        Suggestion convert = suggest(LOSING);

        assertThat(convert.decision()).isEqualTo(ProfitabilityDecision.CONVERT);
        assertThat(convert.levers()).containsExactly(ConversionLever.RAISE_PRICES, ConversionLever.REMOVE_DISCOUNTS,
                ConversionLever.CHARGE_FOR_SERVICES, ConversionLever.REDUCE_COST_TO_SERVE);
        assertThat(convert.costliest()).containsExactly("DISCOUNT", "SALES_VISIT", "EXPEDITED_DELIVERY");
        assertThat(convert.reason()).isEqualTo("Unprofitable: profit -1,000.00 EUR over the 12 months to 2026-09; the"
                + " costliest: DISCOUNT 690.00, SALES_VISIT 450.00, EXPEDITED_DELIVERY 360.00. Convert it: RAISE_PRICES,"
                + " REMOVE_DISCOUNTS, CHARGE_FOR_SERVICES, REDUCE_COST_TO_SERVE.");
    }

    @Test
    void whileAConvertIsYoungerThanTwoQuartersItSaysWhenFireOpens() {
        Suggestion waiting = suggest(LOSING, decision(ProfitabilityDecision.CONVERT, "2026-06-01T00:00:00Z", "c1"));

        assertThat(waiting.decision()).isEqualTo(ProfitabilityDecision.CONVERT);
        assertThat(waiting.fireOpenFrom()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(waiting.eventIds()).containsExactly("c1");
    }

    @Test
    void stillUnprofitableTwoQuartersAfterAConvertFireIsOpen() {
        Suggestion fire = suggest(LOSING, decision(ProfitabilityDecision.CONVERT, "2026-02-01T00:00:00Z", "c1"),
                decision(ProfitabilityDecision.CONVERT, "2026-05-01T00:00:00Z", "c2"));

        assertThat(fire.decision()).isEqualTo(ProfitabilityDecision.FIRE);
        assertThat(fire.eventIds()).as("the CONVERTs it reads").containsExactly("c1", "c2");
        assertThat(fire.reason()).startsWith("Still unprofitable 226 days after the CONVERT of 2026-02-01T00:00:00Z");
    }

    @Test
    void aKeepAfterAConvertStartsOver() {
        Suggestion convert = suggest(LOSING, decision(ProfitabilityDecision.CONVERT, "2026-01-01T00:00:00Z", "c1"),
                decision(ProfitabilityDecision.KEEP, "2026-04-01T00:00:00Z", "k1"));

        assertThat(convert.decision()).isEqualTo(ProfitabilityDecision.CONVERT);
        assertThat(convert.fireOpenFrom()).isNull();
        assertThat(convert.levers()).isNotEmpty();
    }
}
