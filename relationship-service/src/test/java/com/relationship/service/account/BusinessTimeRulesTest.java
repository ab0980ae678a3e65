package com.relationship.service.account;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.relationship.service.account.AccountFixtures.*;

/**
 * Business time (issue 25): every command may say when what it records happened; nothing is dated in
 * the future, nothing before the relationship began where the registration said when, and moves come
 * in the order they happened. Facts recorded late may be dated before moves already recorded.
 */
class BusinessTimeRulesTest {

    private static final Instant SINCE = Instant.parse("2024-11-04T00:00:00Z");

    private AggregateTestFixture<Account> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
        now = fixture.currentTime();
    }

    /** An event as stored: its business time in its metadata. */
    private static GenericDomainEventMessage<AccountEvent> dated(long sequence, AccountEvent event, Instant occurredAt) {
        return new GenericDomainEventMessage<>("Account", ID.toString(), sequence, event,
                MetaData.with(BusinessTime.KEY, occurredAt.toString()));
    }

    private static AccountRegistered registeredSince(Instant since) {
        return new AccountRegistered(ID, "Acme", "Manufacturing", 500, null, "EMEA", Classification.STRATEGIC, since);
    }

    private static RecordPurchase purchaseAt(Instant occurredAt) {
        return new RecordPurchase(ID, UUID.randomUUID(), new BigDecimal("100.00"), "EUR", occurredAt, "parts");
    }

    @Test
    void theRegistrationsBusinessTimeIsWhenTheRelationshipBegan() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ID, "Acme", "Manufacturing", 500, null, "EMEA", Classification.STRATEGIC),
                        at(SINCE))
                .expectEvents(registeredSince(SINCE));
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ID, "Acme", "Manufacturing", 500, null, "EMEA", Classification.STRATEGIC))
                .expectEvents(registeredSince(null));
    }

    /** The case: a purchase dated 2099 counted now, and made a PROSPECT a CUSTOMER. */
    @Test
    void aFactDatedInTheFutureIsRefused() {
        fixture.given(registered())
                .when(purchaseAt(Instant.parse("2099-01-01T00:00:00Z")))
                .expectException(refusedBy(Rule.IN_THE_FUTURE, "occurredAt 2099-01-01T00:00:00Z is in the future"))
                .expectNoEvents();
        fixture.given(registered())
                .when(purchaseAt(now.plus(Duration.ofMinutes(4)))) // clocks differ: within the skew is now
                .expectSuccessfulHandlerExecution();
    }

    /** The case: an agreement "signed" in 2099 cleared the move to PARTNER. */
    @Test
    void anAgreementSignedInTheFutureIsRefused() {
        fixture.given(registered())
                .when(new RecordPartnershipAgreement(ID, UUID.randomUUID(), "joint GTM",
                        Instant.parse("2099-06-01T00:00:00Z")))
                .expectException(refusedBy(Rule.IN_THE_FUTURE, "signedAt 2099-06-01T00:00:00Z is in the future"))
                .expectNoEvents();
    }

    @Test
    void aMoveOrARegistrationDatedInTheFutureIsRefused() {
        fixture.given(registered(), purchase())
                .when(new AdvanceLifecycleStage(ID, LifecycleStage.CUSTOMER), at(now.plus(Duration.ofDays(1))))
                .expectException(refusedBy(Rule.IN_THE_FUTURE, "is in the future"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ID, "Acme", "Manufacturing", 500, null, "EMEA", Classification.STRATEGIC),
                        at(now.plus(Duration.ofDays(1))))
                .expectException(refusedBy(Rule.IN_THE_FUTURE, "is in the future"))
                .expectNoEvents();
    }

    /** The case: a complaint accepted a dueBy in 1950, overdue from birth. */
    @Test
    void aComplaintIsDueAfterItWasRaised() {
        fixture.given(registered())
                .when(new OpenComplaint(ID, UUID.randomUUID(), "late", Instant.parse("1950-01-01T00:00:00Z")))
                .expectException(refusedBy(Rule.DUE_BEFORE_RAISED, "dueBy 1950-01-01T00:00:00Z is not after"))
                .expectNoEvents();
        UUID complaint = UUID.randomUUID();
        Instant due = Instant.parse("2025-02-01T00:00:00Z");
        fixture.given(registered())
                .when(new OpenComplaint(ID, complaint, "late", due), at(Instant.parse("2025-01-10T00:00:00Z")))
                .expectEvents(new ComplaintOpened(ID, complaint, "late", due));
    }

    @Test
    void nothingIsDatedBeforeTheRelationshipBeganWhereTheRegistrationSaidWhen() {
        fixture.given(dated(0, registeredSince(SINCE), SINCE))
                .when(purchaseAt(SINCE.minus(Duration.ofDays(1))))
                .expectException(refusedBy(Rule.BEFORE_THE_RELATIONSHIP, "is before the relationship began"))
                .expectNoEvents();
        fixture.given(dated(0, registeredSince(SINCE), SINCE))
                .when(purchaseAt(SINCE.plus(Duration.ofDays(1))))
                .expectSuccessfulHandlerExecution();
        // Registered without a date: it began when recorded, and a history recorded today may be dated earlier.
        fixture.given(registered())
                .when(purchaseAt(SINCE.minus(Duration.ofDays(1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMoveComesAfterTheAccountsLatestMove() {
        Instant customer = Instant.parse("2025-06-01T00:00:00Z");
        fixture.given(dated(0, registeredSince(SINCE), SINCE), dated(1, purchase(), SINCE.plus(Duration.ofDays(3))),
                        dated(2, advanced(LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER), customer))
                .when(new LapseAccount(ID, "went elsewhere"), at(customer.minus(Duration.ofDays(1))))
                .expectException(refusedBy(Rule.MOVE_BEFORE_THE_LATEST_MOVE, "before the account's latest move ("
                        + customer + ")"))
                .expectNoEvents();
        fixture.given(dated(0, registeredSince(SINCE), SINCE), dated(1, purchase(), SINCE.plus(Duration.ofDays(3))),
                        dated(2, advanced(LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER), customer))
                .when(new LapseAccount(ID, "went elsewhere"), at(customer.plus(Duration.ofDays(30))))
                .expectEvents(new AccountLapsed(ID, LifecycleStage.CUSTOMER, "went elsewhere"));
    }

    /** Facts arrive late: a purchase dated before a move already recorded is history, and is recorded. */
    @Test
    void aFactMayBeDatedBeforeMovesAlreadyRecorded() {
        Instant customer = Instant.parse("2025-06-01T00:00:00Z");
        fixture.given(dated(0, registeredSince(SINCE), SINCE), dated(1, purchase(), SINCE.plus(Duration.ofDays(3))),
                        dated(2, advanced(LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER), customer))
                .when(purchaseAt(customer.minus(Duration.ofDays(60))))
                .expectSuccessfulHandlerExecution();
    }
}
