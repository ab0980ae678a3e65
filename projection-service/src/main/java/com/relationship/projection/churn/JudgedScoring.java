package com.relationship.projection.churn;

import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.bonding.Bond;
import com.relationship.projection.bonding.BondingLevel;
import com.relationship.projection.churn.ChurnInputs.Purchase;
import com.relationship.projection.churn.ChurnModel.MissingData;
import com.relationship.projection.churn.ChurnScore.Points;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second generation of the churn score (issue 27): what v1 got wrong, read again.
 * <ul>
 * <li>Spend in money against the account's own rhythm: days since its last purchase against its
 *     typical interval between purchases (B2B buying is infrequent, seed 002: order counts per
 *     quarter are noise), and the revenue of the last 12 months against the 12 before. Silence on
 *     orders keeps raising the risk.</li>
 * <li>Missing data is a state, not health: a factor without data scores a configured prior share of
 *     its weight, or is left out with the others rescaled, and says which.</li>
 * <li>A survey fades with its age (a half-life): the faded part reads as no data.</li>
 * <li>Bonds are graded by the bonding model's strength (0-100): a SOCIAL bond protects less than a
 *     STRUCTURAL one.</li>
 * </ul>
 * Indifference and the unheard voice read as in version 1 ({@link Assessment}).
 */
final class JudgedScoring {

    private final ChurnModel model;
    private final ChurnModel.Judgement judgement;

    JudgedScoring(ChurnModel model) {
        this.model = model;
        this.judgement = model.judgement();
    }

    /**
     * Every factor's points, in {@link ChurnFactor} order (they add up to the score, at most 100), and the
     * share of its weight each factor gives (0 to 1, a factor without data at the prior): the score under
     * any weights is the shares' weighted sum, which lets a backtest try other weights without scoring again.
     */
    record Judged(List<Points> factors, Map<ChurnFactor, Double> shares, Rhythm rhythm, Revenue revenue) {
    }

    Judged score(ChurnInputs account, BondingLevel bonds, Instant now) {
        // Read once: the spend factor, the next rescore and revenue at risk all go by them.
        Rhythm rhythm = Rhythm.of(account.purchases(), now, judgement);
        Revenue revenue = Revenue.of(account.purchases(), now, judgement.revenueWindow());
        Map<ChurnFactor, Assessment> read = assessed(account, bonds, now, rhythm, revenue);
        Map<ChurnFactor, Double> weights = effectiveWeights(read);
        Map<ChurnFactor, Integer> points = apportioned(read, weights);
        List<Points> factors = new ArrayList<>();
        Map<ChurnFactor, Double> shares = new EnumMap<>(ChurnFactor.class);
        for (ChurnFactor factor : ChurnFactor.values()) {
            Assessment a = read.get(factor);
            factors.add(new Points(factor, points.get(factor), explained(a), a.eventIds()));
            shares.put(factor, a.hasData() ? a.share() : judgement.missingDataPrior());
        }
        if (account.stage() == LifecycleStage.LAPSED) {
            // Lost until won back: the stage takes the rest up to 100, as in version 1.
            int others = factors.stream().filter(p -> p.factor() != ChurnFactor.STAGE).mapToInt(Points::points).sum();
            Assessment stage = read.get(ChurnFactor.STAGE);
            factors.set(ChurnFactor.STAGE.ordinal(), new Points(ChurnFactor.STAGE, 100 - others, stage.reason(),
                    stage.eventIds()));
        }
        return new Judged(factors, shares, rhythm, revenue);
    }

    private Map<ChurnFactor, Assessment> assessed(ChurnInputs account, BondingLevel bonds, Instant now, Rhythm rhythm,
                                                  Revenue revenue) {
        Map<ChurnFactor, Assessment> read = new EnumMap<>(ChurnFactor.class);
        read.put(ChurnFactor.INDIFFERENCE, Assessment.indifference(model, account, now));
        read.put(ChurnFactor.UNHEARD_VOICE, Assessment.unheardVoice(account, now));
        read.put(ChurnFactor.SATISFACTION, satisfaction(account, now));
        read.put(ChurnFactor.WEAK_BONDS, bonds(account, bonds, now));
        read.put(ChurnFactor.SPEND_TREND, spend(account, now, rhythm, revenue));
        read.put(ChurnFactor.STAGE, stage(account));
        return read;
    }

    /**
     * Its revenue of the last window in its main currency, weighed by the band's chance of a lapse within a
     * year: observed by the latest backtest of this scoring ({@code calibration}), else the band's assumed
     * prior; null when no purchase in the window has an amount.
     */
    ChurnScore.RevenueAtRisk revenueAtRisk(Revenue revenue, ChurnBand band, LapseCalibration calibration) {
        if (revenue.currency() == null || revenue.current().signum() == 0) {
            return null;
        }
        double prior = judgement.lapsePriors().get(band);
        LapseCalibration.Chance chance = calibration == null
                ? new LapseCalibration.Chance(prior, "the " + band + " band's assumed lapse chance (projection.churn.lapse-prior."
                        + band.name().toLowerCase() + "): no backtest has calibrated the model yet", null)
                : calibration.chance(band, prior);
        BigDecimal amount = revenue.current().multiply(BigDecimal.valueOf(chance.probability()))
                .setScale(Math.max(2, revenue.current().scale()), java.math.RoundingMode.HALF_EVEN);
        return new ChurnScore.RevenueAtRisk(revenue.current(), revenue.currency(), chance.probability(), amount,
                chance.basis(), chance.calibratedBy());
    }

    /**
     * The instants at which time alone moves a version 2 score beyond what version 1 already watches:
     * silence on orders growing, a purchase leaving a revenue window, a survey fading.
     */
    Instant nextRescoreAt(ChurnInputs account, Instant now, Rhythm rhythm) {
        List<Instant> candidates = new ArrayList<>();
        if (rhythm.last() != null) {
            Instant silenceStarts = rhythm.last().plus(rhythm.interval());
            Instant silenceFull = rhythm.last().plusSeconds((long) (rhythm.interval().toSeconds()
                    * (1 + judgement.orderSilenceSpan())));
            candidates.add(silenceStarts.isAfter(now) ? silenceStarts
                    : silenceFull.isAfter(now) ? min(now.plus(model.rescoreStep()), silenceFull) : null);
        }
        for (Purchase purchase : account.purchases()) {
            candidates.add(purchase.at().plus(judgement.revenueWindow()));
            candidates.add(purchase.at().plus(judgement.revenueWindow()).plus(judgement.revenueWindow()));
        }
        ChurnInputs.Survey survey = account.latestSurvey();
        if (survey != null && freshness(survey, now) > 0.05) {
            candidates.add(now.plus(model.rescoreStep()));
        }
        return candidates.stream().filter(at -> at != null && at.isAfter(now)).min(Comparator.naturalOrder())
                .orElse(null);
    }

    // --- the factors ------------------------------------------------------------------------------

    private Assessment satisfaction(ChurnInputs account, Instant now) {
        ChurnInputs.Survey survey = account.latestSurvey();
        if (survey == null) {
            return new Assessment(ChurnFactor.SATISFACTION, null, "No satisfaction survey yet.", List.of());
        }
        // 8 and above is satisfied (NPS promoters start at 9, passives at 7); 0 is the most points.
        double said = Assessment.clamp((8 - survey.score()) / 8.0);
        double fresh = freshness(survey, now);
        double share = fresh * said + (1 - fresh) * judgement.missingDataPrior();
        long days = Duration.between(survey.at(), now).toDays();
        String reason = "The latest " + survey.instrument() + " survey scored " + survey.score() + " of 10, " + days
                + " days ago";
        reason += fresh > 0.99 ? "." : "; at a half-life of " + judgement.surveyHalfLife().toDays() + " days it counts "
                + percent(fresh) + ", the rest is read as no data (" + percent(judgement.missingDataPrior()) + ").";
        return new Assessment(ChurnFactor.SATISFACTION, share, reason, List.of(survey.eventId()));
    }

    private double freshness(ChurnInputs.Survey survey, Instant now) {
        double halfLives = (double) Math.max(0, Duration.between(survey.at(), now).toSeconds())
                / judgement.surveyHalfLife().toSeconds();
        return Math.pow(0.5, halfLives);
    }

    private Assessment bonds(ChurnInputs account, BondingLevel bonds, Instant now) {
        List<String> causes = account.bonds().stream().filter(bond -> bond.activeAt(now)).map(Bond::eventId).toList();
        if (bonds.highestLevel() == null) {
            return new Assessment(ChurnFactor.WEAK_BONDS, 1.0, "No bond holds the account: switching costs are low.",
                    List.of());
        }
        return new Assessment(ChurnFactor.WEAK_BONDS, Assessment.clamp(1 - bonds.strength() / 100.0), "Bond strength "
                + bonds.strength() + " of 100 (its deepest bond " + bonds.highestLevel() + "): the stronger the bonds,"
                + " the higher its switching costs.", causes);
    }

    private Assessment spend(ChurnInputs account, Instant now, Rhythm rhythm, Revenue revenue) {
        List<String> causes = rhythm.recent().stream().map(Purchase::eventId).toList();
        if (rhythm.last() == null) {
            if (account.stage() != LifecycleStage.PROSPECT) {
                // It bought (its stage says so), but nothing in the window kept: silent for longer than that.
                return new Assessment(ChurnFactor.SPEND_TREND, 1.0, "No purchase in the last "
                        + model.purchasesKept().toDays() + " days.", List.of());
            }
            return new Assessment(ChurnFactor.SPEND_TREND, null, "No purchase yet.", List.of());
        }
        long silentDays = Duration.between(rhythm.last(), now).toDays();
        double intervals = (double) Duration.between(rhythm.last(), now).toSeconds() / rhythm.interval().toSeconds();
        double silence = Assessment.clamp((intervals - 1) / judgement.orderSilenceSpan());
        StringBuilder reason = new StringBuilder("Last purchase " + silentDays + " days ago; it buys about every "
                + rhythm.interval().toDays() + " days" + (rhythm.measured() ? "" : " (assumed: fewer than two purchases"
                + " to measure its own rhythm)") + ".");
        double fall = 0;
        if (revenue.currency() != null) {
            long months = Math.round(judgement.revenueWindow().toDays() / 30.4);
            reason.append(" Revenue in the last ").append(months).append(" months ").append(revenue.current()
                    .toPlainString()).append(' ').append(revenue.currency()).append(" against ")
                    .append(revenue.previous().toPlainString()).append(' ').append(revenue.currency()).append(" in the ")
                    .append(months).append(" before");
            if (revenue.previous().signum() > 0) {
                fall = Assessment.clamp(revenue.previous().subtract(revenue.current()).doubleValue()
                        / revenue.previous().doubleValue());
                reason.append(fall > 0 ? " (down " + percent(fall) + ")" : "");
            }
            reason.append('.');
            if (revenue.leftOut() > 0) {
                reason.append(' ').append(revenue.leftOut()).append(" purchase(s) in another currency or without an"
                        + " amount are left out of the revenue (no exchange rates yet).");
            }
        }
        return new Assessment(ChurnFactor.SPEND_TREND, Math.max(silence, fall), reason.toString(), causes);
    }

    private Assessment stage(ChurnInputs account) {
        List<String> cause = account.stageEventId() == null ? List.of() : List.of(account.stageEventId());
        return switch (account.stage()) {
            case LAPSED -> new Assessment(ChurnFactor.STAGE, 1.0, "The account lapsed"
                    + (account.lapsedFrom() != null ? " from " + account.lapsedFrom() : "")
                    + ": it is lost until it is won back.", cause);
            case PROSPECT, CUSTOMER -> new Assessment(ChurnFactor.STAGE, 1.0, account.stage()
                    + " is the switching stage: the relationship has no depth yet.", cause);
            case CLIENT -> new Assessment(ChurnFactor.STAGE, 0.5, "A CLIENT buys again but is not yet committed.", cause);
            default -> new Assessment(ChurnFactor.STAGE, 0.0, "A " + account.stage() + " is committed to the relationship.",
                    cause);
        };
    }

    // --- missing data and points ------------------------------------------------------------------

    /** Each factor's weight as scored: configured, or, with RESCALE, 0 for a factor without data and the rest scaled to 100. */
    private Map<ChurnFactor, Double> effectiveWeights(Map<ChurnFactor, Assessment> read) {
        Map<ChurnFactor, Double> weights = new EnumMap<>(ChurnFactor.class);
        double withData = read.values().stream().filter(Assessment::hasData).mapToInt(a -> model.weight(a.factor())).sum();
        boolean rescale = judgement.missingData() == MissingData.RESCALE && withData > 0;
        for (ChurnFactor factor : ChurnFactor.values()) {
            double weight = model.weight(factor);
            weights.put(factor, !rescale ? weight : read.get(factor).hasData() ? weight * 100 / withData : 0.0);
        }
        return weights;
    }

    /** Whole points per factor adding up to the rounded total (largest remainders), so the score is their sum. */
    private Map<ChurnFactor, Integer> apportioned(Map<ChurnFactor, Assessment> read, Map<ChurnFactor, Double> weights) {
        Map<ChurnFactor, Double> exact = new LinkedHashMap<>();
        for (ChurnFactor factor : ChurnFactor.values()) {
            Assessment a = read.get(factor);
            double share = a.hasData() ? a.share() : judgement.missingData() == MissingData.PRIOR
                    ? judgement.missingDataPrior() : 0;
            exact.put(factor, weights.get(factor) * share);
        }
        int total = (int) Math.round(exact.values().stream().mapToDouble(Double::doubleValue).sum());
        Map<ChurnFactor, Integer> points = new EnumMap<>(ChurnFactor.class);
        exact.forEach((factor, value) -> points.put(factor, (int) Math.floor(value)));
        int left = total - points.values().stream().mapToInt(Integer::intValue).sum();
        List<ChurnFactor> byRemainder = new ArrayList<>(exact.keySet());
        byRemainder.sort(Comparator.comparingDouble((ChurnFactor f) -> exact.get(f) - Math.floor(exact.get(f))).reversed());
        for (int i = 0; i < left; i++) {
            ChurnFactor factor = byRemainder.get(i % byRemainder.size());
            points.merge(factor, 1, Integer::sum);
        }
        return points;
    }

    /** The reason, and for a factor without data what it scored instead and why (the configuration). */
    private String explained(Assessment a) {
        if (a.hasData()) {
            return a.reason();
        }
        return switch (judgement.missingData()) {
            case PRIOR -> a.reason() + " No data is not health: scored at the prior, "
                    + percent(judgement.missingDataPrior()) + " of its weight (projection.churn.missing-data=prior).";
            case RESCALE -> a.reason() + " Left out: the other factors' weights are scaled up to make 100"
                    + " (projection.churn.missing-data=rescale).";
        };
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * When the account last bought and how often it buys: the median interval between its purchases
     * on different days, or the configured usual interval with fewer than two.
     *
     * @param recent the purchases up to now, newest first
     */
    record Rhythm(Instant last, Duration interval, boolean measured, List<Purchase> recent) {

        static Rhythm of(List<Purchase> purchases, Instant now, ChurnModel.Judgement judgement) {
            List<Purchase> upToNow = purchases.stream().filter(p -> !p.at().isAfter(now))
                    .sorted(Comparator.comparing(Purchase::at).reversed()).toList();
            if (upToNow.isEmpty()) {
                return new Rhythm(null, judgement.usualPurchaseInterval(), false, List.of());
            }
            List<Long> gaps = new ArrayList<>();
            for (int i = 0; i + 1 < upToNow.size(); i++) {
                long gap = Duration.between(upToNow.get(i + 1).at(), upToNow.get(i).at()).toSeconds();
                if (gap >= Duration.ofDays(1).toSeconds()) { // two orders on one day are one buying moment
                    gaps.add(gap);
                }
            }
            if (gaps.isEmpty()) {
                return new Rhythm(upToNow.get(0).at(), judgement.usualPurchaseInterval(), false, upToNow);
            }
            gaps.sort(Comparator.naturalOrder());
            long median = gaps.size() % 2 == 1 ? gaps.get(gaps.size() / 2)
                    : (gaps.get(gaps.size() / 2 - 1) + gaps.get(gaps.size() / 2)) / 2;
            return new Rhythm(upToNow.get(0).at(), Duration.ofSeconds(median), true, upToNow);
        }
    }

    /**
     * The revenue of the window up to now and of the one before, in the account's main currency (the
     * one it spent most in over both); purchases in other currencies or without an amount are counted
     * in {@code leftOut}.
     *
     * @param currency null when no purchase in either window has an amount
     */
    record Revenue(String currency, BigDecimal current, BigDecimal previous, int leftOut) {

        static Revenue of(List<Purchase> purchases, Instant now, Duration window) {
            Instant currentFrom = now.minus(window);
            Instant previousFrom = currentFrom.minus(window);
            List<Purchase> inBoth = purchases.stream()
                    .filter(p -> p.at().isAfter(previousFrom) && !p.at().isAfter(now)).toList();
            Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
            inBoth.stream().filter(p -> p.amount() != null && p.currency() != null)
                    .forEach(p -> byCurrency.merge(p.currency(), p.amount(), BigDecimal::add));
            String main = byCurrency.entrySet().stream().max(Map.Entry.<String, BigDecimal>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                    .orElse(null);
            BigDecimal current = BigDecimal.ZERO;
            BigDecimal previous = BigDecimal.ZERO;
            int leftOut = 0;
            for (Purchase p : inBoth) {
                if (main == null || p.amount() == null || !main.equals(p.currency())) {
                    leftOut++;
                } else if (p.at().isAfter(currentFrom)) {
                    current = current.add(p.amount());
                } else {
                    previous = previous.add(p.amount());
                }
            }
            return new Revenue(main, current, previous, leftOut);
        }
    }
}
