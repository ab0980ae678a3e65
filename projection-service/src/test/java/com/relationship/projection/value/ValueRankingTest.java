package com.relationship.projection.value;

import com.relationship.contracts.events.WalletEstimated;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio ranked by lifetime value and tiered: ranks by score with ties sharing the better rank, the
 * cuts read as percentiles of the ranked clients whatever their number, a prospect scored but not ranked,
 * a loss making an account BZ whatever its rank, and a share of wallet priced from the ledger. The value,
 * committee and profitability collections are written as the pipelines write them, from events.
 */
class ValueRankingTest {

    private final ValuePortfolio portfolio = new ValuePortfolio();
    private final ValueRanking ranking = portfolio.ranking;

    @Test
    void fewerThanTenClientsAreTieredByWhereTheirRankFallsAndAProspectIsScoredButNotRanked() {
        UUID first = portfolio.client("First", "4000.00", "2000.00");
        UUID second = portfolio.client("Second", "3000.00", "1500.00");
        UUID third = portfolio.client("Third", "2000.00", "1000.00");
        UUID fourth = portfolio.client("Fourth", "1000.00", "500.00");
        UUID prospect = portfolio.account("Prospect", false, List.of());

        portfolio.refresh();

        assertThat(ranking.of(first).rank()).isEqualTo(1);
        assertThat(ranking.of(first).tier()).as("the top 0%").isEqualTo(ValueTier.MVC);
        assertThat(ranking.of(second).tier()).as("the top 25%").isEqualTo(ValueTier.MGC);
        assertThat(ranking.of(third).tier()).as("the top 50%: past the MGC cut").isEqualTo(ValueTier.MIGRATOR);
        assertThat(ranking.of(fourth).tier()).as("the top 75%").isEqualTo(ValueTier.BZ);
        assertThat(ranking.of(fourth).tierReason()).isEqualTo("Rank 4 of 4 (the top 75.0%): BZ by the cuts at 10, 50 and 75%.");
        assertThat(ranking.of(first).treatment().cadence()).isEqualTo("PT24H");
        assertThat(ranking.of(prospect).ranked()).isFalse();
        assertThat(ranking.of(prospect).tier()).isNull();
        assertThat(ranking.of(prospect).rankedAccounts()).isEqualTo(4);
        assertThat(ranking.of(prospect).score()).as("scored all the same").isNotNull();

        PortfolioTiers tiers = ranking.tiers();
        assertThat(tiers.ranked()).isEqualTo(4);
        assertThat(tiers.tiers()).extracting(PortfolioTiers.Tier::accounts).containsExactly(1, 1, 1, 1);
        assertThat(tiers.tiers().get(0).revenue()).as("the MVC's trailing year").isEqualByComparingTo("4000.00");
    }

    @Test
    void accountsWithTheSameScoreShareTheBetterRank() {
        UUID a = portfolio.client("Twin A", "1000.00", "500.00");
        UUID b = portfolio.client("Twin B", "1000.00", "500.00");
        UUID c = portfolio.client("Smaller", "500.00", "500.00");

        portfolio.refresh();

        assertThat(ranking.of(a).score()).isEqualByComparingTo(ranking.of(b).score());
        assertThat(List.of(ranking.of(a).rank(), ranking.of(b).rank())).containsExactly(1, 1);
        assertThat(ranking.of(c).rank()).as("after two sharing the first").isEqualTo(3);
    }

    @Test
    void aTierBoundaryMovesAsTheRankedPortfolioGrows() {
        UUID top = portfolio.client("Top", "9000.00", "4500.00");
        UUID next = portfolio.client("Next", "8000.00", "4000.00");
        portfolio.refresh();
        assertThat(ranking.of(next).tier()).as("rank 2 of 2: the top 50%").isEqualTo(ValueTier.MIGRATOR);

        for (int i = 0; i < 18; i++) {
            portfolio.client("Small " + i, "100.00", "100.00");
        }
        portfolio.refresh();

        assertThat(ranking.of(top).tier()).isEqualTo(ValueTier.MVC);
        assertThat(ranking.of(next).tier()).as("rank 2 of 20: the top 5%").isEqualTo(ValueTier.MVC);
        assertThat(ranking.of(next).topPercent()).isEqualByComparingTo("5.0");
    }

    @Test
    void anAccountThatLostMoneyIsBelowZeroWhateverItsRank() {
        UUID losing = portfolio.account("Costly", true, List.of(ValuePortfolio.purchase("5000.00", "-100.00", 30)));
        portfolio.client("Modest", "100.00", "100.00");

        portfolio.refresh();

        assertThat(ranking.of(losing).rank()).isEqualTo(1);
        assertThat(ranking.of(losing).tier()).isEqualTo(ValueTier.BZ);
        assertThat(ranking.of(losing).tierReason()).startsWith("Below zero: it lost money over the last twelve months");
        assertThat(ranking.tiers().tiers().get(3).belowZero()).isEqualTo(1);
    }

    @Test
    void theShareOfWalletIsOurRevenueInTheEstimatesPeriodOverTheEstimate() {
        UUID account = portfolio.account("Wallet Co", true, List.of(ValuePortfolio.purchase("2500.00", "500.00", 400),
                        new WalletEstimated(null, UUID.randomUUID(), "sensors", new BigDecimal("10000.00"), "EUR", "2025",
                                "the buyer")));

        portfolio.refresh();

        AccountValue.WalletShare share = ranking.of(account).shareOfWallet().get(0);
        assertThat(share.category()).isEqualTo("sensors");
        assertThat(share.ourRevenue()).isEqualByComparingTo("2500.00");
        assertThat(share.sharePercent()).isEqualByComparingTo("25.0");
        assertThat(ranking.of(account).indices().get(4).reason()).contains("we have 25.0% of the latest wallet estimate");
    }

}
