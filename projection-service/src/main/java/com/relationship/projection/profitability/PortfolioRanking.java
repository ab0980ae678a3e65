package com.relationship.projection.profitability;

import com.relationship.projection.readmodel.FollowedCollection;
import com.relationship.projection.readmodel.ReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The portfolio's profitability kept in memory and ranked, so the whale curve is answered at 100,000
 * accounts without reading them (issue 29: "answered from a maintained ranking").
 * <p>
 * Every instance keeps its own copy of the shared {@code account_profitability} collection, whichever
 * instance wrote it ({@link FollowedCollection}, read every {@code poll}), with each account's ledger lines
 * of the last two years only (the curve's windows are at most one; the lifetime value compares two). An account is priced again when it changes, and every account when the
 * reference data changes or an hour turns (the windows and the suggestion move with time); the curves
 * asked for in the last ten minutes are ranked again after every cycle that changed anything. A request
 * reads the latest ranking: it is at most a poll and a ranking behind the read model.
 */
public class PortfolioRanking {

    private static final Logger log = LoggerFactory.getLogger(PortfolioRanking.class);
    /** One instant per month, shared by every line held of it. */
    private static final Map<YearMonth, Instant> MONTH_STARTS = new ConcurrentHashMap<>();
    /** A curve nobody asked for in this long is no longer ranked after each change. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);
    /** How long a request waits for the first load before it is answered from what is loaded. */
    private static final Duration FIRST_LOAD_WAIT = Duration.ofMinutes(2);

    private final ReadModelStore<ProfitabilityView> store;
    private final Supplier<ReferenceData> referenceData;
    private final ProfitabilityProperties properties;
    private final Clock clock;
    private final ProfitabilityProperties.Ranking settings;

    /** Each account's view with the lines of the last twelve months only. */
    private final FollowedCollection<ProfitabilityView, ProfitabilityView> held;
    /** Each account's place in each window's curve; absent where it has nothing in that window. */
    private final Map<UUID, Map<ProfitabilityReport.PeriodLength, WhaleCurve.Entry>> priced = new ConcurrentHashMap<>();
    private final Map<CurveKey, Ranked> curves = new ConcurrentHashMap<>();
    private final CountDownLatch firstLoad = new CountDownLatch(1);

    private volatile Basis pricedOn;
    private volatile Instant pricedAt;
    private volatile long generation;

    /** What the prices were worked out with: a change of either prices every account again. */
    private record Basis(ReferenceData referenceData, Instant hour) {
    }

    private record CurveKey(ProfitabilityReport.PeriodLength length, int limit) {
    }

    private static final class Ranked {
        private final WhaleCurve curve;
        private volatile Instant asked;

        Ranked(WhaleCurve curve, Instant asked) {
            this.curve = curve;
            this.asked = asked;
        }
    }

    public PortfolioRanking(ReadModelStore<ProfitabilityView> store, Supplier<ReferenceData> referenceData,
                            ProfitabilityProperties properties, Clock clock) {
        this.store = store;
        this.referenceData = referenceData;
        this.properties = properties;
        this.clock = clock;
        this.settings = properties.ranking();
        this.held = new FollowedCollection<>(store, view -> compact(view,
                ProfitabilityReport.PeriodLength.P1Y.trailingFrom(clock.instant()).minusMonths(12)), settings.lookBack(),
                settings.fullReload());
    }

    /** The latest ranking of the window; ranked now when this window and limit were not asked for lately. */
    public WhaleCurve whaleCurve(ProfitabilityReport.PeriodLength length, int limit) {
        awaitFirstLoad();
        CurveKey key = new CurveKey(length, limit);
        Ranked ranked = curves.get(key);
        if (ranked == null) {
            ranked = new Ranked(rank(key), clock.instant());
            curves.put(key, ranked);
        }
        ranked.asked = clock.instant();
        return ranked.curve;
    }

    /** Whether the ranking has read the account yet: a moment after its first event it may not have. */
    boolean holds(UUID accountId) {
        return held.holds(accountId);
    }

    /** The account's place in the window, as the latest ranking priced it; null when it has nothing there. */
    WhaleCurve.Entry entry(UUID accountId, ProfitabilityReport.PeriodLength length) {
        Map<ProfitabilityReport.PeriodLength, WhaleCurve.Entry> entries = priced.get(accountId);
        return entries == null ? null : entries.get(length);
    }

    private void awaitFirstLoad() {
        try {
            if (!firstLoad.await(FIRST_LOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The portfolio's ranking is still loading after {}: answered from what is loaded", FIRST_LOAD_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One cycle: reads what changed (or everything), prices what needs it, ranks the curves asked for
     * again when anything moved; answers how many accounts were read changed. Run every {@code poll}
     * ({@code PeriodicRefresh}); tests call it to step it.
     */
    public synchronized int refresh() {
        Set<UUID> changed = held.refresh();
        int read = changed.size();
        Instant now = clock.instant();
        Basis basis = new Basis(referenceData.get(), now.truncatedTo(ChronoUnit.HOURS));
        if (!basis.equals(pricedOn)) {
            changed = new HashSet<>(held.accounts());
            priced.keySet().retainAll(changed);
            pricedOn = basis;
        }
        if (!changed.isEmpty()) {
            Pricing pricing = new Pricing(basis.referenceData(), currency(), properties.assumedGrossMargin());
            for (UUID accountId : changed) {
                ProfitabilityView account = held.get(accountId);
                if (account == null) {
                    priced.remove(accountId);
                } else {
                    priced.put(accountId, price(account, pricing, now));
                }
            }
            generation++;
            curves.entrySet().removeIf(curve -> curve.getValue().asked.isBefore(now.minus(FORGET_AFTER)));
            curves.replaceAll((key, ranked) -> new Ranked(rank(key), ranked.asked));
        }
        pricedAt = now;
        firstLoad.countDown();
        return read;
    }

    /** Counts the refreshes that priced anything: what another ranking built on these figures watches. */
    public long generation() {
        return generation;
    }

    /** The account's revenue from month {@code from} up to {@code to} (excluded); null when it is not held yet. */
    public Revenue revenue(UUID accountId, YearMonth from, YearMonth to) {
        ProfitabilityView view = held.get(accountId);
        Basis basis = pricedOn;
        if (view == null || basis == null) {
            return null;
        }
        List<Ledger> lines = ProfitabilityReport.within(view.ledger().stream()
                .filter(line -> line.kind() == Ledger.Kind.REVENUE).toList(), from, to);
        Pricing.Totals totals = new Pricing(basis.referenceData(), currency(), properties.assumedGrossMargin()).total(lines);
        return new Revenue(totals.revenue().amount(), totals.unconverted().isEmpty(), totals.revenue().eventIds());
    }

    /**
     * The events of the account's purchases from month {@code from} up to {@code to} (excluded), read from its ledger:
     * the ranking keeps none, so one account's answer reads them.
     */
    public List<String> purchases(UUID accountId, YearMonth from, YearMonth to) {
        return store.findVisible(accountId).map(view -> ProfitabilityReport.within(view.ledger().stream()
                .filter(line -> line.kind() == Ledger.Kind.REVENUE).toList(), from, to).stream()
                .map(Ledger::eventId).toList()).orElse(List.of());
    }

    /** Revenue in the reporting currency; {@code complete} false when an amount had no exchange rate (left out). */
    public record Revenue(java.math.BigDecimal amount, boolean complete, List<String> eventIds) {
    }

    /** {@code amount} of {@code currency} in the reporting currency at the rates of {@code month}; empty without a rate. */
    public java.util.Optional<java.math.BigDecimal> converted(java.math.BigDecimal amount, String currency, YearMonth month) {
        Basis basis = pricedOn;
        return basis == null ? java.util.Optional.empty()
                : basis.referenceData().rate(month, currency, currency()).map(rate -> Pricing.money(amount.multiply(rate)));
    }

    /** Whether the account lost money over the trailing twelve months; null when it is not held yet. */
    public Boolean belowZero(UUID accountId) {
        if (!held.holds(accountId)) {
            return null;
        }
        WhaleCurve.Entry year = entry(accountId, ProfitabilityReport.PeriodLength.P1Y);
        return year != null && year.profit().signum() < 0;
    }

    /** The reporting currency of every figure. */
    public String reportingCurrency() {
        return currency();
    }

    /** The account's revenue and profit over the trailing twelve months, as last priced; null when it had none or is not held. */
    public YearFigures trailingYear(UUID accountId) {
        WhaleCurve.Entry year = entry(accountId, ProfitabilityReport.PeriodLength.P1Y);
        return year == null ? null : new YearFigures(year.revenue(), year.profit(), year.complete());
    }

    /** Revenue and profit over twelve months; {@code complete} false when something could not be priced. */
    public record YearFigures(java.math.BigDecimal revenue, java.math.BigDecimal profit, boolean complete) {
    }

    /** When the accounts were last brought up to date; null before the first load. */
    public Instant pricedAt() {
        return pricedAt;
    }

    /**
     * The view with only the lines from {@code from} on, each kept without its event and dated by its month: what the
     * windows and the prices need, at a third of the memory (100,000 accounts are held). The single account's
     * answers read the ledger itself, with its events.
     */
    private static ProfitabilityView compact(ProfitabilityView view, YearMonth from) {
        List<Ledger> recent = new ArrayList<>();
        for (Ledger line : view.ledger()) {
            YearMonth month = line.month();
            if (!month.isBefore(from)) {
                recent.add(new Ledger(null, MONTH_STARTS.computeIfAbsent(month,
                        m -> m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)), line.kind(), intern(line.activity()),
                        compact(line.amount()), intern(line.currency()), compact(line.quantity()),
                        compact(line.grossMargin())));
            }
        }
        return new ProfitabilityView(view.accountId(), view.name(), recent, view.decisions(), view.lastAppliedSequence());
    }

    /**
     * The same amount held in a long where it fits: a BigDecimal read from a document's Decimal128 carries a
     * BigInteger (and its array), three objects where one does.
     */
    private static java.math.BigDecimal compact(java.math.BigDecimal amount) {
        if (amount == null || amount.unscaledValue().bitLength() > 62) {
            return amount;
        }
        return java.math.BigDecimal.valueOf(amount.unscaledValue().longValueExact(), amount.scale());
    }

    private static String intern(String text) {
        return text == null ? null : text.intern();
    }

    /** The account's figures in each window, with the decision suggested on its trailing twelve months. */
    private Map<ProfitabilityReport.PeriodLength, WhaleCurve.Entry> price(ProfitabilityView view, Pricing pricing,
                                                                         Instant now) {
        YearMonth to = YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusMonths(1);
        List<Ledger> past = view.ledger(); // dated by their month: none is after now's
        Map<ProfitabilityReport.PeriodLength, WhaleCurve.Entry> entries = new EnumMap<>(ProfitabilityReport.PeriodLength.class);
        List<Ledger> year = ProfitabilityReport.within(past, ProfitabilityReport.PeriodLength.P1Y.trailingFrom(now), to);
        if (year.isEmpty()) {
            return entries; // nothing earned nor spent in the last twelve months: on no curve
        }
        Pricing.Totals trailing = pricing.total(year);
        Suggestion suggested = Suggestion.of(view, trailing, ProfitabilityReport.PeriodLength.P1Y.trailingLabel(now), now,
                properties.convertBeforeFire(), properties.assumedGrossMargin(), currency());
        for (ProfitabilityReport.PeriodLength length : ProfitabilityReport.PeriodLength.values()) {
            List<Ledger> in = length == ProfitabilityReport.PeriodLength.P1Y ? year
                    : ProfitabilityReport.within(year, length.trailingFrom(now), to);
            if (!in.isEmpty()) {
                Pricing.Totals totals = length == ProfitabilityReport.PeriodLength.P1Y ? trailing : pricing.total(in);
                entries.put(length, new WhaleCurve.Entry(view.accountId(), view.name(), totals.revenue().amount(),
                        totals.profit(), totals.complete(), suggested.decision(), totals.byActivity()));
            }
        }
        return entries;
    }

    private WhaleCurve rank(CurveKey key) {
        Instant now = clock.instant();
        List<WhaleCurve.Entry> entries = new ArrayList<>(priced.size());
        for (Map<ProfitabilityReport.PeriodLength, WhaleCurve.Entry> account : priced.values()) {
            WhaleCurve.Entry entry = account.get(key.length());
            if (entry != null) {
                entries.add(entry);
            }
        }
        YearMonth to = YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusMonths(1);
        return WhaleCurve.of(key.length().trailingLabel(now), key.length().trailingFrom(now).toString(), to.toString(),
                currency(), now, entries, Profitability.BREAK_EVEN_MARGIN, key.limit());
    }

    private String currency() {
        return properties.reportingCurrency().getCurrencyCode();
    }
}
