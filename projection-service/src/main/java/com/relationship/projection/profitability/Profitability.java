package com.relationship.projection.profitability;

import com.relationship.projection.readmodel.AccountNotFoundException;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    public Profitability(ReadModelStore<ProfitabilityView> store, Supplier<ReferenceData> referenceData,
                         ProfitabilityProperties properties, Clock clock) {
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

    /** Over the {@code length} of months up to and including the current one. */
    public WhaleCurve whaleCurve(ProfitabilityReport.PeriodLength length, int limit) {
        Instant now = clock.instant();
        YearMonth to = YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusMonths(1);
        YearMonth from = length.trailingFrom(now);
        YearMonth yearFrom = ProfitabilityReport.PeriodLength.P1Y.trailingFrom(now);
        String year = ProfitabilityReport.PeriodLength.P1Y.trailingLabel(now);
        Pricing pricing = pricing(referenceData.get());
        ReadModelDocuments<ProfitabilityView> documents = store.documents();
        List<WhaleCurve.Entry> entries = new ArrayList<>();
        for (Document document : store.collection().find()) {
            ProfitabilityView view = documents.visibleViewOf(document);
            if (view == null) {
                continue;
            }
            List<Ledger> past = view.ledger().stream().filter(line -> !line.at().isAfter(now)).toList();
            List<Ledger> in = ProfitabilityReport.within(past, from, to);
            if (in.isEmpty()) {
                continue; // nothing earned nor spent on it in the window: not on this curve
            }
            Pricing.Totals totals = pricing.total(in);
            Pricing.Totals trailing = length == ProfitabilityReport.PeriodLength.P1Y ? totals
                    : pricing.total(ProfitabilityReport.within(past, yearFrom, to));
            Suggestion suggested = Suggestion.of(view, trailing, year, now, properties.convertBeforeFire(),
                    properties.assumedGrossMargin(), currency());
            entries.add(new WhaleCurve.Entry(view.accountId(), view.name(), totals.revenue().amount(), totals.profit(),
                    totals.complete(), suggested.decision(), totals.byActivity()));
        }
        String period = length.trailingLabel(now);
        return WhaleCurve.of(period, from.toString(), to.toString(), currency(), now, entries, BREAK_EVEN_MARGIN, limit);
    }

    private Pricing pricing(ReferenceData reference) {
        return new Pricing(reference, currency(), properties.assumedGrossMargin());
    }

    private String currency() {
        return properties.reportingCurrency().getCurrencyCode();
    }
}
