package com.relationship.service.account;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import com.relationship.service.account.LifecyclePolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static com.relationship.contracts.account.LifecycleStage.*;
import static com.relationship.service.account.AccountFixtures.*;

/** docs/domain.md, "The lifecycle": one test per rule, accepted and refused. A refusal writes no event. */
class LifecycleRulesTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    @Test
    void registrationMakesAProspect() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ID, "Acme", "Manufacturing", 500, new BigDecimal("1000000"), "EMEA",
                        Classification.TACTICAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountRegistered(ID, "Acme", "Manufacturing", 500, new BigDecimal("1000000"), "EMEA",
                        Classification.TACTICAL, null, "EUR"));
    }

    @Test
    void registrationNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ID, " ", "Manufacturing", 500, null, "EMEA", Classification.TACTICAL))
                .expectException(refusedBy(Rule.INVALID_VALUE, "name"))
                .expectNoEvents();
    }

    @Test
    void customerNeedsAPurchase() {
        fixture.given(registered())
                .when(new AdvanceLifecycleStage(ID, CUSTOMER))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "a recorded purchase"))
                .expectNoEvents();
        fixture.given(registered(), purchase())
                .when(new AdvanceLifecycleStage(ID, CUSTOMER))
                .expectEvents(advanced(PROSPECT, CUSTOMER))
                .expectResultMessagePayload(2L);
    }

    @Test
    void clientNeedsTwoPurchasesAfterTheFirst() {
        fixture.given(with(historyAt(CUSTOMER), purchase()))
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "2 purchases after the first (1 recorded)"))
                .expectNoEvents();
        fixture.given(with(historyAt(CUSTOMER), purchase(), purchase()))
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectEvents(advanced(CUSTOMER, CLIENT));
    }

    @Test
    void repeatPurchasesForClientAreConfigurable() {
        AccountFixtures.fixture(new LifecyclePolicy(3)).given(with(historyAt(CUSTOMER), purchase(), purchase()))
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "3 purchases after the first (2 recorded)"));
    }

    @Test
    void supporterNeedsAReferral() {
        fixture.given(historyAt(CLIENT))
                .when(new AdvanceLifecycleStage(ID, SUPPORTER))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "referral"))
                .expectNoEvents();
        fixture.given(with(historyAt(CLIENT), new ReferralRecorded(ID, UUID.randomUUID(), "ref", "Peer")))
                .when(new AdvanceLifecycleStage(ID, SUPPORTER))
                .expectEvents(advanced(CLIENT, SUPPORTER));
    }

    @Test
    void supporterNeedsNoUnresolvedComplaint() {
        UUID complaint = UUID.randomUUID();
        var withReferralAndComplaint = with(historyAt(CLIENT),
                new ReferralRecorded(ID, UUID.randomUUID(), "ref", "Peer"),
                new ComplaintOpened(ID, complaint, "late delivery", T));
        fixture.given(withReferralAndComplaint)
                .when(new AdvanceLifecycleStage(ID, SUPPORTER))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "no unresolved complaint (1 open)"))
                .expectNoEvents();
        fixture.given(with(withReferralAndComplaint, new ComplaintResolved(ID, complaint, "refunded")))
                .when(new AdvanceLifecycleStage(ID, SUPPORTER))
                .expectEvents(advanced(CLIENT, SUPPORTER));
    }

    @Test
    void advocateNeedsACoDevelopmentEngagement() {
        fixture.given(historyAt(SUPPORTER))
                .when(new AdvanceLifecycleStage(ID, ADVOCATE))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "co-development"))
                .expectNoEvents();
        fixture.given(with(historyAt(SUPPORTER), new CoDevelopmentEngagementRecorded(ID, UUID.randomUUID(), "beta")))
                .when(new AdvanceLifecycleStage(ID, ADVOCATE))
                .expectEvents(advanced(SUPPORTER, ADVOCATE));
    }

    @Test
    void partnerNeedsAPartnershipAgreement() {
        fixture.given(with(historyAt(ADVOCATE),
                        new ComplianceReviewRecorded(ID, UUID.randomUUID(), ComplianceOutcome.APPROVED, "legal", "")))
                .when(new AdvanceLifecycleStage(ID, PARTNER))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "partnership agreement"))
                .expectNoEvents();
    }

    @Test
    void partnerNeedsComplianceReview() {
        fixture.given(with(historyAt(ADVOCATE), new PartnershipAgreementRecorded(ID, UUID.randomUUID(), "gtm", T)))
                .when(new AdvanceLifecycleStage(ID, PARTNER))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "compliance (antitrust / dependency) review"))
                .expectNoEvents();
    }

    @Test
    void partnerNeedsTheLatestComplianceReviewApproved() {
        var agreed = with(historyAt(ADVOCATE), new PartnershipAgreementRecorded(ID, UUID.randomUUID(), "gtm", T),
                new ComplianceReviewRecorded(ID, UUID.randomUUID(), ComplianceOutcome.APPROVED, "legal", ""),
                new ComplianceReviewRecorded(ID, UUID.randomUUID(), ComplianceOutcome.REJECTED, "legal", "cartel"));
        fixture.given(agreed)
                .when(new AdvanceLifecycleStage(ID, PARTNER))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "the latest one was REJECTED"))
                .expectNoEvents();
        fixture.given(with(agreed, new ComplianceReviewRecorded(ID, UUID.randomUUID(), ComplianceOutcome.APPROVED,
                        "legal", "remedied")))
                .when(new AdvanceLifecycleStage(ID, PARTNER))
                .expectEvents(advanced(ADVOCATE, PARTNER));
    }

    @Test
    void forwardMovesGoOneStageAtATime() {
        fixture.given(with(historyAt(CUSTOMER), purchase(), purchase()))
                .when(new AdvanceLifecycleStage(ID, SUPPORTER))
                .expectException(refusedBy(Rule.NOT_THE_NEXT_STAGE, "the next stage is CLIENT, not SUPPORTER"))
                .expectNoEvents();
    }

    @Test
    void partnerIsTheTopStage() {
        fixture.given(historyAt(PARTNER))
                .when(new AdvanceLifecycleStage(ID, PARTNER))
                .expectException(refusedBy(Rule.NO_STAGE_ABOVE, "PARTNER is the highest stage"))
                .expectNoEvents();
    }

    @Test
    void anAccountCanLapseFromAnyStageAfterProspect() {
        for (LifecycleStage stage : new LifecycleStage[]{CUSTOMER, CLIENT, SUPPORTER, ADVOCATE, PARTNER}) {
            fixture.given(historyAt(stage))
                    .when(new LapseAccount(ID, "switched to a competitor"))
                    .expectEvents(new AccountLapsed(ID, stage, "switched to a competitor"));
        }
    }

    @Test
    void aProspectCannotLapse() {
        fixture.given(registered())
                .when(new LapseAccount(ID, "gone"))
                .expectException(refusedBy(Rule.CANNOT_LAPSE, "disqualify a prospect instead"))
                .expectNoEvents();
    }

    @Test
    void aLapsedAccountCannotLapseAgainNorAdvance() {
        var lapsed = with(historyAt(CLIENT), new AccountLapsed(ID, CLIENT, "gone"));
        fixture.given(lapsed)
                .when(new LapseAccount(ID, "gone again"))
                .expectException(refusedBy(Rule.CANNOT_LAPSE, "LAPSED"))
                .expectNoEvents();
        fixture.given(lapsed)
                .when(new AdvanceLifecycleStage(ID, SUPPORTER))
                .expectException(refusedBy(Rule.NOT_ON_THE_LADDER, "win it back"))
                .expectNoEvents();
    }

    @Test
    void lapsingNeedsAReason() {
        fixture.given(historyAt(CLIENT))
                .when(new LapseAccount(ID, "  "))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "reason"))
                .expectNoEvents();
    }

    @Test
    void aWinBackReturnsALapsedAccountToCustomer() {
        fixture.given(with(historyAt(ADVOCATE), new AccountLapsed(ID, ADVOCATE, "gone"), purchase()))
                .when(new WinBackAccount(ID, "new contract"))
                .expectEvents(new AccountWonBack(ID, "new contract"));
    }

    @Test
    void onlyALapsedAccountCanBeWonBack() {
        fixture.given(historyAt(CLIENT))
                .when(new WinBackAccount(ID, "new contract"))
                .expectException(refusedBy(Rule.NOT_LAPSED, "this one is CLIENT"))
                .expectNoEvents();
    }

    @Test
    void aWinBackStartsANewTenureOfEvidence() {
        var wonBack = with(historyAt(CLIENT), new AccountLapsed(ID, CLIENT, "gone"),
                new AccountWonBack(ID, "back"));
        fixture.given(wonBack)
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "(0 recorded)"))
                .expectNoEvents();
        fixture.given(with(wonBack, purchase(), purchase(), purchase()))
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectEvents(advanced(CUSTOMER, CLIENT));
    }

    @Test
    void aProspectThatWillNotBuyCanBeDisqualified() {
        fixture.given(registered())
                .when(new DisqualifyProspect(ID, "no budget"))
                .expectEvents(new ProspectDisqualified(ID, "no budget"));
    }

    @Test
    void onlyAProspectCanBeDisqualified() {
        fixture.given(historyAt(CUSTOMER))
                .when(new DisqualifyProspect(ID, "no budget"))
                .expectException(refusedBy(Rule.NOT_A_PROSPECT, "lapse it instead"))
                .expectNoEvents();
    }

    @Test
    void aDisqualifiedProspectDoesNotAdvance() {
        fixture.given(registered(), new ProspectDisqualified(ID, "no budget"))
                .when(new AdvanceLifecycleStage(ID, CUSTOMER))
                .expectException(refusedBy(Rule.NOT_ON_THE_LADDER, "disqualified"))
                .expectNoEvents();
    }

    @Test
    void aDowngradeNeedsAReasonAndIsItsOwnEvent() {
        fixture.given(historyAt(ADVOCATE))
                .when(new DowngradeLifecycleStage(ID, CLIENT, "broken commitment"))
                .expectEvents(new LifecycleStageDowngraded(ID, ADVOCATE, CLIENT, "broken commitment"));
        fixture.given(historyAt(ADVOCATE))
                .when(new DowngradeLifecycleStage(ID, CLIENT, ""))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "reason"))
                .expectNoEvents();
    }

    @Test
    void aDowngradeGoesDownToAStageBetweenCustomerAndTheCurrentOne() {
        fixture.given(historyAt(CLIENT))
                .when(new DowngradeLifecycleStage(ID, ADVOCATE, "typo"))
                .expectException(refusedBy(Rule.NOT_A_DOWNGRADE, "ADVOCATE is not one"))
                .expectNoEvents();
        fixture.given(historyAt(CLIENT))
                .when(new DowngradeLifecycleStage(ID, PROSPECT, "never mind"))
                .expectException(refusedBy(Rule.NOT_A_DOWNGRADE, "PROSPECT is not one"))
                .expectNoEvents();
        fixture.given(historyAt(CLIENT))
                .when(new DowngradeLifecycleStage(ID, LAPSED, "gone"))
                .expectException(refusedBy(Rule.NOT_A_DOWNGRADE, "lapse it"))
                .expectNoEvents();
    }

    @Test
    void aDowngradeMeansTheStagesAboveMustBeEarnedAgain() {
        var downgraded = with(historyAt(ADVOCATE), new LifecycleStageDowngraded(ID, ADVOCATE, CLIENT, "broken"));
        fixture.given(downgraded)
                .when(new AdvanceLifecycleStage(ID, SUPPORTER))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "referral"))
                .expectNoEvents();
    }

    @Test
    void aDowngradeToCustomerMeansRepeatPurchasesMustBeMadeAgain() {
        var downgraded = with(historyAt(CLIENT), new LifecycleStageDowngraded(ID, CLIENT, CUSTOMER, "missed renewals"));
        fixture.given(downgraded)
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "2 purchases after the first (0 recorded)"))
                .expectNoEvents();
        fixture.given(with(downgraded, purchase(), purchase()))
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectEvents(advanced(CUSTOMER, CLIENT));
    }

    @Test
    void aPurchaseRecordedWhileLapsedIsTheFirstOfTheNewTenure() {
        var lapsed = with(historyAt(CLIENT), new AccountLapsed(ID, CLIENT, "gone"));
        fixture.given(with(lapsed, purchase(), new AccountWonBack(ID, "their first order since")))
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "2 purchases after the first (0 recorded)"))
                .expectNoEvents();
        fixture.given(with(lapsed, purchase(), new AccountWonBack(ID, "their first order since"), purchase(), purchase()))
                .when(new AdvanceLifecycleStage(ID, CLIENT))
                .expectEvents(advanced(CUSTOMER, CLIENT));
    }

    @Test
    void aDisqualifiedProspectRecordsNothingUntilRequalified() {
        var disqualified = with(List.of(registered()), new ProspectDisqualified(ID, "no budget"));
        fixture.given(disqualified)
                .when(new RecordPurchase(ID, UUID.randomUUID(), new BigDecimal("10.00"), "EUR", AccountFixtures.T, "po"))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify"))
                .expectNoEvents();
        fixture.given(disqualified)
                .when(new RecordReferral(ID, UUID.randomUUID(), "told a peer", "Peer Co"))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify"))
                .expectNoEvents();
        fixture.given(disqualified)
                .when(new OpenComplaint(ID, UUID.randomUUID(), "late demo", AccountFixtures.T))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify"))
                .expectNoEvents();
    }

    @Test
    void aDisqualifiedProspectIsRequalifiedWithAReason() {
        var disqualified = with(List.of(registered()), new ProspectDisqualified(ID, "no budget"));
        fixture.given(disqualified)
                .when(new RequalifyProspect(ID, "new budget approved"))
                .expectEvents(new ProspectRequalified(ID, "new budget approved"));
        fixture.given(disqualified)
                .when(new RequalifyProspect(ID, " "))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "reason"))
                .expectNoEvents();
        fixture.given(with(disqualified, new ProspectRequalified(ID, "new budget"), purchase()))
                .when(new AdvanceLifecycleStage(ID, CUSTOMER))
                .expectEvents(advanced(PROSPECT, CUSTOMER));
    }

    @Test
    void onlyADisqualifiedProspectCanBeRequalified() {
        fixture.given(registered())
                .when(new RequalifyProspect(ID, "again"))
                .expectException(refusedBy(Rule.NOT_DISQUALIFIED, "this one is PROSPECT"))
                .expectNoEvents();
    }

    @Test
    void aProspectWithAPurchaseCannotBeDisqualified() {
        fixture.given(registered(), purchase())
                .when(new DisqualifyProspect(ID, "no budget"))
                .expectException(refusedBy(Rule.PROSPECT_HAS_BOUGHT, "advance it to CUSTOMER"))
                .expectNoEvents();
    }
}
