package com.relationship.projection.dashboard;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.projection.funnel.Funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The funnel as the dashboard draws it: per stage the accounts in it now, the share of those that
 * reached it which went on to the next stage, and how long the accounts there now have been in it
 * (median). LAPSED and DISQUALIFIED stand apart: they are not a rung of the ladder, and counting a
 * lapsed account as still "reached CLIENT" would make the funnel a high-water mark.
 *
 * @param lifecycle      PROSPECT ... PARTNER, in the ladder's order
 * @param apart          LAPSED and DISQUALIFIED
 * @param kam            PRE_KAM ... UNCOUPLING_KAM, for the accounts on the KAM track
 */
public record DashboardFunnel(Instant asOf, long totalAccounts, long keyAccounts, List<FunnelCell> lifecycle,
                              List<FunnelCell> apart, List<FunnelCell> kam) {

    /**
     * @param reached           accounts in this stage or a later one of the ladder, now
     * @param conversionToNext  of {@code reached}, the share now in a later stage (0-1); null for the last
     *                          rung and for a stage no account reached
     * @param medianTimeInStage how long the accounts in it now have been there, the median, ISO 8601
     *                          ({@code PT72H}); null when empty
     * @param medianSecondsInStage the same in seconds
     */
    public record FunnelCell(String stage, long count, long reached, Double conversionToNext, String medianTimeInStage,
                       Long medianSecondsInStage) {
    }

    /**
     * @param since the median "in this stage since" of each stage's accounts now, by stage name
     */
    public static DashboardFunnel of(Funnel counts, Map<String, Instant> since, Instant now) {
        List<FunnelCell> ladder = ladder(List.of(LifecycleStage.values()).stream().filter(LifecycleStage::isOnLadder)
                .map(Enum::name).toList(), counts.lifecycleStages(), since, now);
        List<FunnelCell> apart = List.of(LifecycleStage.values()).stream().filter(stage -> !stage.isOnLadder())
                .map(stage -> cell(stage.name(), counts.lifecycleStages(), 0, null, since, now)).toList();
        List<String> kamLadder = List.of(KamStage.values()).stream().filter(stage -> stage != KamStage.UNCOUPLING_KAM)
                .map(Enum::name).toList();
        List<FunnelCell> kam = new ArrayList<>(ladder(kamLadder, counts.kamStages(), since, now));
        kam.add(cell(KamStage.UNCOUPLING_KAM.name(), counts.kamStages(), 0, null, since, now));
        return new DashboardFunnel(now, counts.totalAccounts(), counts.keyAccounts(), ladder, apart, kam);
    }

    private static List<FunnelCell> ladder(List<String> rungs, Map<String, Long> counts, Map<String, Instant> since,
                                     Instant now) {
        long[] reached = new long[rungs.size()];
        long beyond = 0;
        for (int i = rungs.size() - 1; i >= 0; i--) {
            beyond += counts.getOrDefault(rungs.get(i), 0L);
            reached[i] = beyond;
        }
        List<FunnelCell> cells = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            Double conversion = i + 1 < rungs.size() && reached[i] > 0 ? (double) reached[i + 1] / reached[i] : null;
            cells.add(cell(rungs.get(i), counts, reached[i], conversion, since, now));
        }
        return cells;
    }

    private static FunnelCell cell(String stage, Map<String, Long> counts, long reached, Double conversion,
                             Map<String, Instant> since, Instant now) {
        Instant median = since.get(stage);
        // An account entered "in the future" of a clock that lags the event's: it has been there no time.
        Duration time = median == null ? null : Duration.between(median, now).isNegative() ? Duration.ZERO
                : Duration.between(median, now);
        return new FunnelCell(stage, counts.getOrDefault(stage, 0L), reached, conversion,
                time == null ? null : time.toString(), time == null ? null : time.toSeconds());
    }
}
