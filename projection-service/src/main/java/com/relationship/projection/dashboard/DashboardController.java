package com.relationship.projection.dashboard;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.LastInteraction;
import com.relationship.projection.churn.ChurnRiskStore;
import com.relationship.projection.churn.ChurnScore;
import com.relationship.projection.churn.ChurnView;
import com.relationship.projection.status.AccountStatusStore;
import com.relationship.projection.value.TierLedger;
import com.relationship.projection.value.ValueTier;
import com.relationship.security.OwnerFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The dashboard's snapshots: the funnel as it draws it, and the churn watch list with its columns. */
@RestController
@RequestMapping(value = "/api/v1/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dashboard", description = "What the live dashboard page shows, as snapshots; changes come over its stream")
public class DashboardController {

    public static final int MAX_WATCH_LIST = 200;

    private final DashboardFunnels funnels;
    private final AccountStatusStore statuses;
    private final ChurnRiskStore churnRisk;
    private final TierLedger tiers;
    private final Clock clock;

    /** @param tiers the value tiers as last published: the tier filters read them */
    public DashboardController(DashboardFunnels funnels, AccountStatusStore statuses, ChurnRiskStore churnRisk,
                               TierLedger tiers, Clock clock) {
        this.funnels = funnels;
        this.statuses = statuses;
        this.churnRisk = churnRisk;
        this.tiers = tiers;
        this.clock = clock;
    }

    @GetMapping("/funnel")
    @Operation(operationId = "dashboardFunnel", summary = "The funnel: accounts per stage, next-step conversion and median time in stage",
            description = "Lifecycle stages on the ladder (PROSPECT ... PARTNER), LAPSED and DISQUALIFIED apart, and the"
                    + " KAM stages. conversionToNext: of the accounts in a stage or later now, the share in a later one."
                    + " medianTimeInStage: how long the accounts in the stage now have been there (median)."
                    + " tier: only the accounts of that value tier as last published (clients only: a tier has no"
                    + " PROSPECT, LAPSED or DISQUALIFIED account); the live stream's funnel-tick is the whole portfolio's.")
    public DashboardFunnel funnel(@Parameter(description = "Only the accounts of this value tier (MVC, MGC, MIGRATOR, BZ)")
                                  @RequestParam(required = false) ValueTier tier) {
        return tier == null ? funnels.current() : funnels.among(tiers.accountsIn(tier));
    }

    @GetMapping("/watch-list")
    @Operation(summary = "The churn watch list with the dashboard's columns, filtered and sorted",
            description = "score, band, the change against 30 days ago, the two factors with most points, the last"
                    + " interaction and the open complaints, of the accounts that can churn (CUSTOMER to PARTNER: a"
                    + " stage filter of PROSPECT, LAPSED or DISQUALIFIED lists none)."
                    + " sort: score (highest first, default), last-interaction"
                    + " (longest silent first) or name. owner=me: only the caller's accounts. tier: only the accounts"
                    + " of that value tier, as last published.")
    public DashboardWatchList watchList(
            @Parameter(description = "Only accounts in this churn band") @RequestParam(required = false) ChurnBand band,
            @Parameter(description = "Only accounts in this lifecycle stage") @RequestParam(required = false) LifecycleStage stage,
            @Parameter(description = "Only key accounts in this KAM stage") @RequestParam(required = false) KamStage kamStage,
            @Parameter(description = OwnerFilter.DOC) @RequestParam(required = false) @Pattern(regexp = OwnerFilter.PATTERN)
            String owner,
            @Parameter(description = "Only the accounts of this value tier (MVC, MGC, MIGRATOR, BZ)")
            @RequestParam(required = false) ValueTier tier,
            @Parameter(description = "score, last-interaction or name") @RequestParam(defaultValue = "score") WatchSort sort,
            @Parameter(description = "How many rows, 1 to 200") @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_WATCH_LIST) int size) {
        Instant now = clock.instant();
        String subject = OwnerFilter.subjectOf(owner);
        java.util.Set<UUID> among = tier == null ? null : tiers.accountsIn(tier);
        List<AccountStatus> rows = statuses.watchList(band, stage, kamStage, subject, among, sort.order, size);
        Map<UUID, ChurnView> explained = rows.isEmpty() ? new HashMap<>()
                : churnRisk.findAll(rows.stream().map(AccountStatus::accountId).toList());
        List<WatchedAccount> items = rows.stream()
                .map(status -> WatchedAccount.of(status, explained.get(status.accountId()), now)).toList();
        return new DashboardWatchList(now, items, statuses.countWatched(band, stage, kamStage, subject, among));
    }

    /** The watch list's orders, as the query parameter spells them (score, last-interaction, name). */
    public enum WatchSort {
        SCORE(AccountStatusStore.WatchOrder.SCORE),
        LAST_INTERACTION(AccountStatusStore.WatchOrder.LAST_INTERACTION),
        NAME(AccountStatusStore.WatchOrder.NAME);

        private final AccountStatusStore.WatchOrder order;

        WatchSort(AccountStatusStore.WatchOrder order) {
            this.order = order;
        }
    }

    /**
     * Binds {@code sort=last-interaction} as well as {@code LAST_INTERACTION}, in any case; an unknown
     * value is a 400 that names the three there are.
     */
    @org.springframework.stereotype.Component
    static class WatchSortParameter implements org.springframework.core.convert.converter.Converter<String, WatchSort> {
        @Override
        public WatchSort convert(String value) {
            for (WatchSort sort : WatchSort.values()) {
                if (sort.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
                    return sort;
                }
            }
            throw new IllegalArgumentException("sort is one of score, last-interaction, name; not '" + value + "'");
        }
    }

    /** {@code totalItems} counts every account the filters match, beyond the rows returned. */
    public record DashboardWatchList(Instant asOf, List<WatchedAccount> items, long totalItems) {
    }

    /**
     * One row of the watch list.
     *
     * @param scoreChange the score against 30 days ago; null when the account has no score that old
     * @param topFactors  the two factors with the most points (ties by the model's order), with their reasons
     */
    public record WatchedAccount(UUID accountId, String name, LifecycleStage stage, KamStage kamStage, int score,
                                 ChurnBand band, Integer scoreChange, List<ChurnScore.Points> topFactors,
                                 LastInteraction lastInteraction, int openComplaints, long lastAppliedSequence) {

        static WatchedAccount of(AccountStatus status, ChurnView churn, Instant now) {
            List<ChurnScore.Points> top = churn == null ? List.of() : churn.score().factors().stream()
                    .filter(points -> points.points() > 0)
                    .sorted(Comparator.comparingInt(ChurnScore.Points::points).reversed()).limit(2).toList();
            return new WatchedAccount(status.accountId(), status.name(), status.stage(), status.kamStage(),
                    status.churnScore(), status.churnBand(), churn == null ? null : churn.trend(now).change(), top,
                    status.lastInteraction(), status.openComplaints().size(), status.lastAppliedSequence());
        }
    }
}
