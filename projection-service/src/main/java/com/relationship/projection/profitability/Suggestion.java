package com.relationship.projection.profitability;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the service suggests the account team decide (issue 29, seed 000: "Keep profitable customers,
 * convert unprofitable ones to profitability, fire those who are not profitable"), from the trailing twelve
 * months' profit and the decisions recorded: KEEP a profitable account; CONVERT an unprofitable one, naming
 * its costliest activities and the levers they point to; FIRE is open once a CONVERT has stood for the
 * configured time and the account is still unprofitable (relationship-service refuses it before).
 *
 * @param levers     the levers the costs point to, for a CONVERT
 * @param costliest  the activities that cost the most in the window, most first (at most three)
 * @param fireOpenFrom when a FIRE is allowed, while a CONVERT stands; null otherwise
 * @param eventIds   the decision events it reads (the standing CONVERT)
 */
public record Suggestion(ProfitabilityDecision decision, List<ConversionLever> levers, List<String> costliest,
                         Instant fireOpenFrom, String reason, List<String> eventIds) {

    /** Activities a customer can be charged for (seed 000: "charge for services"). */
    private static final Set<String> CHARGEABLE = Set.of("SUPPORT_CASE", "CUSTOMIZATION", "EXPEDITED_DELIVERY", "TRAINING");
    /** Activities the seller can do less of, or more cheaply. */
    private static final Set<String> REDUCIBLE = Set.of("SALES_VISIT", "CALL");

    static Suggestion of(ProfitabilityView view, Pricing.Totals trailing, String window, Instant now,
                         Duration convertBeforeFire, BigDecimal assumedMargin, String currency) {
        String figures = "profit " + money(trailing.profit()) + " " + currency + " over " + window
                + (trailing.complete() ? "" : " (on what could be priced)");
        if (trailing.profit().signum() >= 0) {
            return new Suggestion(ProfitabilityDecision.KEEP, List.of(), List.of(), null,
                    "Profitable: " + figures + ". Keep it.", List.of());
        }
        List<Pricing.ActivityCost> top = trailing.byActivity().stream()
                .sorted(Comparator.comparing(Pricing.ActivityCost::amount).reversed()).limit(3).toList();
        List<String> costliest = top.stream().map(Pricing.ActivityCost::activity).toList();
        String costs = top.isEmpty() ? "" : "; the costliest: " + top.stream()
                .map(a -> a.activity() + " " + money(a.amount())).collect(Collectors.joining(", "));
        Instant converting = view.convertingSince();
        if (converting == null) {
            List<ConversionLever> levers = levers(trailing, assumedMargin);
            return new Suggestion(ProfitabilityDecision.CONVERT, levers, costliest, null, "Unprofitable: " + figures
                    + costs + ". Convert it: " + levers.stream().map(Enum::name).collect(Collectors.joining(", "))
                    + ".", List.of());
        }
        Instant open = converting.plus(convertBeforeFire);
        List<String> decisionIds = view.decisions().stream().filter(d -> !d.at().isBefore(converting)
                && d.decision() == ProfitabilityDecision.CONVERT).map(Decision::eventId).toList();
        if (now.isBefore(open)) {
            return new Suggestion(ProfitabilityDecision.CONVERT, List.of(), costliest, open, "Still unprofitable: "
                    + figures + costs + ". Converting since " + converting + "; if it stays unprofitable, FIRE opens "
                    + open + ".", decisionIds);
        }
        return new Suggestion(ProfitabilityDecision.FIRE, List.of(), costliest, open, "Still unprofitable "
                + Duration.between(converting, now).toDays() + " days after the CONVERT of " + converting + ": "
                + figures + costs + ". FIRE is open (better still, let it fire itself: raise prices, charge for"
                + " services).", decisionIds);
    }

    /** The levers the window's costs and margin point to; RAISE_PRICES when they point to none. */
    private static List<ConversionLever> levers(Pricing.Totals trailing, BigDecimal assumedMargin) {
        List<ConversionLever> levers = new ArrayList<>();
        BigDecimal revenue = trailing.revenue().amount();
        if (revenue.signum() > 0 && trailing.grossMargin().amount().compareTo(revenue.multiply(assumedMargin)) < 0) {
            levers.add(ConversionLever.RAISE_PRICES); // it earns less on what it buys than a purchase is assumed to
        }
        if (costOf(trailing, Set.of("DISCOUNT")).signum() > 0) {
            levers.add(ConversionLever.REMOVE_DISCOUNTS);
        }
        if (costOf(trailing, CHARGEABLE).signum() > 0) {
            levers.add(ConversionLever.CHARGE_FOR_SERVICES);
        }
        if (costOf(trailing, REDUCIBLE).signum() > 0) {
            levers.add(ConversionLever.REDUCE_COST_TO_SERVE);
        }
        return levers.isEmpty() ? List.of(ConversionLever.RAISE_PRICES) : List.copyOf(levers);
    }

    private static BigDecimal costOf(Pricing.Totals trailing, Set<String> activities) {
        return trailing.byActivity().stream().filter(a -> activities.contains(a.activity()))
                .map(Pricing.ActivityCost::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
