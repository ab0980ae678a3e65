package com.relationship.projection.dashboard;

import com.relationship.projection.funnel.Funnel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Next-step conversion along the ladder, LAPSED and DISQUALIFIED apart, and the median time in stage. */
class DashboardFunnelTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void conversionIsTheShareOfThoseThatReachedAStageWhoAreBeyondItNow() {
        Map<String, Long> lifecycle = new LinkedHashMap<>();
        lifecycle.put("PROSPECT", 6L);
        lifecycle.put("CUSTOMER", 2L);
        lifecycle.put("CLIENT", 2L);
        lifecycle.put("LAPSED", 5L);
        Map<String, Long> kam = Map.of("PRE_KAM", 1L, "UNCOUPLING_KAM", 1L);
        Funnel counts = new Funnel(lifecycle, kam, 15, 2);

        DashboardFunnel funnel = DashboardFunnel.of(counts, Map.of("CUSTOMER", NOW.minus(Duration.ofHours(36))), NOW);

        DashboardFunnel.FunnelCell prospect = funnel.lifecycle().get(0);
        assertThat(prospect.reached()).as("all on the ladder, not the lapsed").isEqualTo(10);
        assertThat(prospect.conversionToNext()).isEqualTo(0.4);
        assertThat(funnel.lifecycle().get(1).conversionToNext()).isEqualTo(0.5);
        assertThat(funnel.lifecycle().get(2).conversionToNext()).as("nobody beyond CLIENT").isEqualTo(0.0);
        assertThat(funnel.lifecycle().get(3).conversionToNext()).as("nobody reached SUPPORTER").isNull();
        assertThat(funnel.lifecycle().get(5).conversionToNext()).as("PARTNER is the last rung").isNull();
        assertThat(funnel.apart()).extracting(DashboardFunnel.FunnelCell::stage).containsExactly("LAPSED", "DISQUALIFIED");
        assertThat(funnel.apart().get(0).count()).isEqualTo(5);
        assertThat(funnel.lifecycle().get(1).medianTimeInStage()).isEqualTo("PT36H");
        assertThat(funnel.lifecycle().get(1).medianSecondsInStage()).isEqualTo(36 * 3600);
        assertThat(funnel.lifecycle().get(0).medianTimeInStage()).isNull();
        assertThat(funnel.kam()).extracting(DashboardFunnel.FunnelCell::stage).containsExactly("PRE_KAM", "EARLY_KAM",
                "MID_KAM", "PARTNERSHIP_KAM", "SYNERGISTIC_KAM", "UNCOUPLING_KAM");
        assertThat(funnel.kam().get(0).conversionToNext()).as("the uncoupling account is not beyond PRE_KAM").isEqualTo(0.0);
    }
}
