package com.relationship.projection.profitability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An account's profitability, period by period and over its lifetime (issue 29): revenue, gross margin,
 * the cost to serve by activity, profit and margin, in the reporting currency, each figure with the
 * events it is made of, what could not be priced, the reference data used, and a sentence that reads it.
 *
 * @param periodLength {@code P1M}, {@code P3M} or {@code P1Y}: calendar months, quarters or years (UTC)
 * @param periods      the latest periods, the current one (to date) first
 * @param lifetime     every line up to now
 * @param trailingYear the twelve months up to and including the current one: what the suggestion reads
 * @param latestDecision the account team's latest profitability decision; null before the first
 * @param suggestion   KEEP, CONVERT or FIRE, and why
 */
public record ProfitabilityReport(UUID accountId, String name, String reportingCurrency, String periodLength,
                                  Instant at, List<PeriodFigures> periods, PeriodFigures lifetime,
                                  PeriodFigures trailingYear, Decision latestDecision, Suggestion suggestion,
                                  long lastAppliedSequence, boolean referenceDataReadToEnd) {

    /** The periods a report can be by. */
    public enum PeriodLength {
        P1M(1), P3M(3), P1Y(12);

        final int months;

        PeriodLength(int months) {
            this.months = months;
        }

        /** The first month of the period {@code month} falls in. */
        YearMonth start(YearMonth month) {
            int index = (month.getMonthValue() - 1) / months * months;
            return YearMonth.of(month.getYear(), index + 1);
        }

        /** The first month of the {@code months} up to and including the one {@code now} falls in. */
        YearMonth trailingFrom(Instant now) {
            return YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(months - 1L);
        }

        /** "the 12 months to 2026-12", "the month to 2026-12". */
        String trailingLabel(Instant now) {
            return "the " + (months == 1 ? "month" : months + " months") + " to " + YearMonth.from(now.atOffset(ZoneOffset.UTC));
        }

        String label(YearMonth start) {
            return switch (this) {
                case P1M -> start.toString();
                case P3M -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
                case P1Y -> Integer.toString(start.getYear());
            };
        }
    }

    /**
     * One period's figures.
     *
     * @param period   its label (2026-07, 2026-Q3, 2026) or "lifetime"
     * @param from     its first month; to: the month after its last
     * @param complete false when some amount or activity could not be priced: the totals leave it out
     * @param reason   the figures in one sentence
     */
    public record PeriodFigures(String period, String from, String to, Pricing.Figure revenue,
                                Pricing.Figure grossMargin, Pricing.AssumedMargin assumedMargin,
                                Pricing.Figure costToServe, List<Pricing.ActivityCost> costByActivity,
                                BigDecimal profit, BigDecimal marginPercent, List<Pricing.Unconverted> unconverted,
                                List<Pricing.Unpriced> unpriced, List<String> referenceData, boolean complete,
                                String reason) {
    }

    public static ProfitabilityReport of(ProfitabilityView view, PeriodLength length, int count, Instant now,
                                         Pricing pricing, String reportingCurrency, boolean readToEnd,
                                         java.time.Duration convertBeforeFire) {
        List<Ledger> past = view.ledger().stream().filter(line -> !line.at().isAfter(now)).toList();
        YearMonth thisMonth = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        YearMonth afterNow = thisMonth.plusMonths(1);
        YearMonth current = length.start(thisMonth);
        List<PeriodFigures> periods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            YearMonth from = current.minusMonths((long) i * length.months);
            YearMonth to = from.plusMonths(length.months);
            List<Ledger> in = within(past, from, to);
            periods.add(figures(length.label(from), from.toString(), to.toString(), pricing.total(in), reportingCurrency));
        }
        YearMonth first = past.stream().map(Ledger::month).min(YearMonth::compareTo).orElse(current);
        PeriodFigures lifetime = figures("lifetime", first.toString(), afterNow.toString(), pricing.total(past),
                reportingCurrency);
        YearMonth yearFrom = PeriodLength.P1Y.trailingFrom(now);
        String window = PeriodLength.P1Y.trailingLabel(now);
        Pricing.Totals year = pricing.total(within(past, yearFrom, afterNow));
        PeriodFigures trailingYear = figures(window, yearFrom.toString(), afterNow.toString(), year, reportingCurrency);
        return new ProfitabilityReport(view.accountId(), view.name(), reportingCurrency, length.name(), now, periods,
                lifetime, trailingYear, view.latestDecision(), Suggestion.of(view, year, window, now, convertBeforeFire,
                pricing.assumedMargin(), reportingCurrency), view.lastAppliedSequence(), readToEnd);
    }

    /** The lines of the months from {@code from} up to, not including, {@code to}. */
    static List<Ledger> within(List<Ledger> lines, YearMonth from, YearMonth to) {
        return lines.stream().filter(line -> !line.month().isBefore(from) && line.month().isBefore(to)).toList();
    }

    static PeriodFigures figures(String period, String from, String to, Pricing.Totals t, String currency) {
        return new PeriodFigures(period, from, to, t.revenue(), t.grossMargin(), t.assumedMargin(), t.costToServe(),
                t.byActivity(), t.profit(), t.marginPercent(), t.unconverted(), t.unpriced(), t.referenceData(),
                t.complete(), sentence(period, t, currency));
    }

    /** "2026-Q3: profit 1,200.00 EUR (10.0% of revenue 12,000.00): gross margin ... less ... to serve (...)." */
    static String sentence(String period, Pricing.Totals t, String currency) {
        StringBuilder out = new StringBuilder(period).append(": profit ").append(money(t.profit())).append(' ')
                .append(currency);
        out.append(t.marginPercent() == null ? " (no revenue)" : " (" + t.marginPercent().toPlainString()
                + "% of revenue " + money(t.revenue().amount()) + ")");
        out.append(": gross margin ").append(money(t.grossMargin().amount()));
        if (t.assumedMargin() != null) {
            out.append(" (").append(t.assumedMargin().eventIds().size()).append(" purchase")
                    .append(t.assumedMargin().eventIds().size() == 1 ? "" : "s").append(" without a margin at the assumed ")
                    .append(t.assumedMargin().share().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString())
                    .append("%)");
        }
        out.append(" less ").append(money(t.costToServe().amount())).append(" to serve");
        if (!t.byActivity().isEmpty()) {
            out.append(" (").append(t.byActivity().stream().map(a -> a.activity() + " " + (a.units() != null
                            && a.costPerUnit() != null ? a.units().toPlainString() + " x " + money(a.costPerUnit()) + " = " : "")
                    + money(a.amount())).collect(Collectors.joining(", "))).append(')');
        }
        out.append('.');
        if (!t.unconverted().isEmpty()) {
            out.append(" Left out: ").append(t.unconverted().stream().map(u -> u.amount().toPlainString() + " "
                    + u.currency() + " (" + u.reason() + ")").collect(Collectors.joining("; "))).append('.');
        }
        if (!t.unpriced().isEmpty()) {
            out.append(" Not priced: ").append(t.unpriced().stream().map(u -> u.units().stripTrailingZeros()
                    .toPlainString() + " " + u.activity() + " (" + u.reason() + ")").collect(Collectors.joining("; ")))
                    .append('.');
        }
        return out.toString();
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
