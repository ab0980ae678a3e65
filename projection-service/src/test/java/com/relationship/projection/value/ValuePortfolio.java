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
 * A portfolio for the value ranking's tests: the value, committee and profitability collections written as the
 * pipelines write them, from events, and the rankings that follow them.
 */
final class ValuePortfolio {

    private static final MongoClient client = TestMongo.client();
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final MongoDatabase database = client.getDatabase("value_test_" + UUID.randomUUID().toString().substring(0, 8));
    private final ReadModelStore<ValueView> values = store(new ValueReadModel(), "account_value");
    private final ReadModelStore<ProfitabilityView> ledgers = store(new ProfitabilityReadModel(), "account_profitability");
    private final ReadModelStore<CommitteeView> committees = store(new CommitteeReadModel(ChurnModel.defaults()),
            "account_committee");
    private final ProfitabilityProperties profitability = new ProfitabilityProperties(Currency.getInstance("EUR"),
            new BigDecimal("0.30"), "reference-data", Duration.ofDays(182),
            new ProfitabilityProperties.Ranking(Duration.ofMillis(1), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(10)));
    private final PortfolioRanking portfolio = new PortfolioRanking(ledgers,
            () -> com.relationship.projection.profitability.ReferenceData.NONE, profitability, CLOCK);
    final ValueRanking ranking = new ValueRanking(values, committees, portfolio,
            new ValueProperties(null, new int[]{10, 50, 75}, Duration.ofMillis(1), Duration.ZERO,
                    Duration.ofSeconds(15), com.relationship.contracts.Topics.ACCOUNT_VALUE, Duration.ZERO), profitability.ranking(),
            CLOCK);

    private <V> ReadModelStore<V> store(ReadModel<V> model, String collection) {
        return new ReadModelStore<>(database.getCollection(collection), new ReadModelDocuments<>(model, new AccountEventCodec()),
                FollowedCollection::ensureIndexes);
    }

    void refresh() {
        portfolio.refresh();
        ranking.refresh();
    }

    /** A client (advanced to CUSTOMER) that bought {@code revenue} with {@code margin} ten days ago. */
    UUID client(String name, String revenue, String margin) {
        return account(name, true, List.of(purchase(revenue, margin, 10)));
    }

    static AccountEvent purchase(String amount, String margin, int daysAgo) {
        return new PurchaseRecorded(null, UUID.randomUUID(), new BigDecimal(amount), "EUR",
                NOW.minus(Duration.ofDays(daysAgo)), "order", null, new BigDecimal(margin), null, null, null);
    }

    /** Folds the account's events into the value and profitability collections, as their pipelines would. */
    UUID account(String name, boolean client, List<AccountEvent> events) {
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
