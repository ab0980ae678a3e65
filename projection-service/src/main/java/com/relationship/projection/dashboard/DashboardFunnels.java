package com.relationship.projection.dashboard;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.projection.funnel.Funnel;
import com.relationship.projection.funnel.FunnelQuery;
import com.relationship.projection.status.AccountStatusStore;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counts the dashboard's funnel: the funnel's cells, then each non-empty stage's median time in it. */
public class DashboardFunnels {

    private final FunnelQuery counts;
    private final AccountStatusStore statuses;
    private final Clock clock;

    public DashboardFunnels(FunnelQuery counts, AccountStatusStore statuses, Clock clock) {
        this.counts = counts;
        this.statuses = statuses;
        this.clock = clock;
    }

    public DashboardFunnel current() {
        Instant now = clock.instant();
        Funnel funnel = counts.funnel();
        Map<String, Instant> since = new HashMap<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            statuses.medianStageSince(stage, funnel.lifecycleStages().getOrDefault(stage.name(), 0L))
                    .ifPresent(at -> since.put(stage.name(), at));
        }
        for (KamStage stage : KamStage.values()) {
            statuses.medianKamStageSince(stage, funnel.kamStages().getOrDefault(stage.name(), 0L))
                    .ifPresent(at -> since.put(stage.name(), at));
        }
        return DashboardFunnel.of(funnel, since, now);
    }
}
