package com.relationship.projection.churn;

import com.relationship.contracts.churn.ChurnBand;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a churn backtest observed of the active model (issue 27): per band, how many of the account-cutoffs
 * it scored in that band lapsed within the horizon, and from that the chance of a lapse within a year.
 * Revenue at risk weighs the revenue by it instead of the band's assumed prior; a band the backtest saw too
 * few account-cutoffs in keeps its prior, and says so.
 *
 * @param backtestId       the backtest it comes from
 * @param modelFingerprint the scoring it observed ({@link ChurnScoring#fingerprint()}): it calibrates that
 *                         scoring only, not a model configured differently since
 * @param horizon          the horizon whose labels it counts (a year when the backtest had one, else its longest)
 * @param from             the backtest's first cutoff
 * @param to               its last
 * @param calibratedAt     when the backtest finished
 */
public record LapseCalibration(String backtestId, String modelFingerprint, Duration horizon, Instant from, Instant to,
                               Instant calibratedAt, Map<ChurnBand, Band> bands) {

    private static final Duration YEAR = Duration.ofDays(365);

    public LapseCalibration {
        bands = Collections.unmodifiableMap(new EnumMap<>(bands));
    }

    /**
     * One band as the backtest saw it.
     *
     * @param yearlyLapseChance the chance of a lapse within a year, from the observed rate; null when
     *                          {@code scored} was below the minimum to calibrate on
     */
    public record Band(int scored, int lapses, Double yearlyLapseChance) {
    }

    /**
     * From the lapses observed within {@code horizon}: a year's horizon as observed; another horizon as the
     * chance of a lapse within a year at the same constant rate ({@code 1 - (1 - p)^(365 days / horizon)}),
     * which the basis of every figure using it says. Bands with fewer than {@code minScored} account-cutoffs
     * are not calibrated.
     */
    public static Band band(int scored, int lapses, Duration horizon, int minScored) {
        if (scored < Math.max(1, minScored)) {
            return new Band(scored, lapses, null);
        }
        double observed = (double) lapses / scored;
        double yearly = horizon.equals(YEAR) ? observed
                : 1 - Math.pow(1 - observed, (double) YEAR.toSeconds() / horizon.toSeconds());
        return new Band(scored, lapses, Math.min(1, Math.max(0, yearly)));
    }

    /** Whether it observed enough of {@code band} to calibrate it. */
    boolean calibrates(ChurnBand band) {
        Band observed = bands.get(band);
        return observed != null && observed.yearlyLapseChance() != null;
    }

    /** The band's chance of a lapse within a year and where it comes from; the prior when this does not calibrate it. */
    Chance chance(ChurnBand band, double prior) {
        Band observed = bands.get(band);
        String window = "the backtest " + backtestId + " (cutoffs " + from + " to " + to + ")";
        if (observed == null || observed.yearlyLapseChance() == null) {
            return new Chance(prior, "the " + band + " band's assumed lapse chance (projection.churn.lapse-prior."
                    + band.name().toLowerCase() + "): " + window + " scored " + (observed == null ? 0 : observed.scored())
                    + " account-cutoffs " + band + ", too few to calibrate it", null);
        }
        String rate = observed.lapses() + " of " + observed.scored() + " " + band + " account-cutoffs lapsed within "
                + horizon.toDays() + " days";
        return new Chance(observed.yearlyLapseChance(), "calibrated by " + window + ": " + rate
                + (horizon.equals(YEAR) ? "" : ", read as a chance within a year at the same rate"), backtestId);
    }

    /** A lapse chance, where it comes from, and the backtest that calibrated it (null: the prior). */
    record Chance(double probability, String basis, String calibratedBy) {
    }
}
