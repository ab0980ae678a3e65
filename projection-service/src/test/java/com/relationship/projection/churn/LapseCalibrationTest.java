package com.relationship.projection.churn;

import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.bonding.BondingModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 27: "The calibration of the active model (score -> lapse probability) is what revenue at risk
 * uses; until a backtest has run, it is the band's prior and says so."
 */
class LapseCalibrationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);
    private final AccountEvents events = new AccountEvents();
    private final AtomicReference<LapseCalibration> latest = new AtomicReference<>();
    private final ChurnReadModel model = new ChurnReadModel(ChurnModel.defaults(), BondingModel.defaults(), 100,
            new ChurnReadModelTest.RecordingBandChanges(), latest::get);
    private final String fingerprint = new ChurnScoring(ChurnModel.defaults(), BondingModel.defaults()).fingerprint();

    @Test
    void aYearsHorizonIsTheObservedRateAndAShorterOneIsReadAsAYearAtTheSameRate() {
        assertThat(LapseCalibration.band(200, 50, YEAR, 30).yearlyLapseChance()).isEqualTo(0.25);
        // 10% within 90 days, at the same rate for the rest of the year: 1 - 0.9^(365/90).
        assertThat(LapseCalibration.band(100, 10, Duration.ofDays(90), 30).yearlyLapseChance())
                .isCloseTo(1 - Math.pow(0.9, 365.0 / 90), within(1e-9));
        assertThat(LapseCalibration.band(29, 20, YEAR, 30).yearlyLapseChance()).as("too few to calibrate").isNull();
    }

    @Test
    void revenueAtRiskIsWeighedByTheBandsObservedChanceAndNamesTheBacktest() {
        ChurnView customer = customerWithRevenue();
        ChurnBand band = customer.score().band();
        assertThat(customer.score().revenueAtRisk().calibratedBy()).as("no backtest yet: the prior").isNull();
        assertThat(customer.score().revenueAtRisk().basis()).contains("no backtest has calibrated the model yet");

        latest.set(calibration("backtest-1", fingerprint, Map.of(band, LapseCalibration.band(400, 100, YEAR, 30))));
        ChurnView weighed = model.advance(customer, customer.score().at().plusSeconds(60));
        ChurnScore.RevenueAtRisk atRisk = weighed.score().revenueAtRisk();
        assertThat(atRisk.lapseProbability()).isEqualTo(0.25);
        assertThat(atRisk.amount()).isEqualByComparingTo(atRisk.revenue().multiply(new java.math.BigDecimal("0.25")));
        assertThat(atRisk.calibratedBy()).isEqualTo("backtest-1");
        assertThat(atRisk.basis()).contains("calibrated by the backtest backtest-1", "100 of 400 " + band
                + " account-cutoffs lapsed within 365 days");
        assertThat(weighed.history()).as("the score did not move: no entry in its history").isEqualTo(customer.history());
    }

    @Test
    void aNewCalibrationMakesEveryAccountDueOnceAndThenTheScoreIsCurrent() {
        ChurnView customer = customerWithRevenue();
        String uncalibrated = model.fingerprint();
        assertThat(model.nextChangeAt(customer)).isAfter(customer.score().at());

        latest.set(calibration("backtest-2", fingerprint, Map.of(customer.score().band(),
                LapseCalibration.band(100, 30, YEAR, 30))));
        assertThat(model.fingerprint()).as("documents written before it are due").isNotEqualTo(uncalibrated)
                .endsWith("+backtest-2");
        assertThat(model.nextChangeAt(customer)).as("weighed by the prior: due at once").isEqualTo(customer.score().at());
        ChurnView weighed = model.advance(customer, customer.score().at().plusSeconds(60));
        assertThat(model.nextChangeAt(weighed)).isEqualTo(weighed.score().nextRescoreAt());
    }

    @Test
    void aBandTheBacktestSawTooLittleOfKeepsItsPriorAndSaysWhyWithoutComingDueAgain() {
        ChurnView customer = customerWithRevenue();
        ChurnBand band = customer.score().band();
        latest.set(calibration("backtest-3", fingerprint, Map.of(band, LapseCalibration.band(12, 3, YEAR, 30))));
        ChurnView weighed = model.advance(customer, customer.score().at().plusSeconds(60));
        ChurnScore.RevenueAtRisk atRisk = weighed.score().revenueAtRisk();
        assertThat(atRisk.lapseProbability()).isEqualTo(ChurnModel.Judgement.defaultLapsePriors().get(band));
        assertThat(atRisk.calibratedBy()).isNull();
        assertThat(atRisk.basis()).contains("assumed lapse chance", "backtest-3", "scored 12 account-cutoffs " + band,
                "too few to calibrate it");
        assertThat(model.nextChangeAt(weighed)).as("current: not due again and again")
                .isEqualTo(weighed.score().nextRescoreAt());
    }

    @Test
    void aCalibrationOfAnotherScoringIsNotUsed() {
        ChurnView customer = customerWithRevenue();
        latest.set(calibration("backtest-4", "1:another", Map.of(customer.score().band(),
                LapseCalibration.band(400, 400, YEAR, 30))));
        assertThat(model.nextChangeAt(customer)).isAfter(customer.score().at());
        ChurnView same = model.advance(customer, customer.score().at().plusSeconds(60));
        assertThat(same.score().revenueAtRisk().calibratedBy()).isNull();
        assertThat(model.fingerprint()).doesNotContain("backtest-4");
    }

    /** A customer that bought last week: revenue in the last 12 months, so revenue at risk. */
    private ChurnView customerWithRevenue() {
        ChurnView view = null;
        for (var event : java.util.List.of(events.registered(T0), events.purchase(T0.plus(Duration.ofDays(1))),
                events.advanced(T0.plus(Duration.ofDays(1)), LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER))) {
            view = model.apply(view, event);
        }
        assertThat(view.score().revenueAtRisk()).isNotNull();
        return view;
    }

    private static LapseCalibration calibration(String id, String fingerprint, Map<ChurnBand, LapseCalibration.Band> bands) {
        return new LapseCalibration(id, fingerprint, YEAR, T0.minus(Duration.ofDays(700)), T0.minus(Duration.ofDays(400)),
                T0, new EnumMap<>(bands));
    }
}
