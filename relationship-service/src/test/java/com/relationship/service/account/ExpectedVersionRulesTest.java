package com.relationship.service.account;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.commands.ClassifyAccount;
import com.relationship.contracts.commands.RecordPurchase;
import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.PurchaseRecorded;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static com.relationship.service.account.AccountFixtures.*;
import static org.hamcrest.Matchers.containsString;

/** A command carrying the version its sender saw (If-Match) is applied only while the account is still at it. */
class ExpectedVersionRulesTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    private static MetaData expecting(long version) {
        return MetaData.with(Account.EXPECTED_VERSION, version);
    }

    @Test
    void aCommandAtTheCurrentVersionIsApplied() {
        UUID purchase = UUID.randomUUID();
        fixture.given(registered(), purchase())
                .when(new RecordPurchase(ID, purchase, BigDecimal.TEN, "EUR", T, "x"), expecting(1))
                .expectEvents(new PurchaseRecorded(ID, purchase, BigDecimal.TEN, "EUR", T, "x"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aCommandAtAnOlderVersionIsRefusedWithTheCurrentOne() {
        fixture.given(registered(), purchase(), purchase())
                .when(new ClassifyAccount(ID, Classification.TACTICAL, "cheaper to serve"), expecting(1))
                .expectNoEvents()
                .expectException(stale(1, 2))
                .expectExceptionMessage(containsString("is at version 2, not 1"));
    }

    @Test
    void aCommandAtAVersionNotYetReachedIsRefused() {
        fixture.given(registered())
                .when(new ClassifyAccount(ID, Classification.TACTICAL, "r"), expecting(5))
                .expectNoEvents()
                .expectException(stale(5, 0));
    }

    /** Refused as stale, with the version the sender expected and the account's current one. */
    private static Matcher<Throwable> stale(long expected, long current) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof StaleAccountVersion stale && stale.expectedVersion() == expected
                        && stale.currentVersion() == current && ID.equals(stale.accountId());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("stale: expected " + expected + ", current " + current);
            }
        };
    }

    @Test
    void aCommandWithoutAnExpectedVersionIsUnconditional() {
        fixture.given(registered(), purchase(), purchase())
                .when(new ClassifyAccount(ID, Classification.TACTICAL, "cheaper to serve"))
                .expectEvents(new AccountClassified(ID, Classification.TACTICAL, "cheaper to serve"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aRuleStillAppliesAtTheExpectedVersion() {
        fixture.given(registered(Classification.TACTICAL))
                .when(new ClassifyAccount(ID, Classification.TACTICAL, "again"), expecting(0))
                .expectNoEvents()
                .expectException(refusedBy(Rule.ALREADY_CLASSIFIED_SO, "already TACTICAL"));
    }
}
