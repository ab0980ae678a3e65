package com.relationship.projection.profitability;

import com.mongodb.client.MongoClient;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ExchangeType;
import com.relationship.contracts.status.Firmographics;
import com.relationship.contracts.status.ProfitabilityStance;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import com.relationship.projection.TestMongo;
import com.relationship.projection.readmodel.ProjectionState;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.FollowedCollection;
import com.relationship.projection.readmodel.ReadModelStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whale curve's ranking kept in memory: it follows what any writer stores in the shared collection,
 * prices again on new reference data, keeps only the windows' months, and answers from its latest ranking
 * between refreshes. Each test steps the ranking itself ({@code refresh}), as its worker does every poll.
 */
class PortfolioRankingTest {

    private static final MongoClient client = TestMongo.client();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final YearMonth THIS_MONTH = YearMonth.of(2026, 12);

    private final ReadModelStore<ProfitabilityView> store = new ReadModelStore<>(
            client.getDatabase("ranking_test").getCollection("profitability_" + UUID.randomUUID()),
            new ReadModelDocuments<>(new ProfitabilityReadModel(), new AccountEventCodec()), FollowedCollection::ensureIndexes);
    private final AtomicReference<ReferenceData> referenceData = new AtomicReference<>(ReferenceData.NONE);
    /** Loads whole once, then reads what was written since. */
    private final PortfolioRanking ranking = ranking(Duration.ofHours(1));

    private PortfolioRanking ranking(Duration fullReload) {
        return new PortfolioRanking(store, referenceData::get, new ProfitabilityProperties(Currency.getInstance("EUR"),
                new BigDecimal("0.30"), "reference-data", Duration.ofDays(182),
                new ProfitabilityProperties.Ranking(Duration.ofMillis(1), Duration.ofSeconds(10), fullReload,
                        Duration.ofSeconds(10))),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void accountsStoredByAnyWriterAreRankedAfterTheNextRefreshAndNotBefore() {
        UUID whale = save(view(1, "Whale", purchase("p1", NOW.minus(Duration.ofDays(3)), "1000.00", "EUR", "600.00")));
        ranking.refresh();
        WhaleCurve first = ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10);
        assertThat(first.accounts()).isEqualTo(1);

        UUID loser = save(view(2, "Loser", activityCost("c1", NOW.minus(Duration.ofDays(1)), "250.00")));
        assertThat(ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10).accounts())
                .as("answered from the latest ranking until the next refresh").isEqualTo(1);

        ranking.refresh();
        WhaleCurve curve = ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10);
        assertThat(curve.accounts()).isEqualTo(2);
        assertThat(curve.top()).extracting(WhaleCurve.Ranked::accountId).containsExactly(whale);
        assertThat(curve.tail()).extracting(WhaleCurve.Ranked::accountId).containsExactly(loser);
        assertThat(curve.tail().get(0).suggested()).isEqualTo(ProfitabilityDecision.CONVERT);
        assertThat(curve.totalProfit()).isEqualByComparingTo("350.00");
    }

    @Test
    void anAccountWrittenAgainIsPricedAgain() {
        UUID account = save(view(1, "Acme", purchase("p1", NOW.minus(Duration.ofDays(2)), "100.00", "EUR", "40.00")));
        ranking.refresh();
        assertThat(ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10).totalProfit()).isEqualByComparingTo("40.00");

        update(account, 1, view(1, "Acme", purchase("p1", NOW.minus(Duration.ofDays(2)), "100.00", "EUR", "40.00"),
                purchase("p2", NOW.minus(Duration.ofDays(1)), "50.00", "EUR", "10.00")));
        ranking.refresh();

        assertThat(ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10).totalProfit()).isEqualByComparingTo("50.00");
    }

    @Test
    void newExchangeRatesPriceEveryAccountAgainWithoutAWrite() {
        save(view(1, "Abroad", purchase("p1", NOW.minus(Duration.ofDays(2)), "1000.00", "USD", "500.00")));
        ranking.refresh();
        WhaleCurve unpriced = ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10);
        assertThat(unpriced.incomplete()).as("no rate for USD yet: never converted at 1").isEqualTo(1);
        assertThat(unpriced.totalProfit()).isEqualByComparingTo("0");

        referenceData.set(ReferenceData.NONE.with(new ExchangeRatesSet(THIS_MONTH, "EUR",
                Map.of("USD", new BigDecimal("0.90")), 1, "ECB", "finance", NOW)));
        ranking.refresh();

        WhaleCurve priced = ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10);
        assertThat(priced.incomplete()).isZero();
        assertThat(priced.totalProfit()).isEqualByComparingTo("450.00");
    }

    @Test
    void eachWindowHoldsItsOwnMonthsAndNothingOlderThanAYearIsRanked() {
        save(view(1, "Last month", purchase("p1", Instant.parse("2026-11-10T00:00:00Z"), "100.00", "EUR", "30.00")));
        save(view(2, "Two years ago", purchase("p2", Instant.parse("2024-11-10T00:00:00Z"), "900.00", "EUR", "300.00")));
        ranking.refresh();

        assertThat(ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10).accounts()).isZero();
        assertThat(ranking.whaleCurve(ProfitabilityReport.PeriodLength.P3M, 10).accounts()).isEqualTo(1);
        WhaleCurve year = ranking.whaleCurve(ProfitabilityReport.PeriodLength.P1Y, 10);
        assertThat(year.accounts()).isEqualTo(1);
        assertThat(year.from()).isEqualTo("2026-01");
        assertThat(year.to()).isEqualTo("2027-01");
    }

    @Test
    void aCollectionReplacedWholeIsFollowedAtTheNextFullLoad() {
        PortfolioRanking reloading = ranking(Duration.ofMillis(1));
        save(view(1, "Gone after the swap", purchase("p1", NOW.minus(Duration.ofDays(2)), "100.00", "EUR", "40.00")));
        reloading.refresh();
        assertThat(reloading.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10).accounts()).isEqualTo(1);

        store.collection().deleteMany(new Document()); // what no write says: only a load of the whole collection sees it
        long deleted = System.nanoTime();
        await().pollDelay(Duration.ofMillis(5)).until(() -> System.nanoTime() - deleted > 1_000_000); // past the full reload's 1 ms
        reloading.refresh();

        assertThat(reloading.whaleCurve(ProfitabilityReport.PeriodLength.P1M, 10).accounts()).isZero();
    }

    @Test
    void aStatusIsAnsweredWithItsTrailingYearAndWhetherItWasBelowZero() {
        UUID loser = save(view(2, "Loser", purchase("p1", NOW.minus(Duration.ofDays(40)), "200.00", "EUR", "50.00"),
                activityCost("c1", NOW.minus(Duration.ofDays(1)), "250.00")));
        UUID quiet = save(view(3, "Quiet"));
        UUID unread = new UUID(7, 99);
        TrailingYearOnStatus figures = new TrailingYearOnStatus(ranking, new ProfitabilityProperties(
                Currency.getInstance("EUR"), new BigDecimal("0.30"), "reference-data", Duration.ofDays(182),
                new ProfitabilityProperties.Ranking(Duration.ofMillis(1), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(10))),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(figures.withFigures(status(loser, null)).profitability())
                .as("not priced before the ranking's first load").isNull();

        ranking.refresh();

        ProfitabilityStance stance = figures.withFigures(status(loser, null)).profitability();
        assertThat(stance.decision()).isNull();
        assertThat(stance.trailingYear().window()).isEqualTo("the 12 months to 2026-12");
        assertThat(stance.trailingYear().revenue()).isEqualByComparingTo("200.00");
        assertThat(stance.trailingYear().profit()).isEqualByComparingTo("-200.00");
        assertThat(stance.trailingYear().marginPercent()).isEqualByComparingTo("-100.0");
        assertThat(stance.belowZero()).isTrue();

        ProfitabilityStance kept = new ProfitabilityStance(ProfitabilityDecision.KEEP, List.of(), NOW, "d1");
        ProfitabilityStance nothing = figures.withFigures(status(quiet, kept)).profitability();
        assertThat(nothing.decision()).as("the decision from the events is kept").isEqualTo(ProfitabilityDecision.KEEP);
        assertThat(nothing.trailingYear().profit()).as("nothing earned nor spent: zeros").isEqualByComparingTo("0");
        assertThat(nothing.trailingYear().marginPercent()).isNull();
        assertThat(nothing.belowZero()).isFalse();
        assertThat(figures.withFigures(status(unread, null)).profitability())
                .as("an account the ranking has not read yet: none rather than zeros").isNull();
    }

    private static AccountStatus status(UUID accountId, ProfitabilityStance profitability) {
        return new AccountStatus(accountId, "Any", new Firmographics("Retail", 10, null, "EMEA"), LifecycleStage.CUSTOMER,
                NOW, null, List.of(), null, null, null, ExchangeType.TRANSACTIONAL, 0, Map.of(), List.of(), 1, NOW, false,
                null, null, 0, 0, ChurnBand.LOW, null, NOW, false, null, profitability);
    }

    private static ProfitabilityView view(int n, String name, Ledger... lines) {
        return new ProfitabilityView(new UUID(7, n), name, List.of(lines), List.of(), lines.length);
    }

    private static Ledger purchase(String eventId, Instant at, String amount, String currency, String margin) {
        return Ledger.revenue(eventId, at, new BigDecimal(amount), currency, new BigDecimal(margin));
    }

    private static Ledger activityCost(String eventId, Instant at, String amount) {
        return Ledger.cost(eventId, at, "SUPPORT_CASE", new BigDecimal(amount), "EUR");
    }

    private UUID save(ProfitabilityView view) {
        assertThat(store.compareAndSet(view.accountId(), 0, state(view)).written()).isTrue();
        return view.accountId();
    }

    private void update(UUID accountId, long version, ProfitabilityView view) {
        assertThat(store.compareAndSet(accountId, version, state(view)).written()).isTrue();
    }

    private static ProjectionState<ProfitabilityView> state(ProfitabilityView view) {
        return new ProjectionState<>(view, view.lastAppliedSequence(), new TreeMap<>(), List.of());
    }
}
