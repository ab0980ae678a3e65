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
