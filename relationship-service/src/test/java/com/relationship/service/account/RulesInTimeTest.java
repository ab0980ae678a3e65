package com.relationship.service.account;

import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.relationship.contracts.account.LifecycleStage.*;
import static com.relationship.service.account.AccountFixtures.*;

/**
 * Rules that hold in time (issue 25): a win-back needs a purchase made after the lapse; the KAM track
 * follows the relationship (no partnership with a prospect or without an approved review, nothing for a
 * lapsed account, a lapse uncouples, a rejected review freezes it, a key account is not disqualified).
 */
class RulesInTimeTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    private static ComplianceReviewRecorded review(ComplianceOutcome outcome) {
        return new ComplianceReviewRecorded(ID, UUID.randomUUID(), outcome, "legal", null);
    }

    /** The history, then designated and advanced on the KAM track up to {@code stage}. */
    private static List<Object> keyAccountAt(List<Object> history, KamStage stage) {
        List<Object> events = new ArrayList<>(history);
        events.add(new KeyAccountDesignated(ID, "future advantage"));
        for (KamStage at = KamStage.PRE_KAM; at != stage; at = at.next().orElseThrow()) {
            events.add(new KamStageAdvanced(ID, at, at.next().orElseThrow()));
        }
        return events;
    }

    /** The case: a win-back needed no purchase, yet CUSTOMER itself requires one. */
    @Test
    void aWinBackNeedsAPurchaseMadeAfterTheLapse() {
        List<Object> lapsed = with(historyAt(CLIENT), new AccountLapsed(ID, CLIENT, "went to a rival"));
        fixture.given(lapsed)
                .when(new WinBackAccount(ID, "new contract"))
                .expectException(refusedBy(Rule.WIN_BACK_NEEDS_A_PURCHASE, "record the purchase that wins it back"))
                .expectNoEvents();
        fixture.given(with(lapsed, purchase()))
                .when(new WinBackAccount(ID, "new contract"))
                .expectEvents(new AccountWonBack(ID, "new contract"));
    }

    /** A purchase recorded while lapsed but dated before the lapse is history, not the one that wins it back. */
    @Test
    void aPurchaseRecordedLateDatedBeforeTheLapseDoesNotWinItBack() {
        Instant lapsedAt = Instant.parse("2025-06-01T00:00:00Z");
        List<Object> history = new ArrayList<>(historyAt(CLIENT));
        history.add(new GenericDomainEventMessage<>("Account", ID.toString(), history.size(),
                new AccountLapsed(ID, CLIENT, "went to a rival"), MetaData.with(BusinessTime.KEY, lapsedAt.toString())));
        Instant before = Instant.parse("2025-05-01T00:00:00Z");
        history.add(new GenericDomainEventMessage<>("Account", ID.toString(), history.size(),
                new PurchaseRecorded(ID, UUID.randomUUID(), BigDecimal.TEN, "EUR", before, "old invoice"),
                MetaData.with(BusinessTime.KEY, before.toString())));
        fixture.given(history)
                .when(new WinBackAccount(ID, "new contract"))
                .expectException(refusedBy(Rule.WIN_BACK_NEEDS_A_PURCHASE, "dated after it lapsed (" + lapsedAt))
                .expectNoEvents();
    }

    private static final Instant LAPSED_AT = Instant.parse("2025-06-01T00:00:00Z");

    /** A CLIENT that lapsed on {@link #LAPSED_AT} (its business time). */
    private static List<Object> lapsedOnTheFirstOfJune() {
        List<Object> history = new ArrayList<>(historyAt(CLIENT));
        history.add(new GenericDomainEventMessage<>("Account", ID.toString(), history.size(),
                new AccountLapsed(ID, CLIENT, "went to a rival"), MetaData.with(BusinessTime.KEY, LAPSED_AT.toString())));
        return history;
    }

    private static WinBackAccount.WinningPurchase winningPurchase(UUID id, Instant at, String orderRef) {
        return new WinBackAccount.WinningPurchase(id, new BigDecimal("2500.00"), "EUR", at, "first order back", orderRef);
    }

    /** The purchase that wins the account back may come with the win-back: both are recorded, in order, in one step. */
    @Test
    void aWinBackCarryingItsPurchaseRecordsThePurchaseThenTheWinBack() {
        UUID purchaseId = UUID.randomUUID();
        Instant july = Instant.parse("2025-07-01T00:00:00Z");
        fixture.given(lapsedOnTheFirstOfJune())
                .when(new WinBackAccount(ID, "new contract", winningPurchase(purchaseId, july, "PO-77")))
                .expectEvents(new PurchaseRecorded(ID, purchaseId, new BigDecimal("2500.00"), "EUR", july,
                        "first order back", "PO-77"), new AccountWonBack(ID, "new contract"));
    }

    /** A carried purchase dated before the lapse is history, not the one that wins it back: neither event is stored. */
    @Test
    void aCarriedPurchaseDatedBeforeTheLapseIsRefusedAndNothingIsStored() {
        Instant may = Instant.parse("2025-05-01T00:00:00Z");
        fixture.given(lapsedOnTheFirstOfJune())
                .when(new WinBackAccount(ID, "new contract", winningPurchase(UUID.randomUUID(), may, null)))
                .expectException(refusedBy(Rule.WIN_BACK_NEEDS_A_PURCHASE, "this one is dated " + may))
                .expectNoEvents();
    }

    /** A carried purchase is a fact like any other: not in the future, and not after the win-back it makes. */
    @Test
    void aCarriedPurchaseInTheFutureOrAfterTheWinBackIsRefused() {
        Instant nextYear = Instant.now().plusSeconds(365L * 24 * 3600);
        fixture.given(lapsedOnTheFirstOfJune())
                .when(new WinBackAccount(ID, "new contract", winningPurchase(UUID.randomUUID(), nextYear, null)))
                .expectException(refusedBy(Rule.IN_THE_FUTURE, "purchase.occurredAt"))
                .expectNoEvents();
        Instant august = Instant.parse("2025-08-01T00:00:00Z");
        fixture.given(lapsedOnTheFirstOfJune())
                .andGivenCommands()
                .when(new WinBackAccount(ID, "new contract", winningPurchase(UUID.randomUUID(), august, null)),
                        MetaData.with(BusinessTime.KEY, "2025-07-15T00:00:00Z"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "is after the win-back"))
                .expectNoEvents();
    }

    /** The order was recorded while LAPSED and comes again with the win-back: it is not recorded twice. */
    @Test
    void aCarriedOrderRecordedWhileLapsedIsNotRecordedAgain() {
        Instant july = Instant.parse("2025-07-01T00:00:00Z");
        List<Object> history = lapsedOnTheFirstOfJune();
        history.add(new GenericDomainEventMessage<>("Account", ID.toString(), history.size(),
                new PurchaseRecorded(ID, UUID.randomUUID(), new BigDecimal("2500.00"), "EUR", july, "first order back",
                        "PO-77"), MetaData.with(BusinessTime.KEY, july.toString())));
        fixture.given(history)
                .when(new WinBackAccount(ID, "new contract", winningPurchase(UUID.randomUUID(), july, "PO-77")))
                .expectEvents(new AccountWonBack(ID, "new contract"));
    }

    /** The case: a prospect that never bought reached SYNERGISTIC_KAM, a joint venture. */
    @Test
    void aPartnershipOnTheKamTrackNeedsABuyingAccount() {
        fixture.given(keyAccountAt(List.of(registered()), KamStage.MID_KAM))
                .when(new AdvanceKamStage(ID, KamStage.PARTNERSHIP_KAM))
                .expectException(refusedBy(Rule.PARTNERSHIP_KAM_GROUNDS_MISSING, "this one is PROSPECT"))
                .expectNoEvents();
    }

    /** The case: a joint venture without a compliance review. */
    @Test
    void aPartnershipOnTheKamTrackNeedsAnApprovedReviewInTheTenure() {
        fixture.given(keyAccountAt(historyAt(CUSTOMER), KamStage.MID_KAM))
                .when(new AdvanceKamStage(ID, KamStage.PARTNERSHIP_KAM))
                .expectException(refusedBy(Rule.PARTNERSHIP_KAM_GROUNDS_MISSING, "APPROVED compliance review"))
                .expectNoEvents();
        fixture.given(keyAccountAt(with(historyAt(CUSTOMER), review(ComplianceOutcome.APPROVED)), KamStage.MID_KAM))
                .when(new AdvanceKamStage(ID, KamStage.PARTNERSHIP_KAM))
                .expectEvents(new KamStageAdvanced(ID, KamStage.MID_KAM, KamStage.PARTNERSHIP_KAM));
    }

    /** The case: a LAPSED account advanced on KAM. */
    @Test
    void aLapsedAccountMovesNowhereOnTheKamTrack() {
        List<Object> lapsedKeyAccount = with(keyAccountAt(historyAt(CLIENT), KamStage.EARLY_KAM),
                new AccountLapsed(ID, CLIENT, "gone"));
        fixture.given(lapsedKeyAccount)
                .when(new AdvanceKamStage(ID, KamStage.MID_KAM))
                .expectException(refusedBy(Rule.KAM_WHILE_LAPSED, "win it back"))
                .expectNoEvents();
        fixture.given(with(historyAt(CLIENT), new AccountLapsed(ID, CLIENT, "gone")))
                .when(new DesignateKeyAccount(ID, "still strategic"))
                .expectException(refusedBy(Rule.KAM_WHILE_LAPSED, "win it back"))
                .expectNoEvents();
    }

    /** Seed 001: uncoupling prevents too much dependency; a lost customer is no key account. */
    @Test
    void aLapseOfAKeyAccountUncouplesItInTheSameCommand() {
        fixture.given(keyAccountAt(historyAt(CLIENT), KamStage.MID_KAM))
                .when(new LapseAccount(ID, "went to a rival"))
                .expectEvents(new AccountLapsed(ID, CLIENT, "went to a rival"),
                        new KeyAccountUncoupled(ID, KamStage.MID_KAM, "Lapsed: went to a rival"));
    }

    /** The case: a prospect on the KAM track could be disqualified and then stayed frozen there. */
    @Test
    void aProspectOnTheKamTrackIsUncoupledBeforeItIsDisqualified() {
        fixture.given(keyAccountAt(List.of(registered()), KamStage.EARLY_KAM))
                .when(new DisqualifyProspect(ID, "no budget"))
                .expectException(refusedBy(Rule.DISQUALIFYING_A_KEY_ACCOUNT, "uncouple it first"))
                .expectNoEvents();
    }

    /** The case: an APPROVED review from the RFP cleared PARTNER years later. */
    @Test
    void aComplianceReviewClearsPartnerOnlyWhileItIsValid() {
        Instant now = fixture.currentTime();
        List<Object> advocate = with(historyAt(ADVOCATE), new PartnershipAgreementRecorded(ID, UUID.randomUUID(),
                "joint GTM", now.minus(java.time.Duration.ofDays(10))));
        fixture.given(with(advocate, datedReview(advocate.size(), now.minus(java.time.Duration.ofDays(730)))))
                .when(new AdvanceLifecycleStage(ID, PARTNER))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "no older than 365 days at the move"))
                .expectNoEvents();
        fixture.given(with(advocate, datedReview(advocate.size(), now.minus(java.time.Duration.ofDays(30)))))
                .when(new AdvanceLifecycleStage(ID, PARTNER))
                .expectEvents(advanced(ADVOCATE, PARTNER));
    }

    @Test
    void aPartnershipOnTheKamTrackNeedsAValidReview() {
        Instant now = fixture.currentTime();
        List<Object> customer = historyAt(CUSTOMER);
        fixture.given(keyAccountAt(with(customer, datedReview(customer.size(), now.minus(java.time.Duration.ofDays(400)))),
                        KamStage.MID_KAM))
                .when(new AdvanceKamStage(ID, KamStage.PARTNERSHIP_KAM))
                .expectException(refusedBy(Rule.PARTNERSHIP_KAM_GROUNDS_MISSING, "days old"))
                .expectNoEvents();
    }

    /** A history recorded late: each event as stored, dated by its business time. */
    private static List<Object> datedHistory(Object... eventsAndTimes) {
        List<Object> history = new ArrayList<>();
        for (int i = 0; i < eventsAndTimes.length; i += 2) {
            history.add(new GenericDomainEventMessage<>("Account", ID.toString(), history.size(), eventsAndTimes[i],
                    MetaData.with(BusinessTime.KEY, eventsAndTimes[i + 1].toString())));
        }
        return history;
    }

    private static Map<String, Object> at(String occurredAt) {
        return Map.of(BusinessTime.KEY, occurredAt);
    }

    private static PurchaseRecorded purchaseOn(String day) {
        return new PurchaseRecorded(ID, UUID.randomUUID(), BigDecimal.TEN, "EUR", Instant.parse(day), "parts");
    }

    /** The case: a referral from prospect days counted for SUPPORTER; a prospect is no reference customer. */
    @Test
    void aReferenceCountsOnlyFromTheTenuresFirstPurchaseOn() {
        List<Object> client = datedHistory(registered(), "2024-01-01T00:00:00Z",
                new ReferralRecorded(ID, UUID.randomUUID(), "told a peer", "Peer Co"), "2024-01-10T00:00:00Z",
                purchaseOn("2024-02-01T00:00:00Z"), "2024-02-01T00:00:00Z",
                advanced(PROSPECT, CUSTOMER), "2024-02-05T00:00:00Z",
                purchaseOn("2024-03-01T00:00:00Z"), "2024-03-01T00:00:00Z",
                purchaseOn("2024-04-01T00:00:00Z"), "2024-04-01T00:00:00Z",
                advanced(CUSTOMER, CLIENT), "2024-04-05T00:00:00Z");
        fixture.given(client)
                .when(new AdvanceLifecycleStage(ID, SUPPORTER), at("2024-05-01T00:00:00Z"))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "dated after the account's first purchase"))
                .expectNoEvents();
        List<Object> referred = new ArrayList<>(client);
        referred.addAll(datedHistory(new ReferralRecorded(ID, UUID.randomUUID(), "told another", "Peer Two"),
                "2024-04-20T00:00:00Z").stream().map(e -> reSequenced(e, referred.size())).toList());
        fixture.given(referred)
                .when(new AdvanceLifecycleStage(ID, SUPPORTER), at("2024-05-01T00:00:00Z"))
                .expectEvents(advanced(CLIENT, SUPPORTER));
    }

    /** A history recorded late: a fact dated after a move does not count for it. */
    @Test
    void aMoveCountsOnlyTheFactsDatedAtOrBeforeIt() {
        List<Object> prospect = datedHistory(registered(), "2024-01-01T00:00:00Z",
                purchaseOn("2024-03-01T00:00:00Z"), "2024-03-01T00:00:00Z");
        fixture.given(prospect)
                .when(new AdvanceLifecycleStage(ID, CUSTOMER), at("2024-02-01T00:00:00Z"))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "dated after it"))
                .expectNoEvents();
        fixture.given(prospect)
                .when(new AdvanceLifecycleStage(ID, CUSTOMER), at("2024-03-02T00:00:00Z"))
                .expectEvents(advanced(PROSPECT, CUSTOMER));
    }

    /** A purchase recorded after a win-back but dated before the lapse belongs to the old tenure: history, not evidence. */
    @Test
    void aFactDatedBeforeTheTenureBeganIsHistoryNotEvidence() {
        List<Object> wonBack = datedHistory(registered(), "2024-01-01T00:00:00Z",
                purchaseOn("2024-02-01T00:00:00Z"), "2024-02-01T00:00:00Z",
                advanced(PROSPECT, CUSTOMER), "2024-02-05T00:00:00Z",
                new AccountLapsed(ID, CUSTOMER, "gone"), "2024-06-01T00:00:00Z",
                purchaseOn("2024-07-01T00:00:00Z"), "2024-07-01T00:00:00Z",
                new AccountWonBack(ID, "back"), "2024-07-02T00:00:00Z",
                purchaseOn("2024-03-01T00:00:00Z"), "2024-03-01T00:00:00Z",       // recorded late, old tenure
                purchaseOn("2024-05-01T00:00:00Z"), "2024-05-01T00:00:00Z");      // recorded late, old tenure
        fixture.given(wonBack)
                .when(new AdvanceLifecycleStage(ID, CLIENT), at("2024-08-01T00:00:00Z"))
                .expectException(refusedBy(Rule.EVIDENCE_MISSING, "2 purchases after the first (0 recorded)"))
                .expectNoEvents();
    }

    private static Object reSequenced(Object message, long sequence) {
        GenericDomainEventMessage<?> event = (GenericDomainEventMessage<?>) message;
        return new GenericDomainEventMessage<>("Account", ID.toString(), sequence, event.getPayload(), event.getMetaData());
    }

    /** An APPROVED review as stored, dated {@code at} (its business time). */
    private static GenericDomainEventMessage<ComplianceReviewRecorded> datedReview(long sequence, Instant at) {
        return new GenericDomainEventMessage<>("Account", ID.toString(), sequence, review(ComplianceOutcome.APPROVED),
                MetaData.with(BusinessTime.KEY, at.toString()));
    }

    /** The case: a REJECTED review after PARTNER changed nothing. */
    @Test
    void aRejectedReviewFreezesKamAdvancesUntilAnApprovedOneFollows() {
        List<Object> partner = historyAt(PARTNER);
        fixture.given(with(keyAccountAt(partner, KamStage.EARLY_KAM), review(ComplianceOutcome.REJECTED)))
                .when(new AdvanceKamStage(ID, KamStage.MID_KAM))
                .expectException(refusedBy(Rule.COMPLIANCE_HOLD, "REJECTED"))
                .expectNoEvents();
        fixture.given(with(keyAccountAt(partner, KamStage.EARLY_KAM), review(ComplianceOutcome.REJECTED),
                        review(ComplianceOutcome.APPROVED)))
                .when(new AdvanceKamStage(ID, KamStage.MID_KAM))
                .expectEvents(new KamStageAdvanced(ID, KamStage.EARLY_KAM, KamStage.MID_KAM));
    }
}
