package com.relationship.projection.profitability;

import com.relationship.contracts.account.ProfitabilityDecision;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The whale curve of known portfolios (seed 000): its hump, its bands and the sentence that reads it. */
class WhaleCurveTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private static WhaleCurve.Entry account(int n, String revenue, String profit) {
        return new WhaleCurve.Entry(new UUID(0, n), "Account " + n, new BigDecimal(revenue), new BigDecimal(profit), true,
                new BigDecimal(profit).signum() >= 0 ? ProfitabilityDecision.KEEP : ProfitabilityDecision.CONVERT);
    }

    /** Two whales, seven that break even, one that loses: the seed's shape. */
    private static List<WhaleCurve.Entry> seedShaped() {
        List<WhaleCurve.Entry> accounts = new ArrayList<>();
        accounts.add(account(1, "4000", "800"));
        accounts.add(account(2, "2500", "500"));
        for (int n = 3; n <= 9; n++) {
            accounts.add(account(n, "1000", n == 3 ? "10" : n == 4 ? "-10" : "0"));
        }
        accounts.add(account(10, "1000", "-300"));
        return accounts;
    }

    @Test
    void theCurveRisesOverTheWhalesRunsFlatOverTheBreakEvenAndFallsOverTheTail() {
        WhaleCurve curve = WhaleCurve.of("the 12 months to 2026-12", "2026-01", "2027-01", "EUR", AT, seedShaped(),
                new BigDecimal("2.0"), 50);

        assertThat(curve.totalProfit()).isEqualByComparingTo("1000.00");
        assertThat(curve.peak().rank()).isEqualTo(3);
        assertThat(curve.peak().profitPercent()).isEqualByComparingTo("131.0");
        assertThat(curve.profitable().accounts()).isEqualTo(2);
        assertThat(curve.profitable().profitPercent()).isEqualByComparingTo("130.0");
        assertThat(curve.breakEven().accounts()).as("within ±2% of revenue: +1%, -1% and 0").isEqualTo(7);
        assertThat(curve.unprofitable().accounts()).isEqualTo(1);
        assertThat(curve.unprofitable().profitPercent()).isEqualByComparingTo("-30.0");
        assertThat(curve.curve()).as("the origin, then a point per account").hasSize(11);
        assertThat(curve.curve().get(2).accountsPercent()).isEqualByComparingTo("20.0");
        assertThat(curve.curve().get(2).profitPercent()).as("after 20% of the accounts").isEqualByComparingTo("130.0");
        assertThat(curve.curve().get(10).profitPercent()).isEqualByComparingTo("100.0");
        assertThat(curve.top()).extracting(WhaleCurve.Ranked::rank).containsExactly(1, 2, 3);
        assertThat(curve.tail()).as("-1% breaks even: only the loser").extracting(WhaleCurve.Ranked::accountId)
                .containsExactly(new UUID(0, 10));
        assertThat(curve.tail().get(0).suggested()).isEqualTo(ProfitabilityDecision.CONVERT);
        assertThat(curve.reading()).isEqualTo("Over the 12 months to 2026-12, 10 accounts earned 1,000.00 EUR: the top"
                + " 20.0% (2) earn 130.0% of the profit; 70.0% (7) break even (margin within ±2.0%); the last 10.0% (1)"
                + " lose 30.0% of it.");
    }

    @Test
    void theListsStopAtTheLimitAndAnIncompleteAccountIsCounted() {
        List<WhaleCurve.Entry> accounts = new ArrayList<>(seedShaped());
        accounts.add(new WhaleCurve.Entry(new UUID(0, 11), "Partly priced", new BigDecimal("100"), new BigDecimal("50"), false,
                ProfitabilityDecision.KEEP));

        WhaleCurve curve = WhaleCurve.of("the month to 2026-12", "2026-12", "2027-01", "EUR", AT, accounts,
                new BigDecimal("2.0"), 2);

        assertThat(curve.top()).hasSize(2);
        assertThat(curve.incomplete()).isEqualTo(1);
        assertThat(curve.incompleteAccounts()).containsExactly(new UUID(0, 11));
        assertThat(curve.reading()).endsWith("1 account could not be priced in full: ranked on what could.");
    }

    @Test
    void aLargePortfolioIsDrawnAtEachWholePercentOfItsAccounts() {
        List<WhaleCurve.Entry> accounts = new ArrayList<>();
        for (int n = 1; n <= 1000; n++) {
            accounts.add(account(n, "1000", n <= 200 ? "400" : n <= 900 ? "0" : "-200"));
        }

        WhaleCurve curve = WhaleCurve.of("the 12 months to 2026-12", "2026-01", "2027-01", "EUR", AT, accounts,
                new BigDecimal("2.0"), 10);

        assertThat(curve.curve()).hasSize(101);
        assertThat(curve.curve().get(20).profitPercent()).as("200 of 1000 earn 80,000 of 60,000")
                .isEqualByComparingTo("133.3");
        assertThat(curve.curve().get(90).profitPercent()).isEqualByComparingTo("133.3");
        assertThat(curve.curve().get(100).profitPercent()).isEqualByComparingTo("100.0");
        assertThat(curve.top()).hasSize(10);
        assertThat(curve.tail()).hasSize(10);
    }

    @Test
    void anEmptyPortfolioSaysSo() {
        WhaleCurve curve = WhaleCurve.of("the month to 2026-12", "2026-12", "2027-01", "EUR", AT, List.of(),
                new BigDecimal("2.0"), 50);

        assertThat(curve.accounts()).isZero();
        assertThat(curve.reading()).isEqualTo("No account has anything to show over the month to 2026-12 yet.");
    }
}
