package com.relationship.service.account;

import com.relationship.contracts.commands.RecordServiceActivity;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ServiceActivityRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static com.relationship.service.account.AccountFixtures.*;

/** docs/domain.md, "The cost to serve" (issue 29): a service activity is a quantity or a known cost, recorded once. */
class ServiceActivityRulesTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    @Test
    void anActivityIsAQuantityForTheRateCardOrACostAlreadyKnown() {
        UUID training = UUID.randomUUID();
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, training, "TRAINING", new BigDecimal("2"), null, null, " two days "))
                .expectEvents(new ServiceActivityRecorded(ID, training, "TRAINING", new BigDecimal("2"), null, null,
                        "two days"));
        UUID courier = UUID.randomUUID();
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, courier, "EXPEDITED_DELIVERY", null, new BigDecimal("340.00"), "USD", " "))
                .expectEvents(new ServiceActivityRecorded(ID, courier, "EXPEDITED_DELIVERY", null,
                        new BigDecimal("340.00"), "USD", null));
    }

    @Test
    void anActivityIsAQuantityOrAnAmountNotBothNorNeither() {
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, UUID.randomUUID(), "CALL", BigDecimal.ONE, BigDecimal.TEN, "EUR", null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "one of them"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, UUID.randomUUID(), "CALL", null, null, null, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "one of them"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, UUID.randomUUID(), "CALL", BigDecimal.ZERO, null, null, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "quantity must be greater than zero"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, UUID.randomUUID(), "CALL", BigDecimal.ONE, null, "EUR", null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "currency goes with an amount"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, UUID.randomUUID(), "CALL", null, BigDecimal.TEN, "EURO", null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "ISO 4217"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, UUID.randomUUID(), "sales visit", BigDecimal.ONE, null, null, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "upper-case words joined by _"))
                .expectNoEvents();
    }

    /** Seed 000: a discount is a cost of its own amount; the rate card has no price for one. */
    @Test
    void aDiscountIsItsAmountNotAQuantity() {
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, UUID.randomUUID(), "DISCOUNT", BigDecimal.ONE, null, null, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "a DISCOUNT costs its own amount"))
                .expectNoEvents();
        UUID discount = UUID.randomUUID();
        fixture.given(registered())
                .when(new RecordServiceActivity(ID, discount, "DISCOUNT", null, new BigDecimal("1500.00"), "EUR", "volume"))
                .expectEvents(new ServiceActivityRecorded(ID, discount, "DISCOUNT", null, new BigDecimal("1500.00"), "EUR",
                        "volume"));
    }

    @Test
    void theSameActivitySentAgainIsRecordedOnce() {
        UUID call = UUID.randomUUID();
        fixture.given(registered(), new ServiceActivityRecorded(ID, call, "CALL", new BigDecimal("3"), null, null, null))
                .when(new RecordServiceActivity(ID, call, "CALL", new BigDecimal("3"), null, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(1L));
    }

    @Test
    void aDisqualifiedProspectRecordsNoActivity() {
        fixture.given(registered(), new ProspectDisqualified(ID, "no budget"))
                .when(new RecordServiceActivity(ID, UUID.randomUUID(), "CALL", BigDecimal.ONE, null, null, null))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "disqualified"))
                .expectNoEvents();
    }
}
