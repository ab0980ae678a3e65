package com.relationship.projection.value;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ContactRole;
import com.relationship.projection.committee.CommitteeView;
import com.relationship.projection.committee.Contact;
import com.relationship.projection.profitability.PortfolioRanking;
import com.relationship.projection.profitability.ProfitabilityProperties;
import com.relationship.projection.readmodel.FollowedCollection;
import com.relationship.projection.readmodel.ReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every account's lifetime value, ranked over the portfolio and tiered (issue 30). Each instance follows
 * the value and committee collections ({@link FollowedCollection}) and reads the revenue the profitability
 * ranking prices ({@link PortfolioRanking}); after a change (or when an hour turns: years as client, the
 * last year's touches), at most every {@code rerankEvery}, it scores every account and ranks the clients (a
 * re-rank of 57,000 accounts took 8 s while the read models caught up: {@code docs/performance.md}). Requests
 * read the latest ranking.
 */
public class ValueRanking {

    private static final Logger log = LoggerFactory.getLogger(ValueRanking.class);
    private static final Set<ContactRole> SENIOR = Set.of(ContactRole.DECISION_MAKER, ContactRole.SPONSOR,
            ContactRole.CHAMPION);
    private static final String[] LEVELS = {"UTILITY", "CONVENIENCE", "COMFORT", "PERSONAL_RECOGNITION",
            "SELF_EXPRESSION", "CO_CREATION"};
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Duration FIRST_LOAD_WAIT = Duration.ofMinutes(2);

    private final FollowedCollection<ValueView, ValueView> values;
    private final FollowedCollection<CommitteeView, List<Contact>> committees;
    private final PortfolioRanking revenue;
    private final ValueProperties properties;
    private final ValueScoring scoring;
    private final Clock clock;
    private final CountDownLatch firstRank = new CountDownLatch(1);

    private volatile Ranked latest = new Ranked(Map.of(), List.of(), 0, null, null, 0);
    private boolean changedSinceRank = true;
    private long revenueGeneration = -1;
    private Instant rankedHour;
    private Duration lastTook = Duration.ZERO;
    private long lastRankedNanos;

    /**
     * One ranking: each account's score, rank and tier (all that is kept of 100,000 accounts; the indices are
     * reckoned again when one account is asked for), the ranked clients' spends in order (the percentiles),
     * the tiers' summary, and when.
     */
    private record Ranked(Map<UUID, Standing> accounts, List<BigDecimal> spends, int rankedAccounts, PortfolioTiers tiers,
                          Instant at, long ranking) {
    }

    /**
     * Where one account stood at the ranking; rank, topPercent and tier null unless ranked.
     *
     * @param belowZero a BZ for its loss over the trailing twelve months, whatever its rank
     */
    record Standing(BigDecimal score, Integer rank, BigDecimal topPercent, ValueTier tier, String tierReason,
                    String owner, boolean belowZero) {
    }

    /**
     * The latest ranking's standings, how many clients it ranked and when; {@code at} null before the first.
     *
     * @param ranking counts the rankings of this instance, from 1: two snapshots of the same ranking have the same
     */
    record Snapshot(Map<UUID, Standing> accounts, int rankedAccounts, Instant at, long ranking) {
    }

    /** The latest ranking, for the tier publisher: every account's standing. */
    Snapshot snapshot() {
        Ranked ranked = latest;
        return new Snapshot(ranked.accounts(), ranked.rankedAccounts(), ranked.at(), ranked.ranking());
    }

    public ValueRanking(ReadModelStore<ValueView> values, ReadModelStore<CommitteeView> committees,
                        PortfolioRanking revenue, ValueProperties properties, ProfitabilityProperties.Ranking following,
                        Clock clock) {
        this.values = new FollowedCollection<>(values, view -> view, following.lookBack(), following.fullReload());
        this.committees = new FollowedCollection<>(committees, view -> view.contacts().stream()
                .filter(c -> c.lastTwoWayInteraction() != null).toList(), following.lookBack(), following.fullReload());
        this.revenue = revenue;
        this.properties = properties;
        this.scoring = new ValueScoring(properties.weights());
        this.clock = clock;
    }

    /**
     * The account's value: its indices reckoned now, with the events behind them, and its rank and tier as last
     * ranked; null when the ranking has not read the account yet.
     */
    public AccountValue of(UUID accountId) {
        awaitFirstRank();
        Ranked ranked = latest;
        Standing standing = ranked.accounts().get(accountId);
        ValueView view = values.get(accountId);
        if (standing == null || view == null) {
            return null;
        }
        Instant now = clock.instant();
        Draft draft = draft(view, now, true);
        score(draft, ranked.spends(), now);
        return value(draft, standing, ranked.rankedAccounts(), now, ranked.at());
    }

    /** Where the account stood at the last ranking, without waiting for a first one; null when there is none yet. */
    ValueStandingView standing(UUID accountId) {
        Ranked ranked = latest;
        Standing standing = ranked.accounts().get(accountId);
        ValueView view = values.get(accountId);
        return standing == null ? null : new ValueStandingView(standing.score(), standing.tier(), standing.rank(),
                ranked.rankedAccounts(), view == null || view.level() == null ? null : view.level().level(), ranked.at());
    }

    /** What the status shows of an account's value. */
    record ValueStandingView(BigDecimal score, ValueTier tier, Integer rank, int rankedAccounts, Integer level,
                             Instant rankedAt) {
    }

    /** The portfolio by tier, as last ranked. */
    public PortfolioTiers tiers() {
        awaitFirstRank();
        return latest.tiers();
    }

    private void awaitFirstRank() {
        try {
            if (!firstRank.await(FIRST_LOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The value ranking is still loading after {}: answered from what is ranked", FIRST_LOAD_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One cycle: reads what changed; scores and ranks everything again when anything did and a re-rank is due.
     * Answers how many accounts were read changed.
     */
    public synchronized int refresh() {
        int read = values.refresh().size() + committees.refresh().size();
        changedSinceRank |= read > 0;
        long generation = revenue.generation();
        changedSinceRank |= generation != revenueGeneration;
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        changedSinceRank |= !hour.equals(rankedHour);
        // At most every rerankEvery, and after at least twice what the last ranking took (real time): at 100,000
        // accounts a ranking takes seconds, and ranking back to back while the read models catch up would slow them.
        // A rerankEvery of 0 ranks after every change.
        Duration wait = properties.rerankEvery().isZero() || properties.rerankEvery().compareTo(lastTook.multipliedBy(2)) >= 0
                ? properties.rerankEvery() : lastTook.multipliedBy(2);
        boolean due = latest.at() == null || System.nanoTime() - lastRankedNanos >= wait.toNanos();
        if (changedSinceRank && due && revenue.pricedAt() != null) {
            long started = System.nanoTime();
            latest = rank(now);
            lastRankedNanos = System.nanoTime();
            lastTook = Duration.ofNanos(lastRankedNanos - started);
            changedSinceRank = false;
            revenueGeneration = generation;
            rankedHour = hour;
            firstRank.countDown();
        }
        return read;
    }

    /**
     * Scores every account and ranks the clients. Two passes, so that no more than one account's indices are held at
     * a time: the spends first (the average revenue index reads their percentiles), then each score.
     */
    private Ranked rank(Instant now) {
        long started = System.nanoTime();
        Map<UUID, BigDecimal> spends = new HashMap<>();
        Map<UUID, ValueView> views = new HashMap<>();
        for (UUID accountId : values.accounts()) {
            ValueView view = values.get(accountId);
            if (view != null) {
                views.put(accountId, view);
                spends.put(accountId, spend(view, thisMonth(now)));
            }
        }
        List<BigDecimal> rankedSpends = views.values().stream().filter(v -> v.stage().canChurn())
                .map(v -> spends.get(v.accountId())).sorted().toList();
        Map<UUID, BigDecimal> scores = new HashMap<>();
        for (ValueView view : views.values()) {
            Draft draft = draft(view, now, false);
            score(draft, rankedSpends, now);
            scores.put(view.accountId(), draft.score);
        }
        List<ValueView> ranked = views.values().stream().filter(v -> v.stage().canChurn())
                .sorted(Comparator.comparing((ValueView v) -> scores.get(v.accountId())).reversed()
                        .thenComparing(v -> v.accountId().toString())).toList();
        int n = ranked.size();
        Map<UUID, Standing> standings = new HashMap<>(views.size() * 2);
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < n; i++) {
            ValueView view = ranked.get(i);
            BigDecimal score = scores.get(view.accountId());
            if (previous == null || score.compareTo(previous) != 0) {
                rank = i + 1; // the same score shares the better rank
                previous = score;
            }
            standings.put(view.accountId(), standing(view, score, rank, n));
        }
        for (ValueView view : views.values()) {
            standings.computeIfAbsent(view.accountId(), id -> new Standing(scores.get(id), null, null, null,
                    "Not ranked: a " + view.stage() + " account is scored, but only clients (CUSTOMER to PARTNER) are"
                            + " ranked and tiered.", view.owner(), false));
        }
        return new Ranked(Map.copyOf(standings), rankedSpends, n, tiers(standings, n, revenue.reportingCurrency(), now,
                Duration.ofNanos(System.nanoTime() - started)), now, latest.ranking() + 1);
    }

    private static YearMonth thisMonth(Instant now) {
        return YearMonth.from(now.atOffset(ZoneOffset.UTC));
    }

    /** This year's revenue, averaged with the projected spend where one is assessed and converts. */
    private BigDecimal spend(ValueView view, YearMonth thisMonth) {
        PortfolioRanking.Revenue year = revenue.revenue(view.accountId(), thisMonth.minusMonths(11), thisMonth.plusMonths(1));
        return averaged(year == null ? BigDecimal.ZERO : year.amount(), projectedSpend(view, thisMonth));
    }

    /** The current spend averaged with the projected one, where there is one. */
    private static BigDecimal averaged(BigDecimal current, BigDecimal projected) {
        return projected == null ? current : current.add(projected).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
    }

    private BigDecimal projectedSpend(ValueView view, YearMonth thisMonth) {
        ValueView.Judgement projected = view.judgements().get(com.relationship.contracts.account.ValueComponent.PROJECTED_SPEND);
        return projected == null || projected.amount() == null ? null
                : revenue.converted(projected.amount(), projected.currency(), thisMonth).orElse(null);
    }

    /** What one account is scored from; with its purchases' events when one account is asked for. */
    private Draft draft(ValueView view, Instant now, boolean withEvents) {
        YearMonth thisMonth = thisMonth(now);
        YearMonth to = thisMonth.plusMonths(1);
        YearMonth yearFrom = thisMonth.minusMonths(11);
        Draft draft = new Draft(view);
        draft.thisYear = revenue(view.accountId(), yearFrom, to, withEvents);
        draft.priorYear = revenue(view.accountId(), yearFrom.minusMonths(12), yearFrom, withEvents);
        draft.projectedSpend = projectedSpend(view, thisMonth);
        draft.spend = averaged(draft.thisYear == null ? BigDecimal.ZERO : draft.thisYear.amount(), draft.projectedSpend);
        draft.wallet = walletShares(view.accountId(), view, thisMonth);
        draft.reached = reached(committees.get(view.accountId()), now);
        return draft;
    }

    private void score(Draft draft, List<BigDecimal> rankedSpends, Instant now) {
        AccountValue.WalletShare latestShare = draft.wallet.stream().filter(w -> w.sharePercent() != null)
                .max(Comparator.comparing(AccountValue.WalletShare::period)).orElse(null);
        draft.indices = scoring.score(new ValueScoring.Inputs(draft.view, draft.spend, percentile(rankedSpends, draft.spend),
                draft.thisYear, draft.priorYear, draft.projectedSpend,
                latestShare == null ? null : latestShare.sharePercent(), latestShare == null ? null : latestShare.eventId(),
                draft.reached, revenue.reportingCurrency(), now));
        draft.score = ValueScoring.total(draft.indices);
    }

    /** The tier by where the rank falls, or BZ for a loss over the trailing twelve months, and why. */
    private Standing standing(ValueView view, BigDecimal score, int rank, int n) {
        BigDecimal topPercent = BigDecimal.valueOf(rank - 1L).multiply(HUNDRED).divide(BigDecimal.valueOf(n), 1,
                RoundingMode.HALF_EVEN);
        int[] cuts = properties.tierCuts();
        ValueTier tier = topPercent.compareTo(BigDecimal.valueOf(cuts[0])) < 0 ? ValueTier.MVC
                : topPercent.compareTo(BigDecimal.valueOf(cuts[1])) < 0 ? ValueTier.MGC
                : topPercent.compareTo(BigDecimal.valueOf(cuts[2])) < 0 ? ValueTier.MIGRATOR : ValueTier.BZ;
        String reason = "Rank " + rank + " of " + n + " (the top " + topPercent.toPlainString() + "%): " + tier
                + " by the cuts at " + cuts[0] + ", " + cuts[1] + " and " + cuts[2] + "%.";
        boolean belowZero = Boolean.TRUE.equals(revenue.belowZero(view.accountId())) && tier != ValueTier.BZ;
        if (belowZero) {
            reason = "Below zero: it lost money over the last twelve months, so BZ whatever its rank (rank " + rank + " of "
                    + n + ", " + tier + " by rank).";
            tier = ValueTier.BZ;
        }
        return new Standing(score, rank, topPercent, tier, reason, view.owner(), belowZero);
    }

    private ValueScoring.Revenue revenue(UUID accountId, YearMonth from, YearMonth to, boolean withEvents) {
        PortfolioRanking.Revenue figure = revenue.revenue(accountId, from, to);
        if (figure == null) {
            return null;
        }
        return new ValueScoring.Revenue(figure.amount(), figure.complete(),
                withEvents ? revenue.purchases(accountId, from, to) : List.of());
    }

    /** Where {@code spend} stands among {@code sorted}: the share below it plus half the share equal to it, %. */
    static BigDecimal percentile(List<BigDecimal> sorted, BigDecimal spend) {
        if (sorted.isEmpty()) {
            return BigDecimal.ZERO.setScale(1);
        }
        int below = 0;
        int equal = 0;
        for (BigDecimal other : sorted) {
            int c = other.compareTo(spend);
            if (c < 0) {
                below++;
            } else if (c == 0) {
                equal++;
            } else {
                break;
            }
        }
        return BigDecimal.valueOf(below * 2L + equal).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(sorted.size() * 2L), 1, RoundingMode.HALF_EVEN);
    }

    /** The most senior contact reached two-way in the last year: a senior role first, then an influential one. */
    private static ValueScoring.ContactReached reached(List<Contact> contacts, Instant now) {
        if (contacts == null) {
            return null;
        }
        Instant yearAgo = now.minus(Duration.ofDays(365));
        ValueScoring.ContactReached best = null;
        for (Contact contact : contacts) {
            Contact.Touch touch = contact.lastTwoWayInteraction();
            if (touch == null || !touch.at().isAfter(yearAgo) || touch.at().isAfter(now)) {
                continue;
            }
            boolean senior = SENIOR.contains(contact.role());
            if (!senior && contact.influence() < 4) {
                continue;
            }
            if (best == null || (senior && !best.senior()) || (senior == best.senior() && touch.at().isAfter(best.at()))) {
                best = new ValueScoring.ContactReached(contact.role().name(), senior, touch.at(), touch.eventId());
            }
        }
        return best;
    }

    /** Per category, the latest estimate and our share of it, with its trend since the one before. */
    private List<AccountValue.WalletShare> walletShares(UUID accountId, ValueView view, YearMonth thisMonth) {
        Map<String, List<ValueView.WalletEstimate>> byCategory = new TreeMap<>();
        for (ValueView.WalletEstimate estimate : view.wallet()) {
            byCategory.computeIfAbsent(estimate.category(), c -> new ArrayList<>()).add(estimate);
        }
        List<AccountValue.WalletShare> shares = new ArrayList<>();
        byCategory.forEach((category, estimates) -> {
            List<ValueView.WalletEstimate> ordered = estimates.stream()
                    .sorted(Comparator.comparing(ValueView.WalletEstimate::period).thenComparing(ValueView.WalletEstimate::at))
                    .toList();
            ValueView.WalletEstimate last = ordered.get(ordered.size() - 1);
            BigDecimal[] share = share(accountId, last, thisMonth);
            BigDecimal before = ordered.size() < 2 ? null : share(accountId, ordered.get(ordered.size() - 2), thisMonth)[1];
            String trend = before == null || share[1] == null ? null
                    : share[1].compareTo(before) > 0 ? "UP" : share[1].compareTo(before) < 0 ? "DOWN" : "FLAT";
            shares.add(new AccountValue.WalletShare(category, last.period(), last.amount(), last.currency(), last.source(),
                    share[0], share[1], before, trend, last.eventId()));
        });
        return shares;
    }

    /** Our revenue in the estimate's period and our share of the estimate, %; either null when not priceable. */
    private BigDecimal[] share(UUID accountId, ValueView.WalletEstimate estimate, YearMonth thisMonth) {
        YearMonth[] period = months(estimate.period());
        PortfolioRanking.Revenue ours = revenue.revenue(accountId, period[0], period[1]);
        YearMonth rateMonth = period[0].isAfter(thisMonth) ? thisMonth : period[0];
        BigDecimal wallet = revenue.converted(estimate.amount(), estimate.currency(), rateMonth).orElse(null);
        BigDecimal amount = ours == null ? null : ours.amount();
        BigDecimal percent = amount == null || wallet == null || wallet.signum() <= 0 ? null
                : amount.multiply(HUNDRED).divide(wallet, 1, RoundingMode.HALF_EVEN);
        return new BigDecimal[]{amount, percent};
    }

    /** The first month of a period ({@code 2026}, {@code 2026-Q3}, {@code 2026-07}) and the month after its last. */
    static YearMonth[] months(String period) {
        if (period.contains("-Q")) {
            int year = Integer.parseInt(period.substring(0, 4));
            int quarter = Integer.parseInt(period.substring(6));
            YearMonth from = YearMonth.of(year, (quarter - 1) * 3 + 1);
            return new YearMonth[]{from, from.plusMonths(3)};
        }
        if (period.length() == 4) {
            YearMonth from = YearMonth.of(Integer.parseInt(period), 1);
            return new YearMonth[]{from, from.plusMonths(12)};
        }
        YearMonth month = YearMonth.parse(period);
        return new YearMonth[]{month, month.plusMonths(1)};
    }

    private AccountValue value(Draft draft, Standing standing, int n, Instant now, Instant rankedAt) {
        ValueView view = draft.view;
        ValueView.Level level = view.level();
        AccountValue.RelationshipLevel relationshipLevel = level == null ? null : new AccountValue.RelationshipLevel(
                level.level(), LEVELS[level.level() - 1], level.rationale(), level.at(), level.eventId());
        String suggestion = level != null && level.level() == 6 && view.classification() != Classification.STRATEGIC
                ? "The relationship is at level 6 (co-creation): consider classifying the account STRATEGIC (POST"
                + " /accounts/{id}/classification). A suggestion, never forced." : null;
        ValueTier tier = standing.tier();
        return new AccountValue(view.accountId(), view.name(), view.owner(), view.stage(), draft.score, draft.indices,
                standing.rank() != null, standing.rank(), n, standing.topPercent(), tier, standing.tierReason(),
                tier == null ? null : tier.treatment(), draft.wallet, relationshipLevel, suggestion,
                revenue.reportingCurrency(), rankedAt, List.of());
    }

    private PortfolioTiers tiers(Map<UUID, Standing> accounts, int n, String currency, Instant now, Duration took) {
        Map<ValueTier, int[]> counts = new EnumMap<>(ValueTier.class);
        Map<ValueTier, BigDecimal[]> money = new EnumMap<>(ValueTier.class);
        Map<String, Map<ValueTier, Integer>> owners = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (ValueTier tier : ValueTier.values()) {
            counts.put(tier, new int[2]);
            money.put(tier, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        }
        for (Map.Entry<UUID, Standing> entry : accounts.entrySet()) {
            Standing account = entry.getValue();
            if (account.tier() == null) {
                continue;
            }
            counts.get(account.tier())[0]++;
            if (Boolean.TRUE.equals(revenue.belowZero(entry.getKey()))) {
                counts.get(account.tier())[1]++;
            }
            PortfolioRanking.YearFigures year = revenue.trailingYear(entry.getKey());
            if (year != null) {
                money.get(account.tier())[0] = money.get(account.tier())[0].add(year.revenue());
                money.get(account.tier())[1] = money.get(account.tier())[1].add(year.profit());
            }
            owners.computeIfAbsent(account.owner(), o -> new EnumMap<>(ValueTier.class)).merge(account.tier(), 1, Integer::sum);
        }
        List<PortfolioTiers.Tier> tiers = new ArrayList<>();
        for (ValueTier tier : ValueTier.values()) {
            int count = counts.get(tier)[0];
            tiers.add(new PortfolioTiers.Tier(tier, count, n == 0 ? BigDecimal.ZERO.setScale(1)
                    : BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_EVEN),
                    money.get(tier)[0].setScale(2, RoundingMode.HALF_EVEN), money.get(tier)[1].setScale(2, RoundingMode.HALF_EVEN),
                    counts.get(tier)[1], tier.treatment()));
        }
        List<PortfolioTiers.Owner> byOwner = new ArrayList<>();
        owners.forEach((owner, perTier) -> {
            List<String> overloaded = new ArrayList<>();
            perTier.forEach((tier, count) -> {
                Integer most = tier.mostPerSalesperson();
                if (owner != null && most != null && count > most) {
                    overloaded.add(owner + " owns " + count + " " + tier + "s; the seed has one salesperson manage at most "
                            + most + ".");
                }
            });
            byOwner.add(new PortfolioTiers.Owner(owner, new LinkedHashMap<>(perTier), overloaded));
        });
        return new PortfolioTiers(n, Arrays.stream(properties.tierCuts()).boxed().toList(), tiers, byOwner, currency, now, took.toMillis());
    }

    /** One account being scored and ranked. */
    private static final class Draft {
        final ValueView view;
        ValueScoring.Revenue thisYear;
        ValueScoring.Revenue priorYear;
        BigDecimal projectedSpend;
        BigDecimal spend;
        List<AccountValue.WalletShare> wallet;
        ValueScoring.ContactReached reached;
        List<IndexScore> indices;
        BigDecimal score;

        Draft(ValueView view) {
            this.view = view;
        }
    }
}
