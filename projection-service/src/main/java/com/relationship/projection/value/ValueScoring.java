package com.relationship.projection.value;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.ValueComponent;
import com.relationship.projection.bonding.Bond;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the six indices of seed 002's lifetime value model for one account, each from 0 to 100, and weighs
 * them into points of 100. Where the seed names a measure the events cannot tell (projected spend, contract
 * length, outsource potential, future value), the account manager's judgement ({@code ValueComponentAssessed})
 * is read; a measure nobody recorded gives no points and says so: missing data is never taken for value.
 * <ul>
 *   <li>AVERAGE_REVENUE: the account's spend (its trailing twelve months' revenue, averaged with the projected
 *       spend when one is assessed) as a percentile of the ranked accounts' spends.</li>
 *   <li>REVENUE_CHANGE: 50 for the same spend as the twelve months before, 0 at -100%, 100 at +100% or more;
 *       75 for spend with none the year before (new business), 0 for none in either year.</li>
 *   <li>CURRENT_RELATIONSHIP: years as a client, 10 points a year up to 100, averaged with the contract length
 *       assessed (a score, or an amount read as months: 60 months or more is 100).</li>
 *   <li>TECHNOLOGY_ENTANGLEMENT: STRUCTURAL bonds in force 30 each (60 at most), CUSTOMIZATION bonds 15 each (30),
 *       PORTAL interactions of the last year 2 each (10), EMAIL ones 1 each (10); averaged with the entanglement
 *       assessed.</li>
 *   <li>SHARE_OF_CLIENT: the outsource potential assessed; without one, the room the latest wallet estimate
 *       leaves (100 less our share of it).</li>
 *   <li>PARTNERSHIP: a DECISION_MAKER, SPONSOR or CHAMPION reached two-way in the last year 40 (an influential
 *       contact, influence 4 or 5, 25), a referral in the last two years 30, and the future value assessed times
 *       0.3.</li>
 * </ul>
 */
final class ValueScoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Duration YEAR = Duration.ofDays(365);

    private final Map<ValueIndex, Integer> weights;

    ValueScoring(Map<ValueIndex, Integer> weights) {
        this.weights = weights;
    }

    /**
     * What one account's indices are scored from.
     *
     * @param spend            this year's revenue averaged with the projected spend, in the reporting currency
     * @param spendPercentile  where that spend stands among the ranked accounts', 0 to 100
     * @param thisYear         revenue of the trailing twelve months; null when it is not priced yet
     * @param priorYear        revenue of the twelve months before
     * @param projectedSpend   the projected spend assessed, converted; null when none (or not convertible)
     * @param walletShare      our share of the latest wallet estimate, %; null without one
     * @param contactReached   the most senior contact reached two-way in the last year; null when none
     */
    record Inputs(ValueView view, BigDecimal spend, BigDecimal spendPercentile, Revenue thisYear, Revenue priorYear,
                  BigDecimal projectedSpend, BigDecimal walletShare, String walletEventId, ContactReached contactReached,
                  String currency, Instant now) {
    }

    /** Revenue over twelve months: its amount, whether every purchase could be converted, and the purchases. */
    record Revenue(BigDecimal amount, boolean complete, List<String> eventIds) {
    }

    /** A contact reached two-way: their role, whether it is a senior one, when, and the interaction's event. */
    record ContactReached(String role, boolean senior, Instant at, String eventId) {
    }

    List<IndexScore> score(Inputs in) {
        return List.of(averageRevenue(in), revenueChange(in), currentRelationship(in), entanglement(in),
                shareOfClient(in), partnership(in));
    }

    /** The sum of the indices' points: the lifetime value score, 0 to 100. */
    static BigDecimal total(List<IndexScore> indices) {
        return indices.stream().map(IndexScore::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(1, RoundingMode.HALF_EVEN);
    }

    private IndexScore averageRevenue(Inputs in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<String> events = new ArrayList<>();
        if (in.thisYear() == null) {
            return index(ValueIndex.AVERAGE_REVENUE, BigDecimal.ZERO, inputs, "Its revenue is not priced yet: no points.", events);
        }
        inputs.put("revenueTrailingYear", in.thisYear().amount());
        events.addAll(in.thisYear().eventIds());
        String said = "revenue " + money(in.thisYear().amount()) + " " + in.currency() + " over the last twelve months";
        ValueView.Judgement projected = in.view().judgements().get(ValueComponent.PROJECTED_SPEND);
        if (in.projectedSpend() != null) {
            inputs.put("projectedSpend", in.projectedSpend());
            events.add(projected.eventId());
            said += ", projected " + money(in.projectedSpend()) + " (averaged: " + money(in.spend()) + ")";
        } else if (projected != null) {
            said += "; the projected spend assessed (" + projected.currency() + ") has no exchange rate: left out";
        }
        inputs.put("spendPercentile", in.spendPercentile());
        return index(ValueIndex.AVERAGE_REVENUE, in.spendPercentile(), inputs, capital(said) + ": above "
                + in.spendPercentile().toPlainString() + "% of the ranked accounts" + incomplete(in.thisYear()) + ".", events);
    }

    private IndexScore revenueChange(Inputs in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<String> events = new ArrayList<>();
        if (in.thisYear() == null || in.priorYear() == null) {
            return index(ValueIndex.REVENUE_CHANGE, BigDecimal.ZERO, inputs, "Its revenue is not priced yet: no points.", events);
        }
        BigDecimal now = in.thisYear().amount();
        BigDecimal before = in.priorYear().amount();
        inputs.put("revenueTrailingYear", now);
        inputs.put("revenueYearBefore", before);
        events.addAll(in.thisYear().eventIds());
        events.addAll(in.priorYear().eventIds());
        if (before.signum() == 0) {
            boolean newBusiness = now.signum() > 0;
            return index(ValueIndex.REVENUE_CHANGE, BigDecimal.valueOf(newBusiness ? 75 : 0), inputs, newBusiness
                    ? "Revenue " + money(now) + " " + in.currency() + " over the last twelve months and none the twelve"
                    + " before: new business." : "No revenue in either of the last two years.", events);
        }
        BigDecimal change = now.subtract(before).multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_EVEN);
        inputs.put("changePercent", change);
        BigDecimal score = clamp(BigDecimal.valueOf(50).add(change.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_EVEN)));
        return index(ValueIndex.REVENUE_CHANGE, score, inputs, "Revenue " + money(now) + " " + in.currency()
                + " over the last twelve months against " + money(before) + " the twelve before: "
                + (change.signum() >= 0 ? "+" : "") + change.toPlainString() + "%" + incomplete(in.thisYear()) + ".", events);
    }

    private IndexScore currentRelationship(Inputs in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<String> events = new ArrayList<>();
        List<BigDecimal> parts = new ArrayList<>();
        List<String> said = new ArrayList<>();
        if (in.view().clientSince() != null) {
            BigDecimal years = BigDecimal.valueOf(Duration.between(in.view().clientSince(), in.now()).toDays())
                    .divide(BigDecimal.valueOf(365), 1, RoundingMode.HALF_EVEN).max(BigDecimal.ZERO);
            inputs.put("yearsAsClient", years);
            inputs.put("clientSince", in.view().clientSince());
            parts.add(clamp(years.multiply(BigDecimal.TEN)));
            said.add("a client for " + years.toPlainString() + " years (since " + in.view().clientSince() + ")");
        } else {
            parts.add(BigDecimal.ZERO);
            said.add("never a client yet");
        }
        ValueView.Judgement contract = in.view().judgements().get(ValueComponent.CONTRACT_LENGTH);
        if (contract != null) {
            BigDecimal score = contract.score() != null ? BigDecimal.valueOf(contract.score())
                    : clamp(contract.amount().multiply(HUNDRED).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_EVEN));
            inputs.put("contractLength", contract.score() != null ? contract.score() : contract.amount() + " months");
            parts.add(score);
            events.add(contract.eventId());
            said.add("the contract assessed at " + score.toPlainString() + " (" + contract.rationale() + ")");
        } else {
            said.add("no contract length assessed");
        }
        return index(ValueIndex.CURRENT_RELATIONSHIP, average(parts), inputs, capital(String.join("; ", said)) + ".", events);
    }

    private IndexScore entanglement(Inputs in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<String> events = new ArrayList<>();
        int structural = 0;
        int customization = 0;
        for (Bond bond : in.view().bonds()) {
            if (bond.activeAt(in.now()) && (bond.kind() == BondKind.STRUCTURAL || bond.kind() == BondKind.CUSTOMIZATION)) {
                if (bond.kind() == BondKind.STRUCTURAL) {
                    structural++;
                } else {
                    customization++;
                }
                events.add(bond.eventId());
            }
        }
        int portal = 0;
        int email = 0;
        Instant yearAgo = in.now().minus(YEAR);
        for (ValueView.Touch touch : in.view().channelTouches()) {
            if (touch.at().isAfter(yearAgo) && !touch.at().isAfter(in.now())) {
                if (touch.kind().equals("PORTAL")) {
                    portal++;
                } else {
                    email++;
                }
                events.add(touch.eventId());
            }
        }
        inputs.put("structuralBonds", structural);
        inputs.put("customizationBonds", customization);
        inputs.put("portalInteractionsLastYear", portal);
        inputs.put("emailInteractionsLastYear", email);
        BigDecimal fromEvents = clamp(BigDecimal.valueOf(Math.min(60, 30 * structural) + Math.min(30, 15 * customization)
                + Math.min(10, 2 * portal) + Math.min(10, email)));
        String said = structural + " STRUCTURAL and " + customization + " CUSTOMIZATION bonds in force, " + portal
                + " PORTAL and " + email + " EMAIL interactions in the last year: " + fromEvents.toPlainString();
        ValueView.Judgement assessed = in.view().judgements().get(ValueComponent.TECHNOLOGY_ENTANGLEMENT);
        BigDecimal score = fromEvents;
        if (assessed != null && assessed.score() != null) {
            inputs.put("assessed", assessed.score());
            events.add(assessed.eventId());
            score = average(List.of(fromEvents, BigDecimal.valueOf(assessed.score())));
            said += ", averaged with " + assessed.score() + " assessed (" + assessed.rationale() + ")";
        }
        return index(ValueIndex.TECHNOLOGY_ENTANGLEMENT, score, inputs, capital(said) + ".", events);
    }

    private IndexScore shareOfClient(Inputs in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<String> events = new ArrayList<>();
        ValueView.Judgement potential = in.view().judgements().get(ValueComponent.OUTSOURCE_POTENTIAL);
        if (potential != null && potential.score() != null) {
            inputs.put("outsourcePotential", potential.score());
            events.add(potential.eventId());
            return index(ValueIndex.SHARE_OF_CLIENT, BigDecimal.valueOf(potential.score()), inputs,
                    "Outsource potential assessed at " + potential.score() + " (" + potential.rationale() + ").", events);
        }
        if (in.walletShare() != null) {
            inputs.put("shareOfWalletPercent", in.walletShare());
            events.add(in.walletEventId());
            BigDecimal room = clamp(HUNDRED.subtract(in.walletShare()));
            return index(ValueIndex.SHARE_OF_CLIENT, room, inputs, "No outsource potential assessed; we have "
                    + in.walletShare().toPlainString() + "% of the latest wallet estimate: room for "
                    + room.toPlainString() + ".", events);
        }
        return index(ValueIndex.SHARE_OF_CLIENT, BigDecimal.ZERO, inputs, "Neither an outsource potential assessed nor a"
                + " wallet estimate: no points until one is recorded.", events);
    }

    private IndexScore partnership(Inputs in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<String> events = new ArrayList<>();
        List<String> said = new ArrayList<>();
        int points = 0;
        ContactReached reached = in.contactReached();
        if (reached != null) {
            int level = reached.senior() ? 40 : 25;
            points += level;
            inputs.put("contactReached", reached.role());
            events.add(reached.eventId());
            said.add((reached.senior() ? "a " + reached.role() : "an influential contact (" + reached.role() + ")")
                    + " reached on " + reached.at() + ": " + level);
        } else {
            said.add("no decision maker, sponsor, champion nor influential contact reached two-way in the last year");
        }
        ValueView.Touch referral = in.view().referrals().stream().filter(r -> r.at().isAfter(in.now().minus(YEAR.multipliedBy(2))))
                .max(java.util.Comparator.comparing(ValueView.Touch::at)).orElse(null);
        if (referral != null) {
            points += 30;
            inputs.put("referenceable", true);
            events.add(referral.eventId());
            said.add("referenceable (a referral on " + referral.at() + "): 30");
        } else {
            inputs.put("referenceable", false);
            said.add("no referral in the last two years");
        }
        ValueView.Judgement future = in.view().judgements().get(ValueComponent.FUTURE_VALUE);
        BigDecimal score = BigDecimal.valueOf(points);
        if (future != null && future.score() != null) {
            BigDecimal part = BigDecimal.valueOf(future.score()).multiply(new BigDecimal("0.3"));
            score = score.add(part);
            inputs.put("futureValue", future.score());
            events.add(future.eventId());
            said.add("future value assessed at " + future.score() + ": " + part.setScale(1, RoundingMode.HALF_EVEN).toPlainString());
        } else {
            said.add("no future value assessed");
        }
        return index(ValueIndex.PARTNERSHIP, clamp(score), inputs, capital(String.join("; ", said)) + ".", events);
    }

    private IndexScore index(ValueIndex index, BigDecimal score, Map<String, Object> inputs, String reason,
                             List<String> events) {
        int weight = weights.get(index);
        BigDecimal scored = clamp(score).setScale(1, RoundingMode.HALF_EVEN);
        BigDecimal points = scored.multiply(BigDecimal.valueOf(weight)).divide(HUNDRED, 1, RoundingMode.HALF_EVEN);
        return new IndexScore(index, weight, scored, points, inputs, reason + " " + points.toPlainString() + " of "
                + weight + " points.", events);
    }

    private static String incomplete(Revenue revenue) {
        return revenue.complete() ? "" : " (some purchases had no exchange rate: left out)";
    }

    private static BigDecimal average(List<BigDecimal> parts) {
        return parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(parts.size()), 1, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal clamp(BigDecimal score) {
        return score.max(BigDecimal.ZERO).min(HUNDRED);
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
