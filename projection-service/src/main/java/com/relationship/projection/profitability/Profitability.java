package com.relationship.projection.profitability;

import com.relationship.projection.readmodel.AccountNotFoundException;
import com.relationship.projection.readmodel.ReadModelStore;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers the profitability figures from the ledgers, priced with the reference data this instance has read:
 * one account's, period by period, and the portfolio's whale curve.
 */
public class Profitability {

    /** Accounts within this margin of their revenue (±, in %) break even on the whale curve. */
    static final BigDecimal BREAK_EVEN_MARGIN = new BigDecimal("2.0");

    private final ReadModelStore<ProfitabilityView> store;
    private final Supplier<ReferenceData> referenceData;
    private final ProfitabilityProperties properties;
    private final Clock clock;
    private final PortfolioRanking ranking;

    public Profitability(ReadModelStore<ProfitabilityView> store, Supplier<ReferenceData> referenceData,
                         ProfitabilityProperties properties, Clock clock, PortfolioRanking ranking) {
        this.ranking = ranking;
        this.store = store;
        this.referenceData = referenceData;
        this.properties = properties;
        this.clock = clock;
    }

    public ProfitabilityReport of(UUID accountId, ProfitabilityReport.PeriodLength length, int count) {
        ProfitabilityView view = store.findVisible(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        ReferenceData reference = referenceData.get();
        return ProfitabilityReport.of(view, length, count, clock.instant(), pricing(reference), currency(),
                reference.readToEnd(), properties.convertBeforeFire());
    }

    /** Over the {@code length} of months up to and including the current one, from the maintained ranking. */
    public WhaleCurve whaleCurve(ProfitabilityReport.PeriodLength length, int limit) {
        return ranking.whaleCurve(length, limit);
    }

    private Pricing pricing(ReferenceData reference) {
        return new Pricing(reference, currency(), properties.assumedGrossMargin());
    }

    private String currency() {
        return properties.reportingCurrency().getCurrencyCode();
    }
}
