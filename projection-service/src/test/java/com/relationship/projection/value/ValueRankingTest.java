package com.relationship.projection.value;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.WalletEstimated;
import com.relationship.projection.TestMongo;
import com.relationship.projection.committee.CommitteeReadModel;
import com.relationship.projection.committee.CommitteeView;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.profitability.PortfolioRanking;
import com.relationship.projection.profitability.ProfitabilityProperties;
import com.relationship.projection.profitability.ProfitabilityReadModel;
import com.relationship.projection.profitability.ProfitabilityView;
import com.relationship.projection.readmodel.FollowedCollection;
import com.relationship.projection.readmodel.ProjectionState;
import com.relationship.projection.readmodel.ReadModel;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio ranked by lifetime value and tiered: ranks by score with ties sharing the better rank, the
 * cuts read as percentiles of the ranked clients whatever their number, a prospect scored but not ranked,
 * a loss making an account BZ whatever its rank, and a share of wallet priced from the ledger. The value,
 * committee and profitability collections are written as the pipelines write them, from events.
 */
class ValueRankingTest {

    private static final MongoClient client = TestMongo.client();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final MongoDatabase database = client.getDatabase("value_test_" + UUID.randomUUID().toString().substring(0, 8));
    private final ReadModelStore<ValueView> values = store(new ValueReadModel(), "account_value");
    private final ReadModelStore<ProfitabilityView> ledgers = store(new ProfitabilityReadModel(), "account_profitability");
    private final ReadModelStore<CommitteeView> committees = store(new CommitteeReadModel(ChurnModel.defaults()),
            "account_committee");
    private final ProfitabilityProperties profitability = new ProfitabilityProperties(Currency.getInstance("EUR"),
            new BigDecimal("0.30"), "reference-data", Duration.ofDays(182),
            new ProfitabilityProperties.Ranking(Duration.ofMillis(1), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(10)));
    private final PortfolioRanking portfolio = new PortfolioRanking(ledgers,
            () -> com.relationship.projection.profitability.ReferenceData.NONE, profitability, CLOCK);
    private final ValueRanking ranking = new ValueRanking(values, committees, portfolio,
            new ValueProperties(null, new int[]{10, 50, 75}, Duration.ofMillis(1), Duration.ZERO), profitability.ranking(),
            CLOCK);

    private <V> ReadModelStore<V> store(ReadModel<V> model, String collection) {
        return new ReadModelStore<>(database.getCollection(collection), new ReadModelDocuments<>(model, new AccountEventCodec()),
                FollowedCollection::ensureIndexes);
    }

    @Test
    void fewerThanTenClientsAreTieredByWhereTheirRankFallsAndAProspectIsScoredButNotRanked() {
        UUID first = client("First", "4000.00", "2000.00");
        UUID second = client("Second", "3000.00", "1500.00");
        UUID third = client("Third", "2000.00", "1000.00");
        UUID fourth = client("Fourth", "1000.00", "500.00");
        UUID prospect = account("Prospect", false, List.of());

        refresh();

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
        UUID a = client("Twin A", "1000.00", "500.00");
        UUID b = client("Twin B", "1000.00", "500.00");
        UUID c = client("Smaller", "500.00", "500.00");

        refresh();

        assertThat(ranking.of(a).score()).isEqualByComparingTo(ranking.of(b).score());
        assertThat(List.of(ranking.of(a).rank(), ranking.of(b).rank())).containsExactly(1, 1);
        assertThat(ranking.of(c).rank()).as("after two sharing the first").isEqualTo(3);
    }

    @Test
    void aTierBoundaryMovesAsTheRankedPortfolioGrows() {
        UUID top = client("Top", "9000.00", "4500.00");
        UUID next = client("Next", "8000.00", "4000.00");
        refresh();
        assertThat(ranking.of(next).tier()).as("rank 2 of 2: the top 50%").isEqualTo(ValueTier.MIGRATOR);

        for (int i = 0; i < 18; i++) {
            client("Small " + i, "100.00", "100.00");
        }
        refresh();

        assertThat(ranking.of(top).tier()).isEqualTo(ValueTier.MVC);
        assertThat(ranking.of(next).tier()).as("rank 2 of 20: the top 5%").isEqualTo(ValueTier.MVC);
        assertThat(ranking.of(next).topPercent()).isEqualByComparingTo("5.0");
    }

    @Test
    void anAccountThatLostMoneyIsBelowZeroWhateverItsRank() {
        UUID losing = account("Costly", true, List.of(purchase("5000.00", "-100.00", 30)));
        client("Modest", "100.00", "100.00");

        refresh();

        assertThat(ranking.of(losing).rank()).isEqualTo(1);
        assertThat(ranking.of(losing).tier()).isEqualTo(ValueTier.BZ);
        assertThat(ranking.of(losing).tierReason()).startsWith("Below zero: it lost money over the last twelve months");
        assertThat(ranking.tiers().tiers().get(3).belowZero()).isEqualTo(1);
    }

    @Test
    void theShareOfWalletIsOurRevenueInTheEstimatesPeriodOverTheEstimate() {
        UUID account = account("Wallet Co", true, List.of(purchase("2500.00", "500.00", 400),
                        new WalletEstimated(null, UUID.randomUUID(), "sensors", new BigDecimal("10000.00"), "EUR", "2025",
                                "the buyer")));

        refresh();

        AccountValue.WalletShare share = ranking.of(account).shareOfWallet().get(0);
        assertThat(share.category()).isEqualTo("sensors");
        assertThat(share.ourRevenue()).isEqualByComparingTo("2500.00");
        assertThat(share.sharePercent()).isEqualByComparingTo("25.0");
        assertThat(ranking.of(account).indices().get(4).reason()).contains("we have 25.0% of the latest wallet estimate");
    }

    private void refresh() {
        portfolio.refresh();
        ranking.refresh();
    }

    /** A client (advanced to CUSTOMER) that bought {@code revenue} with {@code margin} ten days ago. */
    private UUID client(String name, String revenue, String margin) {
        return account(name, true, List.of(purchase(revenue, margin, 10)));
    }

    private static AccountEvent purchase(String amount, String margin, int daysAgo) {
        return new PurchaseRecorded(null, UUID.randomUUID(), new BigDecimal(amount), "EUR",
                NOW.minus(Duration.ofDays(daysAgo)), "order", null, new BigDecimal(margin), null, null, null);
    }

    /** Folds the account's events into the value and profitability collections, as their pipelines would. */
    private UUID account(String name, boolean client, List<AccountEvent> events) {
        UUID id = UUID.randomUUID();
        List<AccountEvent> history = new ArrayList<>();
        history.add(new AccountRegistered(id, name, "Retail", 10, null, "EMEA", null));
        for (AccountEvent event : events) {
            history.add(withAccount(event, id));
        }
        if (client) {
            history.add(new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        }
        ValueView value = null;
        ProfitabilityView ledger = null;
        for (int sequence = 0; sequence < history.size(); sequence++) {
            EnvelopedAccountEvent enveloped = new EnvelopedAccountEvent("e-" + id + "-" + sequence, id, sequence,
                    NOW.minus(Duration.ofDays(500 - sequence)), "test", "corr", "cause", null, null, history.get(sequence),
                    NOW.minus(Duration.ofDays(500 - sequence)));
            value = new ValueReadModel().apply(value, enveloped);
            ledger = new ProfitabilityReadModel().apply(ledger, enveloped);
        }
        assertThat(values.compareAndSet(id, 0, new ProjectionState<>(value, value.lastAppliedSequence(), new TreeMap<>(),
                List.of())).written()).isTrue();
        assertThat(ledgers.compareAndSet(id, 0, new ProjectionState<>(ledger, ledger.lastAppliedSequence(), new TreeMap<>(),
                List.of())).written()).isTrue();
        return id;
    }

    private static AccountEvent withAccount(AccountEvent event, UUID id) {
        if (event instanceof PurchaseRecorded p) {
            return new PurchaseRecorded(id, p.purchaseId(), p.amount(), p.currency(), p.occurredAt(), p.description(),
                    p.orderRef(), p.grossMargin(), p.costOfGoods(), p.productLine(), p.buyClass());
        }
        WalletEstimated w = (WalletEstimated) event;
        return new WalletEstimated(id, w.estimateId(), w.category(), w.amount(), w.currency(), w.period(), w.source());
    }
}
