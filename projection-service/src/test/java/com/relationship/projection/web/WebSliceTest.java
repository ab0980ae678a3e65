package com.relationship.projection.web;

import com.relationship.projection.profitability.Profitability;
import com.relationship.projection.profitability.ProfitabilityController;

import com.relationship.projection.bonding.BondingController;
import com.relationship.projection.bonding.BondingStore;
import com.relationship.projection.churn.ChurnRiskController;
import com.relationship.projection.churn.ChurnRiskStore;
import com.relationship.projection.churn.backtest.ChurnBacktestController;
import com.relationship.projection.churn.backtest.ChurnBacktests;
import com.relationship.projection.committee.CommitteeController;
import com.relationship.projection.committee.CommitteeView;
import com.relationship.projection.readmodel.ReadModelStore;
import java.time.Clock;
import com.relationship.projection.dashboard.DashboardController;
import com.relationship.projection.dashboard.DashboardFunnels;
import com.relationship.projection.dashboard.DashboardStreamController;
import com.relationship.projection.dashboard.LiveHub;
import com.relationship.projection.dashboard.StreamTickets;
import com.relationship.projection.funnel.FunnelController;
import com.relationship.projection.funnel.FunnelQuery;
import com.relationship.projection.ingest.DeadLetterController;
import com.relationship.projection.ingest.DeadLetterRedrive;
import com.relationship.projection.status.AccountStatusController;
import com.relationship.projection.status.AccountStatusStore;
import com.relationship.projection.timeline.TimelineController;
import com.relationship.projection.timeline.TimelineStore;
import org.springframework.beans.factory.annotation.Autowired;
import com.relationship.projection.rebuild.RebuildController;
import com.relationship.projection.rebuild.Rebuilds;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Every REST controller of the service with the token check of the security module, the read
 * models and the re-drive mocked. The test classes that extend it share this one context.
 */
@WebMvcTest({AccountStatusController.class, FunnelController.class, DashboardController.class,
        DashboardStreamController.class, DeadLetterController.class,
        BondingController.class, ChurnRiskController.class, TimelineController.class, CommitteeController.class,
        RebuildController.class,
        ChurnBacktestController.class, ProfitabilityController.class,
        ProblemDetailsAdvice.class, CanonicalIds.class, KnownQueryParameters.class})
@Import({EndpointRoles.class, WebSliceTest.PersonalDataOfTheSlice.class})
abstract class WebSliceTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AccountStatusStore store;

    @MockitoBean
    FunnelQuery funnelQuery;

    @MockitoBean
    DeadLetterRedrive redrive;

    @MockitoBean
    BondingStore bondingStore;

    @MockitoBean
    ChurnRiskStore churnRiskStore;

    @MockitoBean
    TimelineStore timelineStore;

    @MockitoBean
    ReadModelStore<CommitteeView> committeeStore;

    @MockitoBean
    Clock clock;

    @MockitoBean
    Rebuilds rebuilds;

    @MockitoBean
    ChurnBacktests churnBacktests;

    @MockitoBean
    DashboardFunnels dashboardFunnels;

    @MockitoBean
    StreamTickets streamTickets;

    @MockitoBean
    LiveHub liveHub;

    @MockitoBean
    Profitability profitability;

    @MockitoBean
    com.relationship.projection.value.TierLedger tierLedger;

    /** Opens sealed personal data with keys of the mocked store (none: a sealed datum reads "[erased]"). */
    static class PersonalDataOfTheSlice {
        @org.springframework.context.annotation.Bean
        com.relationship.security.personaldata.PersonalData personalData() {
            return new com.relationship.security.personaldata.PersonalData(
                    org.mockito.Mockito.mock(com.relationship.security.personaldata.KeyStore.class));
        }
    }
}
