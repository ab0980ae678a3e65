package com.relationship.service.account;

import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.relationship.service.account.AccountFixtures.*;

/** Recording the facts that are evidence: what is accepted, and what is refused as unusable. */
class EvidenceRecordingRulesTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    @Test
    void aPurchaseIsRecorded() {
        UUID purchase = UUID.randomUUID();
        fixture.given(registered())
                .when(new RecordPurchase(ID, purchase, new BigDecimal("99.90"), "USD", T, "starter pack"))
                .expectEvents(new PurchaseRecorded(ID, purchase, new BigDecimal("99.90"), "USD", T, "starter pack"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aPurchaseNeedsAPositiveAmount() {
        fixture.given(registered())
                .when(new RecordPurchase(ID, UUID.randomUUID(), BigDecimal.ZERO, "EUR", T, "free"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "amount must be greater than zero"))
                .expectNoEvents();
    }

    @Test
    void aPurchaseNeedsAnIso4217Currency() {
        fixture.given(registered())
                .when(new RecordPurchase(ID, UUID.randomUUID(), BigDecimal.TEN, "EURO", T, "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "ISO 4217"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordPurchase(ID, UUID.randomUUID(), BigDecimal.TEN, "eur", T, "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "ISO 4217"))
                .expectNoEvents();
    }

    /** Issue 29: a purchase may say what it earned, what was bought and how. */
    @Test
    void aPurchaseRecordsWhatItEarnedItsProductLineAndBuyClass() {
        UUID purchase = UUID.randomUUID();
        fixture.given(registered())
                .when(new RecordPurchase(ID, purchase, new BigDecimal("1000.00"), "EUR", T, "kit", null,
                        new BigDecimal("-50.00"), null, " Sensors ", com.relationship.contracts.account.BuyClass.NEW_TASK))
                .expectEvents(new PurchaseRecorded(ID, purchase, new BigDecimal("1000.00"), "EUR", T, "kit", null,
                        new BigDecimal("-50.00"), null, "Sensors", com.relationship.contracts.account.BuyClass.NEW_TASK));
        UUID costed = UUID.randomUUID();
        fixture.given(registered())
                .when(new RecordPurchase(ID, costed, new BigDecimal("1000.00"), "EUR", T, "kit", null, null,
                        new BigDecimal("1200.00"), null, null))
                .expectEvents(new PurchaseRecorded(ID, costed, new BigDecimal("1000.00"), "EUR", T, "kit", null, null,
                        new BigDecimal("1200.00"), null, null));
    }

    @Test
    void aPurchaseGivesItsMarginOrItsCostNotBoth() {
        fixture.given(registered())
                .when(new RecordPurchase(ID, UUID.randomUUID(), new BigDecimal("1000.00"), "EUR", T, "kit", null,
                        new BigDecimal("300.00"), new BigDecimal("700.00"), null, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "give one of them, not both"))
                .expectNoEvents();
    }

    @Test
    void aPurchasesMarginIsNoMoreThanItsAmount() {
        fixture.given(registered())
                .when(new RecordPurchase(ID, UUID.randomUUID(), new BigDecimal("1000.00"), "EUR", T, "kit", null,
                        new BigDecimal("1000.01"), null, null, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "grossMargin (1000.01) is more than the amount (1000.00)"))
                .expectNoEvents();
    }

    @Test
    void aPurchasesCostOfGoodsIsNotNegative() {
        fixture.given(registered())
                .when(new RecordPurchase(ID, UUID.randomUUID(), new BigDecimal("1000.00"), "EUR", T, "kit", null, null,
                        new BigDecimal("-1"), null, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "costOfGoods must not be negative"))
                .expectNoEvents();
    }

    @Test
    void aComplaintIsOpenedAndResolvedOnce() {
        UUID complaint = UUID.randomUUID();
        Instant due = fixture.currentTime().plus(Duration.ofDays(14)); // due after it is raised (now)
        fixture.given(registered())
                .when(new OpenComplaint(ID, complaint, "late", due))
                .expectEvents(new ComplaintOpened(ID, complaint, "late", due));
        fixture.given(registered(), new ComplaintOpened(ID, complaint, "late", T))
                .when(new ResolveComplaint(ID, complaint, "refund"))
                .expectEvents(new ComplaintResolved(ID, complaint, "refund"));
        fixture.given(registered(), new ComplaintOpened(ID, complaint, "late", T),
                        new ComplaintResolved(ID, complaint, "refund"))
                .when(new ResolveComplaint(ID, complaint, "again"))
                .expectException(refusedBy(Rule.COMPLAINT_ALREADY_RESOLVED, "already resolved"))
                .expectNoEvents();
    }

    @Test
    void anUnknownComplaintCannotBeResolved() {
        fixture.given(registered())
                .when(new ResolveComplaint(ID, UUID.randomUUID(), "refund"))
                .expectException(refusedBy(Rule.UNKNOWN_COMPLAINT, "has no complaint"))
                .expectNoEvents();
    }

    @Test
    void aComplianceReviewNeedsAnOutcomeAndAReviewer() {
        fixture.given(registered())
                .when(new RecordComplianceReview(ID, UUID.randomUUID(), null, "legal", ""))
                .expectException(refusedBy(Rule.INVALID_VALUE, "outcome is required"))
                .expectNoEvents();
    }

    @Test
    void aComplaintIdIsOpenedOnce() {
        UUID complaint = UUID.randomUUID();
        fixture.given(registered(), new ComplaintOpened(ID, complaint, "late", T))
                .when(new OpenComplaint(ID, complaint, "late again", T))
                .expectException(refusedBy(Rule.COMPLAINT_ALREADY_OPENED, "new complaint id"))
                .expectNoEvents();
        fixture.given(registered(), new ComplaintOpened(ID, complaint, "late", T),
                        new ComplaintResolved(ID, complaint, "refund"))
                .when(new OpenComplaint(ID, complaint, "late again", T))
                .expectException(refusedBy(Rule.COMPLAINT_ALREADY_OPENED, "new complaint id"))
                .expectNoEvents();
    }
}
