package com.relationship.projection.profitability;

import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prices ledger lines in the reporting currency (issue 29): a purchase's amount and margin and a known cost
 * converted at the rate of their month, an activity's units at the rate card in force in its month. What
 * cannot be priced (no rate for the currency that month, no price for the activity on the card) is left
 * out of the totals and named, never converted at 1. A purchase that said neither its margin nor its cost
 * of goods earns the assumed margin, and says so. Every total names the events it is made of.
 */
public final class Pricing {

    /** Money figures are kept to the cent (four places for a rate card's unit cost times a fractional unit). */
    static final int SCALE = 2;

    private final ReferenceData reference;
    private final String reportingCurrency;
    private final BigDecimal assumedMargin;

    Pricing(ReferenceData reference, String reportingCurrency, BigDecimal assumedMargin) {
        this.reference = reference;
        this.reportingCurrency = reportingCurrency;
        this.assumedMargin = assumedMargin;
    }

    /** The share of a purchase's amount taken as its margin when it says none. */
    BigDecimal assumedMargin() {
        return assumedMargin;
    }

    /** A total and the events it is made of. */
    public record Figure(BigDecimal amount, List<String> eventIds) {
    }

    /** The purchases whose margin was assumed, and what they earned so. */
    public record AssumedMargin(BigDecimal revenue, BigDecimal share, BigDecimal margin, List<String> eventIds) {
    }

    /** One activity's part of the cost to serve: its units and unit cost where the card priced it. */
    public record ActivityCost(String activity, BigDecimal units, BigDecimal costPerUnit, BigDecimal amount,
                        List<String> eventIds) {
    }

    /** An amount left out: no rate for its currency in its month. */
    public record Unconverted(String month, String currency, BigDecimal amount, List<String> eventIds, String reason) {
    }

    /** Units left out: no price for the activity on the card of their month. */
    public record Unpriced(String month, String activity, BigDecimal units, List<String> eventIds, String reason) {
    }

    /** Everything the lines of one stretch of time add up to. */
    public record Totals(Figure revenue, Figure grossMargin, AssumedMargin assumedMargin, Figure costToServe,
                  List<ActivityCost> byActivity, BigDecimal profit, BigDecimal marginPercent,
                  List<Unconverted> unconverted, List<Unpriced> unpriced, List<String> referenceData) {

        public boolean complete() {
            return unconverted.isEmpty() && unpriced.isEmpty();
        }
    }

    Totals total(Collection<Ledger> lines) {
        Sum revenue = new Sum();
        Sum margin = new Sum();
        Sum assumedRevenue = new Sum();
        Sum assumed = new Sum();
        Sum cost = new Sum();
        Map<String, ActivitySum> activities = new TreeMap<>();
        Map<String, Unconverted> unconverted = new TreeMap<>();
        Map<String, Unpriced> unpriced = new TreeMap<>();
        TreeSet<String> used = new TreeSet<>();
        for (Ledger line : lines) {
            String month = line.month().toString();
            switch (line.kind()) {
                case REVENUE -> {
                    BigDecimal rate = rate(line, used);
                    if (rate == null) {
                        leaveOut(unconverted, line);
                        continue;
                    }
                    BigDecimal amount = line.amount().multiply(rate);
                    revenue.add(amount, line.eventId());
                    if (line.grossMargin() != null) {
                        margin.add(line.grossMargin().multiply(rate), line.eventId());
                    } else {
                        assumedRevenue.add(amount, line.eventId());
                        assumed.add(amount.multiply(assumedMargin), line.eventId());
                        margin.add(amount.multiply(assumedMargin), line.eventId());
                    }
                }
                case COST -> {
                    BigDecimal rate = rate(line, used);
                    if (rate == null) {
                        leaveOut(unconverted, line);
                        continue;
                    }
                    BigDecimal amount = line.amount().multiply(rate);
                    cost.add(amount, line.eventId());
                    activities.computeIfAbsent(line.activity(), ActivitySum::new).known(amount, line.eventId());
                }
                case ACTIVITY -> {
                    ActivityRatesSet card = reference.cardFor(line.month()).orElse(null);
                    BigDecimal unitCost = card == null || !card.reportingCurrency().equals(reportingCurrency) ? null
                            : card.costPerUnit().get(line.activity());
                    if (unitCost == null) {
                        String reason = card == null ? "no activity rate card applies to " + month
                                : !card.reportingCurrency().equals(reportingCurrency) ? "the card of " + card.appliesFrom()
                                + " is in " + card.reportingCurrency() + ", not " + reportingCurrency
                                : "the card of " + card.appliesFrom() + " has no price for " + line.activity();
                        unpriced.merge(month + " " + line.activity(), new Unpriced(month, line.activity(),
                                line.quantity(), eventIds(line), reason), (a, b) -> new Unpriced(a.month(),
                                a.activity(), a.units().add(b.units()), concat(a.eventIds(), b.eventIds()), a.reason()));
                        continue;
                    }
                    used.add(card.key() + " v" + card.version());
                    BigDecimal amount = line.quantity().multiply(unitCost);
                    cost.add(amount, line.eventId());
                    activities.computeIfAbsent(line.activity(), ActivitySum::new).units(line.quantity(), unitCost, amount,
                            line.eventId());
                }
            }
        }
        BigDecimal profit = margin.total().subtract(cost.total()).setScale(SCALE, RoundingMode.HALF_EVEN);
        BigDecimal percent = revenue.total().signum() == 0 ? null : profit.multiply(BigDecimal.valueOf(100))
                .divide(revenue.total(), 1, RoundingMode.HALF_EVEN);
        return new Totals(revenue.figure(), margin.figure(), assumedRevenue.ids.isEmpty() ? null
                : new AssumedMargin(money(assumedRevenue.total()), assumedMargin, money(assumed.total()),
                List.copyOf(assumedRevenue.ids)), cost.figure(),
                activities.values().stream().map(ActivitySum::cost).toList(), profit, percent,
                List.copyOf(unconverted.values()), List.copyOf(unpriced.values()), List.copyOf(used));
    }

    /** The line's rate into the reporting currency in its month, noting the rates used; null when there is none. */
    private BigDecimal rate(Ledger line, TreeSet<String> used) {
        BigDecimal rate = reference.rate(line.month(), line.currency(), reportingCurrency).orElse(null);
        if (rate != null && !line.currency().equals(reportingCurrency)) {
            ExchangeRatesSet set = reference.ratesOf(line.month()).orElseThrow();
            used.add(set.key() + " v" + set.version());
        }
        return rate;
    }

    private static List<String> eventIds(Ledger line) {
        return line.eventId() == null ? List.of() : List.of(line.eventId());
    }

    /** Adds the line's amount to what is left out of its month and currency. */
    private void leaveOut(Map<String, Unconverted> unconverted, Ledger line) {
        unconverted.merge(line.month() + " " + line.currency(), unconverted(line),
                (a, b) -> new Unconverted(a.month(), a.currency(), a.amount().add(b.amount()),
                        concat(a.eventIds(), b.eventIds()), a.reason()));
    }

    private Unconverted unconverted(Ledger line) {
        String month = line.month().toString();
        ExchangeRatesSet set = reference.ratesOf(line.month()).orElse(null);
        String reason = set == null ? "no exchange rates were set for " + month
                : !set.reportingCurrency().equals(reportingCurrency) ? "the rates of " + month + " convert into "
                + set.reportingCurrency() + ", not " + reportingCurrency
                : "the rates of " + month + " (v" + set.version() + ") have none for " + line.currency();
        return new Unconverted(month, line.currency(), line.amount(), eventIds(line), reason);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
    }

    /** A running total and its events. */
    private static final class Sum {
        private BigDecimal total = BigDecimal.ZERO;
        private final List<String> ids = new ArrayList<>();

        void add(BigDecimal amount, String eventId) {
            total = total.add(amount);
            if (eventId != null && !ids.contains(eventId)) { // a line kept without its event (PortfolioRanking) names none
                ids.add(eventId);
            }
        }

        BigDecimal total() {
            return total;
        }

        Figure figure() {
            return new Figure(money(total), List.copyOf(ids));
        }
    }

    /** One activity's running cost: units priced by the card, and costs already known. */
    private static final class ActivitySum {
        private final String activity;
        private BigDecimal units;
        private BigDecimal costPerUnit;
        private final Sum cost = new Sum();

        ActivitySum(String activity) {
            this.activity = activity;
        }

        void units(BigDecimal quantity, BigDecimal unitCost, BigDecimal amount, String eventId) {
            if (units == null) {
                units = quantity;
                costPerUnit = unitCost;
            } else {
                units = units.add(quantity);
                // Months under different cards can price the same activity differently: then no one unit cost is shown.
                if (costPerUnit != null && costPerUnit.compareTo(unitCost) != 0) {
                    costPerUnit = null;
                }
            }
            cost.add(amount, eventId);
        }

        void known(BigDecimal amount, String eventId) {
            cost.add(amount, eventId);
        }

        ActivityCost cost() {
            Figure figure = cost.figure();
            BigDecimal plain = units == null ? null : units.stripTrailingZeros();
            if (plain != null && plain.scale() < 0) {
                plain = plain.setScale(0);
            }
            return new ActivityCost(activity, plain, costPerUnit,
                    figure.amount(), figure.eventIds());
        }
    }
}
