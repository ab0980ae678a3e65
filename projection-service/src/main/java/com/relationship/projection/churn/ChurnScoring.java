package com.relationship.projection.churn;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.bonding.Bond;
import com.relationship.projection.bonding.BondingLevel;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnInputs.Complaint;
import com.relationship.projection.churn.ChurnScore.Points;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The churn-risk score (docs/domain.md, "Churn risk"): a pure function of what the account did,
 * the model and the time. Seed 001: "70% of customers defect due to perceived indifference";
 * seed 000: switching costs hold collaborative customers. Each factor gives at most its weight;
 * the weights sum to 100, so the points add up to the score, except that a LAPSED account is
 * lost (its stage takes the points up to 100) and a DISQUALIFIED prospect has no relationship at
 * risk (0).
 */
public final class ChurnScoring {

    private final ChurnModel model;
    private final BondingModel bonding;
    private final JudgedScoring judged;
    private final String fingerprint;
    private final java.util.function.Supplier<LapseCalibration> calibration;
    private final TierCadences tiers;

    public ChurnScoring(ChurnModel model, BondingModel bonding) {
        this(model, bonding, () -> null);
    }

    public ChurnScoring(ChurnModel model, BondingModel bonding, java.util.function.Supplier<LapseCalibration> calibration) {
        this(model, bonding, calibration, TierCadences.NONE);
    }

    /**
     * @param calibration the latest backtest's observation of this scoring, read at each score (a backtest
     *                    can finish at any time); one of another scoring is not used
     * @param tiers       the cadence each account's value tier calls for, read at each score of an account by id
     */
    public ChurnScoring(ChurnModel model, BondingModel bonding, java.util.function.Supplier<LapseCalibration> calibration,
                        TierCadences tiers) {
        this.model = model;
        this.tiers = tiers;
        this.calibration = calibration;
        this.bonding = bonding;
        this.judged = new JudgedScoring(model);
        this.fingerprint = model.version() + ":" + digest(numbers(model) + "|" + bonding.firstBondPoints().entrySet()
                .stream().sorted(Map.Entry.comparingByKey()).toList() + bonding.extraBondShare() + "/"
                + bonding.maxExtraBonds() + "/" + bonding.expiringWithin());
    }

    /**
     * The model's version and a digest of every number of the churn and bonding models: changes
     * whenever a score could, so every read model scoring with it re-scores each account once.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The calibration revenue at risk uses now: the latest of this scoring, or null (the bands' priors). */
    public LapseCalibration calibration() {
        LapseCalibration latest = calibration.get();
        return latest != null && latest.modelFingerprint().equals(fingerprint) ? latest : null;
    }

    /** The account's score, held to the cadence its value tier calls for now where that is shorter than its stage's. */
    public ChurnScore score(java.util.UUID accountId, ChurnInputs account, Instant now) {
        return score(account.withTierCadence(tiers.of(accountId)), now);
    }

    public ChurnScore score(ChurnInputs account, Instant now) {
        if (account.stage() == LifecycleStage.DISQUALIFIED) {
            List<Points> none = new ArrayList<>();
            for (ChurnFactor factor : ChurnFactor.values()) {
                none.add(new Points(factor, 0, factor == ChurnFactor.STAGE
                        ? "A disqualified prospect has no relationship at risk." : "Not scored: the prospect is disqualified.",
                        factor == ChurnFactor.STAGE ? ids(account.stageEventId()) : List.of()));
            }
            return new ChurnScore(0, ChurnBand.LOW, none, model.version(), now, null);
        }
        BondingLevel bonds = BondingLevel.of(account.bonds(), bonding, now);
        if (model.generation() >= 2) {
            return secondGeneration(account, bonds, now).score();
        }
        List<Points> factors = new ArrayList<>(List.of(indifference(account, now), unheardVoice(account, now),
                satisfaction(account), weakBonds(account, bonds, now), spendTrend(account, now)));
        int others = factors.stream().mapToInt(Points::points).sum();
        factors.add(stage(account, others));
        int score = factors.stream().mapToInt(Points::points).sum();
        return new ChurnScore(score, band(score), factors, model.version(), now, nextRescoreAt(account, now));
    }

    /**
     * The score with version 2's share of each factor's weight (see {@code JudgedScoring.Judged}), for a
     * backtest that tries other weights on the same reading; empty shares for version 1, which scores
     * points, not shares.
     */
    public record Scored(ChurnScore score, Map<ChurnFactor, Double> shares) {
    }

    public Scored scoreWithShares(ChurnInputs account, Instant now) {
        if (model.generation() < 2 || account.stage() == LifecycleStage.DISQUALIFIED) {
            return new Scored(score(account, now), Map.of());
        }
        return secondGeneration(account, BondingLevel.of(account.bonds(), bonding, now), now);
    }

    private Scored secondGeneration(ChurnInputs account, BondingLevel bonds, Instant now) {
        JudgedScoring.Judged judgedNow = judged.score(account, bonds, now);
        int score = judgedNow.factors().stream().mapToInt(Points::points).sum();
        ChurnBand band = band(score);
        return new Scored(new ChurnScore(score, band, judgedNow.factors(), model.version(), now,
                earliest(nextRescoreAt(account, now), judged.nextRescoreAt(account, now, judgedNow.rhythm())),
                account.stage().canChurn() ? judged.revenueAtRisk(judgedNow.revenue(), band, calibration()) : null), judgedNow.shares());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    ChurnBand band(int score) {
        return score >= model.highFrom() ? ChurnBand.HIGH : score >= model.mediumFrom() ? ChurnBand.MEDIUM : ChurnBand.LOW;
    }

    private Points indifference(ChurnInputs account, Instant now) {
        return Assessment.indifference(model, account, now).points(model.weight(ChurnFactor.INDIFFERENCE));
    }

    private Points unheardVoice(ChurnInputs account, Instant now) {
        return Assessment.unheardVoice(account, now).points(model.weight(ChurnFactor.UNHEARD_VOICE));
    }

    private Points satisfaction(ChurnInputs account) {
        ChurnInputs.Survey survey = account.latestSurvey();
        if (survey == null) {
            return new Points(ChurnFactor.SATISFACTION, 0, "No satisfaction survey recorded yet.", List.of());
        }
        // 8 and above is satisfied (NPS promoters start at 9, passives at 7); 0 is the most points.
        int points = (int) Math.round(model.weight(ChurnFactor.SATISFACTION) * Assessment.clamp((8 - survey.score()) / 8.0));
        return new Points(ChurnFactor.SATISFACTION, points, "The latest " + survey.instrument() + " survey scored "
                + survey.score() + " of 10.", ids(survey.eventId()));
    }

    private Points weakBonds(ChurnInputs account, BondingLevel bonds, Instant now) {
        int weight = model.weight(ChurnFactor.WEAK_BONDS);
        List<String> causes = account.bonds().stream().filter(bond -> bond.activeAt(now)).map(Bond::eventId).toList();
        if (bonds.highestLevel() == null) {
            return new Points(ChurnFactor.WEAK_BONDS, weight, "No bond holds the account: switching costs are low.",
                    List.of());
        }
        if (bonds.highestLevel() == BondKind.FINANCIAL) {
            return new Points(ChurnFactor.WEAK_BONDS, (int) Math.round(weight * 2 / 3.0),
                    "Only financial bonds, which a rival can copy.", causes);
        }
        return new Points(ChurnFactor.WEAK_BONDS, 0, "A " + bonds.highestLevel() + " bond raises its switching costs.",
                causes);
    }

    private Points spendTrend(ChurnInputs account, Instant now) {
        Instant periodStart = now.minus(model.spendPeriod());
        Instant previousStart = periodStart.minus(model.spendPeriod());
        List<ChurnInputs.Purchase> current = account.purchases().stream()
                .filter(p -> !p.at().isBefore(periodStart) && !p.at().isAfter(now)).toList();
        List<ChurnInputs.Purchase> previous = account.purchases().stream()
                .filter(p -> !p.at().isBefore(previousStart) && p.at().isBefore(periodStart)).toList();
        long days = model.spendPeriod().toDays();
        List<String> causes = new ArrayList<>();
        previous.forEach(p -> causes.add(p.eventId()));
        current.forEach(p -> causes.add(p.eventId()));
        if (previous.isEmpty()) {
            return new Points(ChurnFactor.SPEND_TREND, 0, current.size() + " purchase(s) in the last " + days
                    + " days and none in the " + days + " before: no fall to measure.", causes);
        }
        double fall = Assessment.clamp((previous.size() - current.size()) / (double) previous.size());
        int points = (int) Math.round(model.weight(ChurnFactor.SPEND_TREND) * fall);
        return new Points(ChurnFactor.SPEND_TREND, points, current.size() + " purchase(s) in the last " + days
                + " days against " + previous.size() + " in the " + days + " before.", causes);
    }

    private Points stage(ChurnInputs account, int otherPoints) {
        int weight = model.weight(ChurnFactor.STAGE);
        List<String> cause = ids(account.stageEventId());
        return switch (account.stage()) {
            case LAPSED -> new Points(ChurnFactor.STAGE, 100 - otherPoints, "The account lapsed"
                    + (account.lapsedFrom() != null ? " from " + account.lapsedFrom() : "")
                    + ": it is lost until it is won back.", cause);
            case PROSPECT, CUSTOMER -> new Points(ChurnFactor.STAGE, weight, account.stage()
                    + " is the switching stage: the relationship has no depth yet.", cause);
            case CLIENT -> new Points(ChurnFactor.STAGE, (int) Math.round(weight / 2.0),
                    "A CLIENT buys again but is not yet committed.", cause);
            default -> new Points(ChurnFactor.STAGE, 0, "A " + account.stage() + " is committed to the relationship.",
                    cause);
        };
    }

    /** The earliest instant at which time alone can move the score; see {@link ChurnScore#nextRescoreAt()}. */
    private Instant nextRescoreAt(ChurnInputs account, Instant now) {
        List<Instant> candidates = new ArrayList<>();
        Duration cadence = cadence(account);
        Instant since = account.lastTwoWayInteraction() != null ? account.lastTwoWayInteraction().at()
                : account.registeredAt();
        Instant silenceStarts = since.plus(cadence);
        Instant silenceFull = since.plusSeconds((long) (cadence.toSeconds() * (1 + model.indifferenceSpan())));
        if (silenceStarts.isAfter(now)) {
            candidates.add(silenceStarts);
        } else if (silenceFull.isAfter(now)) {
            Instant step = now.plus(model.rescoreStep());
            candidates.add(step.isBefore(silenceFull) ? step : silenceFull);
        }
        account.openComplaints().stream().map(Complaint::dueBy).filter(due -> !due.isBefore(now)).forEach(candidates::add);
        Instant bondChange = BondingLevel.nextChange(account.bonds(), bonding, now);
        if (bondChange != null) {
            candidates.add(bondChange);
        }
        if (model.generation() == 1) {
            for (ChurnInputs.Purchase purchase : account.purchases()) {
                candidates.add(purchase.at().plus(model.spendPeriod()));
                candidates.add(purchase.at().plus(model.spendPeriod()).plus(model.spendPeriod()));
            }
        }
        return candidates.stream().filter(at -> at.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    }

    private Duration cadence(ChurnInputs account) {
        return model.cadenceFor(account);
    }

    private static List<String> ids(String eventId) {
        return eventId == null ? List.of() : List.of(eventId);
    }

    /** Every number of the model in a fixed order (enum order, not a map's), so equal models digest equally. */
    private static String numbers(ChurnModel m) {
        StringBuilder out = new StringBuilder();
        for (ChurnFactor factor : ChurnFactor.values()) {
            out.append(factor).append('=').append(m.weight(factor)).append(';');
        }
        m.contactCadence().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue()).append(';'));
        return out.append(m.keyAccountCadence()).append(';').append(m.indifferenceSpan()).append(';')
                .append(m.spendPeriod()).append(';').append(m.mediumFrom()).append(';').append(m.highFrom())
                .append(';').append(m.rescoreStep()).append(';').append(m.judgement()).toString();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
