package com.relationship.service.account;

import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static com.relationship.service.account.AccountFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fact is recorded once (issue 25): the seller's own reference, and the id the service minted, name
 * one fact per account. Sent again with the same content, a fact answers the version that first recorded
 * it and stores nothing; with other content it is refused.
 */
class FactsRecordedOnceRulesTest {

    private static final UUID FIRST = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    private static PurchaseRecorded ordered(UUID id, String amount, String orderRef) {
        return new PurchaseRecorded(ID, id, new BigDecimal(amount), "EUR", T, "seats", orderRef);
    }

    private static RecordPurchase order(UUID id, String amount, String orderRef) {
        return new RecordPurchase(ID, id, new BigDecimal(amount), "EUR", T, "seats", orderRef);
    }

    @Test
    void aPurchaseWithANewOrderRefIsRecordedWithIt() {
        fixture.given(registered())
                .when(order(FIRST, "120.00", "PO-1"))
                .expectEvents(ordered(FIRST, "120.00", "PO-1"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theSameOrderSentAgainAnswersTheFirstVersionAndStoresNothing() {
        fixture.given(registered(), ordered(FIRST, "120.00", "PO-1"))
                .when(order(SECOND, "120.00", "PO-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(1));
        fixture.given(registered(), ordered(FIRST, "120.00", "PO-1"))
                .when(order(SECOND, "120", "PO-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(1));
    }

    @Test
    void anOrderRefSentAgainWithOtherContentIsRefusedNamingTheFirstEvent() {
        fixture.given(registered(), ordered(FIRST, "120.00", "PO-1"))
                .when(order(SECOND, "99.00", "PO-1"))
                .expectException(refusedBy(Rule.REF_ALREADY_RECORDED, "orderRef PO-1 was recorded at version 1"))
                .expectNoEvents();
    }

    /** The case: one real repeat order, sent twice, made a CUSTOMER a CLIENT. */
    @Test
    void aRepeatOrderSentTwiceIsOneRepeatPurchase() {
        List<Object> customer = with(historyAt(LifecycleStage.CUSTOMER), ordered(FIRST, "500.00", "PO-7"));
        fixture.given(customer)
                .when(order(SECOND, "500.00", "PO-7"))
                .expectNoEvents();
        fixture.given(customer)
                .when(new AdvanceLifecycleStage(ID, LifecycleStage.CLIENT))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "CLIENT"))
                .expectNoEvents();
    }

    @Test
    void theSameCommandRunAgainAfterItsAnswerWasLostAnswersTheFirstVersion() {
        fixture.given(registered(), ordered(FIRST, "120.00", null))
                .when(order(FIRST, "120.00", null))
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(1));
        fixture.given(registered(), ordered(FIRST, "120.00", null))
                .when(order(FIRST, "130.00", null))
                .expectException(refusedBy(Rule.FACT_ALREADY_RECORDED, "purchaseId " + FIRST))
                .expectNoEvents();
    }

    @Test
    void withoutAReferenceTwoEqualPurchasesAreTwoFacts() {
        fixture.given(registered(), ordered(FIRST, "120.00", null))
                .when(order(SECOND, "120.00", null))
                .expectEvents(ordered(SECOND, "120.00", null));
    }

    @Test
    void aReferenceNamesOneFactOfItsKindOnly() {
        fixture.given(registered(), ordered(FIRST, "120.00", "X-1"))
                .when(new RecordReferral(ID, SECOND, "told a peer", null, "X-1"))
                .expectEvents(new ReferralRecorded(ID, SECOND, "told a peer", null, "X-1"));
    }

    @Test
    void everyKindOfFactWithARefIsRecordedOnce() {
        record Case(AccountEvent first, Object again, Object other) {
        }
        List<Case> cases = List.of(
                new Case(new ReferralRecorded(ID, FIRST, "told a peer", "Peer Co", "R-1"),
                        new RecordReferral(ID, SECOND, "told a peer", "Peer Co", "R-1"),
                        new RecordReferral(ID, SECOND, "told another peer", "Peer Co", "R-1")),
                new Case(new CoDevelopmentEngagementRecorded(ID, FIRST, "workshop", "E-1"),
                        new RecordCoDevelopmentEngagement(ID, SECOND, "workshop", "E-1"),
                        new RecordCoDevelopmentEngagement(ID, SECOND, "another workshop", "E-1")),
                new Case(new PartnershipAgreementRecorded(ID, FIRST, "joint GTM", T, "A-1"),
                        new RecordPartnershipAgreement(ID, SECOND, "joint GTM", T, "A-1"),
                        new RecordPartnershipAgreement(ID, SECOND, "joint GTM", T.plusSeconds(60), "A-1")),
                new Case(new ComplianceReviewRecorded(ID, FIRST, ComplianceOutcome.APPROVED, "legal", null, "C-1"),
                        new RecordComplianceReview(ID, SECOND, ComplianceOutcome.APPROVED, "legal", null, "C-1"),
                        new RecordComplianceReview(ID, SECOND, ComplianceOutcome.REJECTED, "legal", null, "C-1")),
                new Case(new InteractionRecorded(ID, FIRST, InteractionChannel.CALL, InteractionDirection.TWO_WAY,
                        "J. Smith", "check-in", T, "I-1"),
                        new RecordInteraction(ID, SECOND, InteractionChannel.CALL, InteractionDirection.TWO_WAY,
                                "J. Smith", "check-in", T, "I-1"),
                        new RecordInteraction(ID, SECOND, InteractionChannel.EMAIL, InteractionDirection.TWO_WAY,
                                "J. Smith", "check-in", T, "I-1")),
                new Case(new SatisfactionSurveyed(ID, FIRST, 9, SurveyInstrument.NPS, null, T, "S-1"),
                        new RecordSatisfactionSurvey(ID, SECOND, 9, SurveyInstrument.NPS, null, T, "S-1"),
                        new RecordSatisfactionSurvey(ID, SECOND, 3, SurveyInstrument.NPS, null, T, "S-1")));
        assertThat(cases).hasSize(6);
        for (Case kind : cases) {
            fixture.given(registered(), kind.first())
                    .when(kind.again())
                    .expectNoEvents()
                    .expectResultMessagePayload(new Replayed(1));
            fixture.given(registered(), kind.first())
                    .when(kind.other())
                    .expectException(refusedBy(Rule.REF_ALREADY_RECORDED, "ref " + refOf(kind.first())))
                    .expectNoEvents();
        }
    }

    @Test
    void aComplaintOrBondOpenedAgainWithTheSameContentAnswersTheFirstVersion() {
        fixture.given(registered(), new ComplaintOpened(ID, FIRST, "late", T))
                .when(new OpenComplaint(ID, FIRST, "late", T))
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(1));
    }

    @Test
    void aFactSentAgainAnswersTheFirstVersionWhateverHappenedSince() {
        fixture.given(registered(), ordered(FIRST, "120.00", "PO-1"),
                        new LifecycleStageAdvanced(ID, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER),
                        new AccountLapsed(ID, LifecycleStage.CUSTOMER, "went elsewhere"))
                .when(order(SECOND, "120.00", "PO-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(1));
    }

    private static String refOf(AccountEvent event) {
        return com.relationship.account.FactIdentity.of(event).orElseThrow().ref();
    }
}
