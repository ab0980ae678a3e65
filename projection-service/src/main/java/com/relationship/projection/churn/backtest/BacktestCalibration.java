package com.relationship.projection.churn.backtest;

import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.churn.LapseCalibration;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a finished backtest says of one scoring's lapse chance per band: the calibration of revenue at risk. */
final class BacktestCalibration {

    private static final Duration YEAR = Duration.ofDays(365);

    private BacktestCalibration() {
    }

    /**
     * The calibration of the scoring {@code fingerprint} from {@code report}: its result at a year's horizon,
     * or at its longest; empty when the report did not run that scoring or labelled nothing for it.
     */
    static Optional<LapseCalibration> of(String backtestId, BacktestReport report, String fingerprint,
                                         ChurnBacktest.Plan plan, int minScored, Instant finishedAt) {
        Optional<BacktestReport.ModelResult> chosen = report.results().stream()
                .filter(r -> r.modelFingerprint().equals(fingerprint) && r.scored() > 0)
                .max(Comparator.comparing((BacktestReport.ModelResult r) -> r.horizon().equals(YEAR))
                        .thenComparing(BacktestReport.ModelResult::horizon));
        return chosen.map(result -> {
            Map<ChurnBand, LapseCalibration.Band> bands = new EnumMap<>(ChurnBand.class);
            for (BacktestReport.BandCalibration band : result.bands()) {
                bands.put(band.band(), LapseCalibration.band(band.scored(), band.lapses(), result.horizon(), minScored));
            }
            List<Instant> cutoffs = plan.cutoffs();
            return new LapseCalibration(backtestId, fingerprint, result.horizon(), plan.from(),
                    cutoffs.get(cutoffs.size() - 1), finishedAt, bands);
        });
    }
}
