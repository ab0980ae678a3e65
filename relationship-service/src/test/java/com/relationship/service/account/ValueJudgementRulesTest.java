package com.relationship.service.account;

import com.relationship.contracts.account.ValueComponent;
import com.relationship.contracts.commands.AssessRelationshipLevel;
import com.relationship.contracts.commands.AssessValueComponent;
import com.relationship.contracts.commands.EstimateWallet;
import com.relationship.contracts.events.CoDevelopmentEngagementRecorded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.RelationshipLevelAssessed;
import com.relationship.contracts.events.ValueComponentAssessed;
import com.relationship.contracts.events.WalletEstimated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static com.relationship.service.account.AccountFixtures.*;

/** docs/domain.md, "Judgements of value" (issue 30): value components, wallet estimates, relationship levels. */
class ValueJudgementRulesTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    @Test
    void aValueComponentIsAssessedAsAScoreOrAnAmountWithItsRationale() {
        fixture.given(registered())
                .when(new AssessValueComponent(ID, ValueComponent.OUTSOURCE_POTENTIAL, 70, null, null, " buys most elsewhere "))
                .expectEvents(new ValueComponentAssessed(ID, ValueComponent.OUTSOURCE_POTENTIAL, 70, null, null,
                        "buys most elsewhere"));
        fixture.given(registered())
                .when(new AssessValueComponent(ID, ValueComponent.PROJECTED_SPEND, null, new BigDecimal("250000.00"), "EUR",
                        "budget for next year"))
                .expectEvents(new ValueComponentAssessed(ID, ValueComponent.PROJECTED_SPEND, null,
                        new BigDecimal("250000.00"), "EUR", "budget for next year"));
    }

    @Test
    void aValueComponentIsAScoreOrAnAmountNotBothNorNeither() {
        fixture.given(registered())
                .when(new AssessValueComponent(ID, ValueComponent.FUTURE_VALUE, 50, BigDecimal.TEN, "EUR", "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "one of them"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AssessValueComponent(ID, ValueComponent.FUTURE_VALUE, null, null, null, "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "one of them"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AssessValueComponent(ID, ValueComponent.FUTURE_VALUE, 101, null, null, "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "score must be 0 to 100"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AssessValueComponent(ID, ValueComponent.FUTURE_VALUE, 40, null, "EUR", "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "currency goes with an amount"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AssessValueComponent(ID, ValueComponent.FUTURE_VALUE, 40, null, null, " "))
                .expectException(refusedBy(Rule.INVALID_VALUE, "rationale is required"))
                .expectNoEvents();
    }

    @Test
    void aDisqualifiedProspectsValueIsNotAssessed() {
        fixture.given(registered(), new ProspectDisqualified(ID, "no budget"))
                .when(new AssessValueComponent(ID, ValueComponent.FUTURE_VALUE, 40, null, null, "x"))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "disqualified"))
                .expectNoEvents();
    }

    @Test
    void aWalletIsEstimatedForAYearAQuarterOrAMonthOnce() {
        UUID estimate = UUID.randomUUID();
        fixture.given(registered())
                .when(new EstimateWallet(ID, estimate, " packaging ", new BigDecimal("1200000"), "EUR", "2026-Q3", "buyer"))
                .expectEvents(new WalletEstimated(ID, estimate, "packaging", new BigDecimal("1200000"), "EUR", "2026-Q3",
                        "buyer"));
        fixture.given(registered(), new WalletEstimated(ID, estimate, "packaging", new BigDecimal("1200000"), "EUR",
                        "2026-Q3", "buyer"))
                .when(new EstimateWallet(ID, estimate, "packaging", new BigDecimal("1200000"), "EUR", "2026-Q3", "buyer"))
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(1L));
    }

    @Test
    void aWalletEstimateNeedsAPositiveAmountAKnownCurrencyAPeriodAndASource() {
        fixture.given(registered())
                .when(new EstimateWallet(ID, UUID.randomUUID(), "packaging", BigDecimal.ZERO, "EUR", "2026", "buyer"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "amount must be greater than zero"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new EstimateWallet(ID, UUID.randomUUID(), "packaging", BigDecimal.TEN, "EUR", "2026-13", "buyer"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "period must be a year (2026), a quarter (2026-Q3) or a month"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new EstimateWallet(ID, UUID.randomUUID(), "packaging", BigDecimal.TEN, "EURO", "2026", "buyer"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "ISO 4217"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new EstimateWallet(ID, UUID.randomUUID(), "packaging", BigDecimal.TEN, "EUR", "2026", null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "source is required"))
                .expectNoEvents();
    }

    @Test
    void aRelationshipLevelIsAssessedFromOneToSixWithItsRationale() {
        fixture.given(registered())
                .when(new AssessRelationshipLevel(ID, 3, " they call us first "))
                .expectEvents(new RelationshipLevelAssessed(ID, 3, "they call us first"));
        fixture.given(registered())
                .when(new AssessRelationshipLevel(ID, 7, "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "level must be 1 (utility) to 6 (co-creation)"))
                .expectNoEvents();
    }

    /** Seed 003: co-creation means the customer creates with us; a co-development engagement shows it. */
    @Test
    void coCreationNeedsACoDevelopmentEngagementInTheCurrentTenure() {
        fixture.given(historyAt(com.relationship.contracts.account.LifecycleStage.CLIENT))
                .when(new AssessRelationshipLevel(ID, 6, "we design their next line together"))
                .expectException(refusedBy(Rule.CO_CREATION_NEEDS_AN_ENGAGEMENT, "co-development engagement"))
                .expectNoEvents();
        fixture.given(with(historyAt(com.relationship.contracts.account.LifecycleStage.CLIENT),
                        new CoDevelopmentEngagementRecorded(ID, UUID.randomUUID(), "beta programme")))
                .when(new AssessRelationshipLevel(ID, 6, "we design their next line together"))
                .expectEvents(new RelationshipLevelAssessed(ID, 6, "we design their next line together"));
    }
}
