package com.relationship.service.account;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.*;
import com.relationship.service.infra.AccountCommandTargetResolver;
import com.relationship.service.account.LifecyclePolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Histories and matchers shared by the aggregate rule tests. */
final class AccountFixtures {

    static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final Instant T = Instant.parse("2026-01-10T10:00:00Z");

    private AccountFixtures() {
    }

    static AggregateTestFixture<Account> fixture() {
        return fixture(LifecyclePolicy.defaults());
    }

    static AggregateTestFixture<Account> fixture(LifecyclePolicy policy) {
        return fixture(policy, ReportingCurrency.defaults());
    }

    /** With {@code reporting} as the configured reporting currency. */
    static AggregateTestFixture<Account> fixture(ReportingCurrency reporting) {
        return fixture(LifecyclePolicy.defaults(), reporting);
    }

    private static AggregateTestFixture<Account> fixture(LifecyclePolicy policy, ReportingCurrency reporting) {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerCommandTargetResolver(new AccountCommandTargetResolver());
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(BusinessTimePolicy.defaults());
        fixture.registerInjectableResource(ProfitabilityPolicy.defaults());
        fixture.registerInjectableResource(reporting);
        return fixture;
    }

    static AccountRegistered registered(Classification classification) {
        return new AccountRegistered(ID, "Acme", "Manufacturing", 500, new BigDecimal("1000000"), "EMEA",
                classification);
    }

    static AccountRegistered registered() {
        return registered(Classification.STRATEGIC);
    }

    static PurchaseRecorded purchase() {
        return new PurchaseRecorded(ID, UUID.randomUUID(), new BigDecimal("100.00"), "EUR", T, "order");
    }

    static LifecycleStageAdvanced advanced(LifecycleStage from, LifecycleStage to) {
        return new LifecycleStageAdvanced(ID, from, to);
    }

    /** A history that took the account to {@code stage} with exactly the evidence each step needed. */
    static List<Object> historyAt(LifecycleStage stage) {
        List<Object> events = new ArrayList<>(List.of(registered()));
        if (stage.rank() >= LifecycleStage.CUSTOMER.rank()) {
            events.add(purchase());
            events.add(advanced(LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        }
        if (stage.rank() >= LifecycleStage.CLIENT.rank()) {
            events.add(purchase());
            events.add(purchase());
            events.add(advanced(LifecycleStage.CUSTOMER, LifecycleStage.CLIENT));
        }
        if (stage.rank() >= LifecycleStage.SUPPORTER.rank()) {
            events.add(new ReferralRecorded(ID, UUID.randomUUID(), "told a peer", "Peer Co"));
            events.add(advanced(LifecycleStage.CLIENT, LifecycleStage.SUPPORTER));
        }
        if (stage.rank() >= LifecycleStage.ADVOCATE.rank()) {
            events.add(new CoDevelopmentEngagementRecorded(ID, UUID.randomUUID(), "beta programme"));
            events.add(advanced(LifecycleStage.SUPPORTER, LifecycleStage.ADVOCATE));
        }
        if (stage.rank() >= LifecycleStage.PARTNER.rank()) {
            events.add(new PartnershipAgreementRecorded(ID, UUID.randomUUID(), "joint GTM", T));
            events.add(new ComplianceReviewRecorded(ID, UUID.randomUUID(), ComplianceOutcome.APPROVED, "legal", ""));
            events.add(advanced(LifecycleStage.ADVOCATE, LifecycleStage.PARTNER));
        }
        return events;
    }

    /** A command's metadata saying when what it records happened (its business time). */
    static Map<String, Object> at(Instant occurredAt) {
        return Map.of(BusinessTime.KEY, occurredAt.toString());
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    /** The command was refused by {@code rule}, and the refusal's detail mentions {@code words}. */
    static Matcher<Throwable> refusedBy(Rule rule, String words) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof AccountRuleViolation violation && violation.rule() == rule
                        && violation.getMessage().contains(words);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused by " + rule + " with a detail containing '" + words + "'");
            }
        };
    }
}
