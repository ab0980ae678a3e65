package com.relationship.projection.churn.backtest;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnFactor;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.backtest.BacktestReport.ModelResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The backtest proved on synthetic histories (issue 27): where lapses follow known signals with noise it
 * finds them, version 2 better than version 1; where lapses are drawn independent of every signal its
 * AUC stays at chance, the guard against the future leaking into a score.
 */
class ChurnBacktestTest {

    private static final Duration HALF_YEAR = Duration.ofDays(180);
    private static final ChurnBacktest.Plan PLAN = new ChurnBacktest.Plan(
            SyntheticHistories.START.plus(Duration.ofDays(240)), SyntheticHistories.END.minus(HALF_YEAR),
            Duration.ofDays(30), List.of(Duration.ofDays(90), HALF_YEAR),
            List.of(ChurnModel.version1(), ChurnModel.defaults()), false);

    private static ModelResult result(BacktestReport report, String version, Duration horizon) {
        return report.results().stream().filter(r -> r.modelVersion().equals(version) && r.horizon().equals(horizon))
                .findFirst().orElseThrow();
    }

    @Test
    void whereLapsesFollowTheSignalsVersion2FindsThemAndBeatsVersion1() {
        List<List<EnvelopedAccountEvent>> histories = SyntheticHistories.generate(1500, 27L, true);

        BacktestReport report = new ChurnBacktest(BondingModel.defaults()).run(histories, PLAN);

        ModelResult v1 = result(report, "1", HALF_YEAR);
        ModelResult v2 = result(report, "2", HALF_YEAR);
        System.out.printf("signals: %d cutoffs, %d accounts; 180 days: v1 AUC %.3f, v2 AUC %.3f (%d scored, %d lapses);"
                        + " v2 HIGH precision %s recall %s lift %s, median lead %s days%n", report.cutoffs(),
                report.accounts(), v1.auc(), v2.auc(), v2.scored(), v2.lapses(), v2.highPrecision(), v2.highRecall(),
                v2.highLift(), v2.medianLeadDays());
        assertThat(v2.scored()).isGreaterThan(5000);
        assertThat(v2.lapses()).isGreaterThan(300);
        assertThat(v2.auc()).as("version 2 finds the signal").isGreaterThanOrEqualTo(0.75);
        assertThat(v2.auc()).as("and beats version 1").isGreaterThan(v1.auc());
        assertThat(v2.highLift()).as("HIGH lapses more often than the base").isGreaterThan(1.5);
        assertThat(v2.deciles()).hasSize(10);
        assertThat(v2.deciles().get(9).observedLapseRate()).as("the top tenth lapses more than the bottom")
                .isGreaterThan(v2.deciles().get(0).observedLapseRate());
        assertThat(report.usedLateFacts()).isFalse();

        // The suggestion: weights within 0-50 making 100, at least as good on this history, never applied.
        System.out.printf("suggested weights for version 2 at 180 days: %s, AUC %.3f (current %.3f)%n",
                v2.suggestedWeights(), v2.suggestedAuc(), v2.auc());
        assertThat(v2.suggestedWeights().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(v2.suggestedWeights().values()).allSatisfy(w -> assertThat(w).isBetween(0, 50));
        assertThat(v2.suggestedAuc()).isGreaterThanOrEqualTo(v2.auc() - 0.01);
        assertThat(v1.suggestedWeights()).as("version 1 scores points, not shares").isNull();
        assertThat(result(report, "2", Duration.ofDays(90)).suggestedWeights()).as("the longest horizon only").isNull();
    }

    @Test
    void whereLapsesAreIndependentOfEverySignalTheAucIsChance() {
        List<List<EnvelopedAccountEvent>> histories = SyntheticHistories.generate(1500, 28L, false);

        BacktestReport report = new ChurnBacktest(BondingModel.defaults()).run(histories, PLAN);

        for (ModelResult r : report.results()) {
            System.out.printf("no signal: v%s at %d days: AUC %.3f (%d scored, %d lapses)%n", r.modelVersion(),
                    r.horizon().toDays(), r.auc(), r.scored(), r.lapses());
            assertThat(r.auc()).as("model %s at %s", r.modelVersion(), r.horizon()).isCloseTo(0.5, within(0.05));
        }
    }

    /** A fact recorded after the cutoff is not known at the cutoff, even when it is dated before it. */
    @Test
    void aFactRecordedAfterTheCutoffIsNotKnownAtItUnlessLateFactsAreAsked() {
        List<EnvelopedAccountEvent> history = SyntheticHistories.generate(1, 3L, true).get(0);
        Instant cutoff = history.get(history.size() / 2).occurredAt();
        EnvelopedAccountEvent last = history.get(history.size() - 1);
        // The same history, its last event recorded a year after the cutoff but dated before it.
        EnvelopedAccountEvent late = new EnvelopedAccountEvent(last.eventId(), last.accountId(), history.size(),
                cutoff.plus(Duration.ofDays(365)), "synthetic", null, null, null, null,
                new com.relationship.contracts.events.PurchaseRecorded(last.accountId(), java.util.UUID.randomUUID(),
                        new java.math.BigDecimal("1.00"), "EUR", cutoff.minus(Duration.ofDays(1)), "late"),
                cutoff.minus(Duration.ofDays(1)));
        List<EnvelopedAccountEvent> withLate = new java.util.ArrayList<>(history);
        withLate.add(late);
        int known = ChurnBacktest.factsAsOf(withLate, cutoff, false).inputs().purchases().size();
        int withLateFacts = ChurnBacktest.factsAsOf(withLate, cutoff, true).inputs().purchases().size();
        assertThat(withLateFacts).isEqualTo(known + 1);
    }

    /** A history recorded after the cutoffs (imported) is not known at them: the report says how to score it. */
    @Test
    void aHistoryRecordedAfterTheCutoffsIsScoredOnlyWithLateFactsAndTheReportSaysSo() {
        Instant recordedToday = SyntheticHistories.END.plus(Duration.ofDays(300));
        List<List<EnvelopedAccountEvent>> imported = SyntheticHistories.generate(200, 9L, true).stream()
                .map(history -> history.stream().map(e -> new EnvelopedAccountEvent(e.eventId(), e.accountId(),
                        e.sequence(), recordedToday, e.actor(), null, null, null, null, e.event(), e.businessTime()))
                        .toList()).toList();

        BacktestReport asKnown = new ChurnBacktest(BondingModel.defaults()).run(imported, PLAN);
        assertThat(asKnown.results()).allSatisfy(r -> assertThat(r.scored()).isZero());
        assertThat(asKnown.note()).contains("useLateFacts=true");

        ChurnBacktest.Plan withLateFacts = new ChurnBacktest.Plan(PLAN.from(), PLAN.to(), PLAN.step(), PLAN.horizons(),
                PLAN.models(), true);
        BacktestReport late = new ChurnBacktest(BondingModel.defaults()).run(imported, withLateFacts);
        assertThat(late.results()).allSatisfy(r -> assertThat(r.scored()).isPositive());
        assertThat(late.note()).isNull();
        assertThat(late.usedLateFacts()).isTrue();
    }

    /**
     * A cutoff whose horizon has not passed when the history was read cannot say "no lapse": it is left out
     * of that horizon and counted, not labelled as staying (which would make the lapse rate look lower).
     */
    @Test
    void aCutoffWhoseHorizonHasNotPassedIsLeftOutAndCounted() {
        List<List<EnvelopedAccountEvent>> histories = SyntheticHistories.generate(300, 11L, true);
        Instant lastCutoff = PLAN.cutoffs().get(PLAN.cutoffs().size() - 1);
        ChurnBacktest.Plan readEarly = new ChurnBacktest.Plan(PLAN.from(), PLAN.to(), PLAN.step(), PLAN.horizons(),
                PLAN.models(), false, lastCutoff.plus(Duration.ofDays(100)), null);

        BacktestReport full = new ChurnBacktest(BondingModel.defaults()).run(histories, PLAN);
        BacktestReport early = new ChurnBacktest(BondingModel.defaults()).run(histories, readEarly);

        ModelResult fullHalfYear = result(full, "2", HALF_YEAR);
        ModelResult earlyHalfYear = result(early, "2", HALF_YEAR);
        ModelResult earlyQuarter = result(early, "2", Duration.ofDays(90));
        assertThat(earlyQuarter.unobserved()).as("100 days after the last cutoff, 90 days have passed for all").isZero();
        assertThat(earlyHalfYear.unobserved()).as("the cutoffs of the last 80 days cannot be labelled at 180 days")
                .isPositive();
        assertThat(earlyHalfYear.scored() + earlyHalfYear.unobserved())
                .isEqualTo(fullHalfYear.scored() + fullHalfYear.unobserved());
        assertThat(earlyHalfYear.scored()).isLessThan(fullHalfYear.scored());
        assertThat(earlyHalfYear.modelFingerprint())
                .isEqualTo(new com.relationship.projection.churn.ChurnScoring(ChurnModel.defaults(),
                        BondingModel.defaults()).fingerprint());
    }

    /** The calibration a finished backtest gives the active scoring: its year, else its longest horizon, per band. */
    @Test
    void theCalibrationIsTheActiveScoringsObservedLapseRatePerBand() {
        List<List<EnvelopedAccountEvent>> histories = SyntheticHistories.generate(600, 12L, true);
        BacktestReport report = new ChurnBacktest(BondingModel.defaults()).run(histories, PLAN);
        String active = result(report, "2", HALF_YEAR).modelFingerprint();
        Instant finished = Instant.parse("2026-12-07T12:00:00Z");

        com.relationship.projection.churn.LapseCalibration calibration = BacktestCalibration.of("b-12", report, active,
                PLAN, 30, finished).orElseThrow();

        assertThat(calibration.horizon()).as("the longest: no year was asked for").isEqualTo(HALF_YEAR);
        assertThat(calibration.backtestId()).isEqualTo("b-12");
        assertThat(calibration.calibratedAt()).isEqualTo(finished);
        for (BacktestReport.BandCalibration band : result(report, "2", HALF_YEAR).bands()) {
            var calibrated = calibration.bands().get(band.band());
            assertThat(calibrated.scored()).isEqualTo(band.scored());
            assertThat(calibrated.lapses()).isEqualTo(band.lapses());
            if (band.scored() >= 30) {
                double observed = (double) band.lapses() / band.scored();
                assertThat(calibrated.yearlyLapseChance()).as(band.band() + ": a year at the half year's rate")
                        .isCloseTo(1 - Math.pow(1 - observed, 365.0 / 180), within(1e-9));
            } else {
                assertThat(calibrated.yearlyLapseChance()).isNull();
            }
        }
        assertThat(calibration.bands().get(com.relationship.contracts.churn.ChurnBand.HIGH).yearlyLapseChance())
                .as("HIGH lapses more than LOW").isGreaterThan(calibration.bands()
                        .get(com.relationship.contracts.churn.ChurnBand.LOW).yearlyLapseChance());
        assertThat(BacktestCalibration.of("b-12", report, "2:configured-otherwise", PLAN, 30, finished))
                .as("a report that did not run the active scoring calibrates nothing").isEmpty();
    }

    /** A search on a history where one factor alone tells the lapses moves weight onto it. */
    @Test
    void theWeightSearchMovesWeightOntoTheFactorThatTellsTheLapses() {
        List<double[]> shares = new java.util.ArrayList<>();
        List<Boolean> lapsed = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 2000; i++) {
            boolean lapses = random.nextDouble() < 0.2;
            double[] row = new double[com.relationship.projection.churn.ChurnFactor.values().length];
            for (int f = 0; f < row.length; f++) {
                row[f] = random.nextDouble(); // noise
            }
            row[com.relationship.projection.churn.ChurnFactor.UNHEARD_VOICE.ordinal()] = lapses
                    ? 0.6 + 0.4 * random.nextDouble() : 0.5 * random.nextDouble();
            shares.add(row);
            lapsed.add(lapses);
        }
        WeightSearch.Suggestion suggestion = WeightSearch.best(ChurnModel.defaults().weights(), WeightBounds.defaults(),
                shares, lapsed);
        assertThat(suggestion.weights().get(ChurnFactor.UNHEARD_VOICE)).isEqualTo(WeightBounds.DEFAULT_RANGE.max());
        assertThat(suggestion.auc()).isGreaterThan(0.95);

        // Within configured ranges: the factor that tells the lapses stops at its own maximum, every weight
        // stays within its range, moved by the configured step, and the weights still make 100.
        WeightBounds bounds = new WeightBounds(Map.of(ChurnFactor.UNHEARD_VOICE, new WeightBounds.Range(10, 25),
                ChurnFactor.STAGE, new WeightBounds.Range(12, 30)), 2);
        WeightSearch.Suggestion bounded = WeightSearch.best(ChurnModel.defaults().weights(), bounds, shares, lapsed);
        assertThat(bounded.weights().get(ChurnFactor.UNHEARD_VOICE)).isEqualTo(25);
        assertThat(bounded.weights().get(ChurnFactor.STAGE)).isBetween(12, 30);
        bounded.weights().forEach((factor, weight) -> assertThat(bounds.allows(factor, weight)).as(factor.name()).isTrue());
        assertThat(bounded.weights().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(bounded.auc()).isLessThan(suggestion.auc());
    }

    /** Bounds no weights can meet are refused before anything runs, saying why. */
    @Test
    void weightRangesThatCannotMake100AreRefusedSayingWhy() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WeightBounds(Map.of(ChurnFactor.STAGE,
                        new WeightBounds.Range(0, 10), ChurnFactor.INDIFFERENCE, new WeightBounds.Range(0, 10),
                        ChurnFactor.UNHEARD_VOICE, new WeightBounds.Range(0, 10), ChurnFactor.SATISFACTION,
                        new WeightBounds.Range(0, 10), ChurnFactor.WEAK_BONDS, new WeightBounds.Range(0, 10),
                        ChurnFactor.SPEND_TREND, new WeightBounds.Range(0, 10)), 5))
                .hasMessageContaining("their maximums to 60");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WeightBounds(Map.of(ChurnFactor.STAGE,
                new WeightBounds.Range(30, 20)), 5)).hasMessageContaining("min at most max");
        // The model's own weights outside a range: the search starts from them moved inside, still making 100.
        int[] start = new WeightBounds(Map.of(ChurnFactor.SPEND_TREND, new WeightBounds.Range(0, 10)), 5)
                .start(ChurnModel.defaults().weights());
        assertThat(start[ChurnFactor.SPEND_TREND.ordinal()]).isEqualTo(10);
        assertThat(java.util.Arrays.stream(start).sum()).isEqualTo(100);
    }

    @Test
    void theAucIsTheChanceALapseScoresAboveAStayWithTiesHalf() {
        List<ChurnBacktest.Outcome> outcomes = List.of(
                new ChurnBacktest.Outcome(80, null, true), new ChurnBacktest.Outcome(60, null, false),
                new ChurnBacktest.Outcome(60, null, true), new ChurnBacktest.Outcome(10, null, false));
        // Pairs (lapse, stay): 80>60, 80>10, 60=60 (half), 60>10: 3.5 of 4.
        assertThat(BacktestMetrics.auc(outcomes)).isEqualTo(0.875);
        assertThat(BacktestMetrics.auc(List.of(new ChurnBacktest.Outcome(5, null, true)))).isNull();
    }
}
