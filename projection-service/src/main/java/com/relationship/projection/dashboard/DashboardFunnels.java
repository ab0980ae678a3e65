package com.relationship.projection.dashboard;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.projection.funnel.Funnel;
import com.relationship.projection.funnel.FunnelQuery;
import com.relationship.projection.status.AccountStatusStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

    /** The funnel of some accounts only (a value tier's), counted from their placings. */
    public DashboardFunnel among(Collection<UUID> accounts) {
        Instant now = clock.instant();
        List<AccountStatusStore.Placing> placings = accounts.isEmpty() ? List.of() : statuses.placings(accounts);
        Map<String, Long> lifecycle = new LinkedHashMap<>();
        Map<String, Long> kam = new LinkedHashMap<>();
        Map<String, List<Instant>> entered = new HashMap<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            lifecycle.put(stage.name(), 0L);
        }
        for (KamStage stage : KamStage.values()) {
            kam.put(stage.name(), 0L);
        }
        for (AccountStatusStore.Placing placing : placings) {
            lifecycle.merge(placing.stage().name(), 1L, Long::sum);
            entered.computeIfAbsent(placing.stage().name(), s -> new ArrayList<>()).add(placing.stageSince());
            if (placing.kamStage() != null) {
                kam.merge(placing.kamStage().name(), 1L, Long::sum);
                entered.computeIfAbsent(placing.kamStage().name(), s -> new ArrayList<>()).add(placing.kamStageSince());
            }
        }
        Map<String, Instant> since = new HashMap<>();
        entered.forEach((stage, instants) -> median(instants).ifPresent(at -> since.put(stage, at)));
        Funnel funnel = new Funnel(lifecycle, kam, placings.size(),
                kam.values().stream().mapToLong(Long::longValue).sum());
        return DashboardFunnel.of(funnel, since, now);
    }

    /** The median instant (the mean of the middle two for an even count), as the whole funnel's. */
    private static Optional<Instant> median(List<Instant> instants) {
        List<Instant> known = instants.stream().filter(java.util.Objects::nonNull).sorted().toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Instant lower = known.get((known.size() - 1) / 2);
        Instant upper = known.get(known.size() / 2);
        return Optional.of(lower.plus(java.time.Duration.between(lower, upper).dividedBy(2)));
    }
}
