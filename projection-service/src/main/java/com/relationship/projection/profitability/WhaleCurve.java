package com.relationship.projection.profitability;

import com.relationship.contracts.account.ProfitabilityDecision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The whale curve of the portfolio (seed 000, Kaplan): accounts ranked by profit, most profitable first,
 * with the cumulative share of total profit at each rank. It rises above 100% over the profitable
 * accounts (the hump), runs flat over those that break even and falls back to 100% over the unprofitable
 * tail: "20% of customers generate 80% of total profits, 70% break even, the remaining 10% are not
 * profitable". An account whose figures could not all be priced is ranked on what could, and counted as
 * incomplete.
 *
 * @param curve        the cumulative share of total profit (%) from 0 to 100% of the accounts: after each account
 *                     when there are at most 100, else at each whole percent; what a chart draws
 * @param top          the most profitable accounts, at most the limit asked for, with their cumulative share
 * @param tail         the unprofitable accounts, the least unprofitable first, at most the limit asked for
 * @param peak         where the curve is highest
 * @param profitable   accounts above the break-even band
 * @param breakEven    accounts whose profit is within the break-even band of their revenue (or who had neither)
 * @param unprofitable accounts below it
 * @param costByActivity what serving the portfolio cost in the window, by activity, the costliest first
 * @param reading      the curve in one sentence, as the seed reads it
 */
public record WhaleCurve(String period, String from, String to, String reportingCurrency, Instant at, int accounts,
                         BigDecimal totalProfit, BigDecimal breakEvenMarginPercent, List<CurvePoint> curve,
                         List<Ranked> top, List<Ranked> tail, Peak peak, Band profitable, Band breakEven,
                         Band unprofitable, int incomplete, List<UUID> incompleteAccounts,
                         List<ActivityTotal> costByActivity, String reading) {

    /** One activity's cost over the portfolio: its amount, units where the card priced them, and how many accounts. */
    public record ActivityTotal(String activity, BigDecimal amount, BigDecimal units, int accounts) {
    }

    /** One account's place on the curve. */
    /** @param suggested what the service suggests deciding about it, on its trailing twelve months */
    public record Ranked(int rank, UUID accountId, String name, BigDecimal revenue, BigDecimal profit,
                         BigDecimal marginPercent, BigDecimal cumulativeProfitShare, boolean complete,
                         ProfitabilityDecision suggested) {
    }

    /** After {@code accountsPercent} of the accounts, most profitable first, {@code profitPercent} of the total profit. */
    public record CurvePoint(BigDecimal accountsPercent, BigDecimal profitPercent) {
    }

    /** The hump: after {@code rank} accounts ({@code accountsPercent} of them) the curve is at {@code profitPercent}. */
    public record Peak(int rank, BigDecimal accountsPercent, BigDecimal profitPercent) {
    }

    public record Band(int accounts, BigDecimal accountsPercent, BigDecimal profit, BigDecimal profitPercent) {
    }

    /** What the curve is drawn from: one account's figures over the window. */
    record Entry(UUID accountId, String name, BigDecimal revenue, BigDecimal profit, boolean complete,
                 ProfitabilityDecision suggested, List<Pricing.ActivityCost> costs) {

        Entry(UUID accountId, String name, BigDecimal revenue, BigDecimal profit, boolean complete,
              ProfitabilityDecision suggested) {
            this(accountId, name, revenue, profit, complete, suggested, List.of());
        }


        BigDecimal marginPercent() {
            return revenue.signum() == 0 ? null
                    : profit.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_EVEN);
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static WhaleCurve of(String period, String from, String to, String currency, Instant at, List<Entry> entries,
                         BigDecimal breakEvenMargin, int limit) {
        List<Entry> ranked = entries.stream().sorted(Comparator.comparing(Entry::profit).reversed()
                .thenComparing(e -> e.accountId().toString())).toList();
        int n = ranked.size();
        BigDecimal total = ranked.stream().map(Entry::profit).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> cumulative = new ArrayList<>(n);
        BigDecimal running = BigDecimal.ZERO;
        for (Entry entry : ranked) {
            running = running.add(entry.profit());
            cumulative.add(running);
        }
        List<Ranked> top = new ArrayList<>();
        List<Ranked> tail = new ArrayList<>();
        List<Entry> profitable = new ArrayList<>();
        List<Entry> even = new ArrayList<>();
        List<Entry> losing = new ArrayList<>();
        int peakRank = 0;
        BigDecimal peakValue = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            Entry entry = ranked.get(i);
            Ranked place = new Ranked(i + 1, entry.accountId(), entry.name(), money(entry.revenue()), money(entry.profit()),
                    entry.marginPercent(), share(cumulative.get(i), total), entry.complete(), entry.suggested());
            if (top.size() < limit && entry.profit().signum() > 0) {
                top.add(place);
            }
            switch (band(entry, breakEvenMargin)) {
                case 1 -> profitable.add(entry);
                case 0 -> even.add(entry);
                default -> {
                    losing.add(entry);
                    tail.add(place);
                }
            }
            if (cumulative.get(i).compareTo(peakValue) > 0) {
                peakValue = cumulative.get(i);
                peakRank = i + 1;
            }
        }
        List<Ranked> lastTail = tail.size() <= limit ? tail : tail.subList(0, limit);
        List<CurvePoint> curve = new ArrayList<>();
        curve.add(new CurvePoint(BigDecimal.ZERO.setScale(1), share(BigDecimal.ZERO, total)));
        if (n <= 100) { // a point per account: a step per whole percent would hide the shape of a small portfolio
            for (int rank = 1; rank <= n; rank++) {
                curve.add(new CurvePoint(percent(rank, n), share(cumulative.get(rank - 1), total)));
            }
        } else {
            for (int percent = 1; percent <= 100; percent++) {
                int accountsSoFar = (int) ((long) n * percent / 100);
                curve.add(new CurvePoint(BigDecimal.valueOf(percent).setScale(1),
                        share(cumulative.get(accountsSoFar - 1), total)));
            }
        }
        Peak peak = new Peak(peakRank, percent(peakRank, n), share(peakValue, total));
        Band profitableBand = band(profitable, n, total);
        Band evenBand = band(even, n, total);
        Band losingBand = band(losing, n, total);
        List<UUID> incomplete = ranked.stream().filter(e -> !e.complete()).map(Entry::accountId).toList();
        return new WhaleCurve(period, from, to, currency, at, n, money(total), breakEvenMargin, curve, top, lastTail,
                peak, profitableBand, evenBand, losingBand, incomplete.size(),
                incomplete.size() <= limit ? incomplete : incomplete.subList(0, limit), costByActivity(entries),
                reading(period, n, total, profitableBand, evenBand, losingBand, breakEvenMargin, currency, incomplete.size()));
    }

    private static List<ActivityTotal> costByActivity(List<Entry> entries) {
        java.util.Map<String, BigDecimal> amounts = new java.util.TreeMap<>();
        java.util.Map<String, BigDecimal> units = new java.util.TreeMap<>();
        java.util.Map<String, Integer> accounts = new java.util.TreeMap<>();
        for (Entry entry : entries) {
            for (Pricing.ActivityCost cost : entry.costs()) {
                amounts.merge(cost.activity(), cost.amount(), BigDecimal::add);
                if (cost.units() != null) {
                    units.merge(cost.activity(), cost.units(), BigDecimal::add);
                }
                accounts.merge(cost.activity(), 1, Integer::sum);
            }
        }
        return amounts.entrySet().stream().sorted(java.util.Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .map(e -> new ActivityTotal(e.getKey(), money(e.getValue()), units.get(e.getKey()), accounts.get(e.getKey())))
                .toList();
    }

    /** 1 above the break-even band, 0 within it, -1 below. */
    private static int band(Entry entry, BigDecimal breakEvenMargin) {
        BigDecimal margin = entry.marginPercent();
        if (margin == null) {
            return entry.profit().signum(); // no revenue: any cost is a loss, nothing at all breaks even
        }
        if (margin.abs().compareTo(breakEvenMargin) <= 0) {
            return 0;
        }
        return margin.signum();
    }

    private static Band band(List<Entry> members, int n, BigDecimal total) {
        BigDecimal profit = members.stream().map(Entry::profit).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Band(members.size(), percent(members.size(), n), money(profit), share(profit, total));
    }

    private static String reading(String period, int n, BigDecimal total, Band profitable, Band even, Band losing,
                                  BigDecimal breakEvenMargin, String currency, int incomplete) {
        if (n == 0) {
            return "No account has anything to show over " + period + " yet.";
        }
        String sentence = "Over " + period + ", " + n + " account" + (n == 1 ? "" : "s") + " earned "
                + String.format(Locale.ROOT, "%,.2f", total) + " " + currency + ": the top "
                + profitable.accountsPercent().toPlainString() + "% (" + profitable.accounts() + ") earn "
                + profitable.profitPercent().toPlainString() + "% of the profit; "
                + even.accountsPercent().toPlainString() + "% (" + even.accounts() + ") break even (margin within ±"
                + breakEvenMargin.toPlainString() + "%); the last " + losing.accountsPercent().toPlainString() + "% ("
                + losing.accounts() + ") lose " + losing.profitPercent().negate().toPlainString() + "% of it.";
        if (total.signum() <= 0) {
            sentence += " The portfolio as a whole makes no profit, so shares of it read backwards.";
        }
        return incomplete == 0 ? sentence : sentence + " " + incomplete + " account" + (incomplete == 1 ? "" : "s")
                + " could not be priced in full: ranked on what could.";
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : part.multiply(HUNDRED).divide(total.abs(), 1, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal percent(int part, int n) {
        return n == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal amount) {
        return Pricing.money(amount);
    }
}
