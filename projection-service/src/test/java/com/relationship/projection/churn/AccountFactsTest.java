package com.relationship.projection.churn;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.readmodel.InconsistentEventStreamException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountFactsTest {

    static final Instant T0 = Instant.parse("2026-01-01T09:00:00.123456Z");
    final AccountEvents events = new AccountEvents();

    AccountFacts fold(EnvelopedAccountEvent... all) {
        AccountFacts facts = null;
        for (EnvelopedAccountEvent e : all) {
            facts = AccountFacts.apply(facts, e);
        }
        return facts;
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    @Test
    void registrationStartsAProspectWithNothingElse() {
        ChurnInputs in = fold(events.registered(T0)).inputs();
        assertThat(in.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(in.stageEventId()).isEqualTo("e0");
        assertThat(in.registeredAt()).isEqualTo(T0);
        assertThat(in.bonds()).isEmpty();
    }

    @Test
    void anEventBeforeRegistrationIsAnInconsistentStream() {
        events.registered(T0);
        assertThatThrownBy(() -> AccountFacts.apply(null, events.wonBack(day(1))))
                .isInstanceOf(InconsistentEventStreamException.class);
    }

    @Test
    void stageEventsMoveTheStageAndKeepTheirId() {
        AccountFacts facts = fold(events.registered(T0), events.advanced(day(1), LifecycleStage.PROSPECT,
                LifecycleStage.CUSTOMER), events.keyAccount(day(2)));
        assertThat(facts.inputs().stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(facts.inputs().stageEventId()).isEqualTo("e1");
        assertThat(facts.inputs().keyAccount()).isTrue();
    }

    @Test
    void aLapseRemembersWhereFromAndAWinBackMakesACustomerAgain() {
        AccountFacts lapsed = fold(events.registered(T0),
                events.advanced(day(1), LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER),
                events.lapsed(day(2), LifecycleStage.CUSTOMER));
        assertThat(lapsed.inputs().stage()).isEqualTo(LifecycleStage.LAPSED);
        assertThat(lapsed.inputs().lapsedFrom()).isEqualTo(LifecycleStage.CUSTOMER);
        AccountFacts back = AccountFacts.apply(lapsed, events.wonBack(day(3)));
        assertThat(back.inputs().stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(back.inputs().lapsedFrom()).isNull();
        assertThat(back.inputs().stageEventId()).isEqualTo("e3");
    }

    @Test
    void complaintsOpenAndResolve() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        AccountFacts facts = fold(events.registered(T0), events.complaint(day(1), first, day(5)),
                events.complaint(day(2), second, day(6)), events.resolved(day(3), first));
        assertThat(facts.inputs().openComplaints()).singleElement()
                .satisfies(c -> {
                    assertThat(c.complaintId()).isEqualTo(second);
                    assertThat(c.eventId()).isEqualTo("e2");
                    assertThat(c.dueBy()).isEqualTo(day(6));
                });
    }

    @Test
    void purchasesSurveysAndBondsKeepTheirEvents() {
        UUID bond = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        AccountFacts facts = fold(events.registered(T0), events.purchase(day(1)), events.survey(day(2), 4),
                events.bond(day(3), bond, BondKind.SOCIAL, null), events.bond(day(4), gone, BondKind.FINANCIAL, null),
                events.dissolved(day(5), gone, BondKind.FINANCIAL));
        assertThat(facts.inputs().purchases()).containsExactly(
                new ChurnInputs.Purchase(day(1), new java.math.BigDecimal("100.00"), "EUR", "e1"));
        assertThat(facts.inputs().latestSurvey().score()).isEqualTo(4);
        assertThat(facts.inputs().latestSurvey().eventId()).isEqualTo("e2");
        assertThat(facts.inputs().bonds()).singleElement().satisfies(b -> {
            assertThat(b.bondId()).isEqualTo(bond);
            assertThat(b.eventId()).isEqualTo("e3");
        });
    }

    @Test
    void aTwoWayMeetingAnswersIndifferenceAnOutboundEmailDoesNot() {
        AccountFacts facts = fold(events.registered(T0),
                events.interaction(day(1), InteractionChannel.MEETING, InteractionDirection.TWO_WAY),
                events.interaction(day(2), InteractionChannel.EMAIL, InteractionDirection.OUTBOUND));
        assertThat(facts.inputs().lastTwoWayInteraction()).isEqualTo(new ChurnInputs.Dated(day(1), "e1"));
        assertThat(facts.lastInteraction()).isEqualTo(new AccountFacts.LastInteraction(day(2),
                InteractionChannel.EMAIL, InteractionDirection.OUTBOUND, "e2"));
    }

    @Test
    void anIgnoredEventLeavesTheFactsThemselves() {
        AccountFacts facts = fold(events.registered(T0));
        assertThat(AccountFacts.apply(facts, events.at(day(1),
                new com.relationship.contracts.events.ReferralRecorded(events.accountId, UUID.randomUUID(), "x", "Beta"))))
                .isSameAs(facts);
    }

    /** Issue 28: the owner moves no factor; the facts keep it for the watch list's owner filter, stored and read. */
    @Test
    void theOwnerIsKeptWhoeverOwnsTheAccountLast() {
        AccountFacts facts = fold(events.registered(T0),
                events.at(day(1), new com.relationship.contracts.events.AccountOwnerAssigned(events.accountId, "hunter@sales",
                        com.relationship.contracts.account.OwnerKind.HUNTER, "won it")),
                events.at(day(40), new com.relationship.contracts.events.AccountOwnerAssigned(events.accountId, "dev@sales",
                        com.relationship.contracts.account.OwnerKind.DEVELOPER, "grow it")));
        assertThat(facts.owner()).isEqualTo("dev@sales");
        assertThat(facts.inputs().stageEventId()).as("no factor moved: still the registration's stage").isEqualTo("e0");
        assertThat(AccountFactsDocuments.read(AccountFactsDocuments.write(facts))).isEqualTo(facts);
        assertThat(facts.trimmed(day(400), Duration.ofDays(30)).owner()).isEqualTo("dev@sales");
    }
}
