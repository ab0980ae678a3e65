package com.relationship.projection.status;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ExchangeType;
import com.relationship.contracts.status.LastInteraction;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.AccountEvents;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.ChurnReadModel;
import com.relationship.projection.churn.ChurnView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.relationship.contracts.account.LifecycleStage.CLIENT;
import static com.relationship.contracts.account.LifecycleStage.CUSTOMER;
import static com.relationship.contracts.account.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status's standing (bonding level, churn risk, last interaction, exchange type): reckoned by the
 * same code as the bonding and churn-risk read models, at the event's time, and moved by time alone.
 */
class AccountStandingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final AccountStatusProjector projector = new AccountStatusProjector();
    private final AccountEvents events = new AccountEvents();
    private final List<EnvelopedAccountEvent> history = new ArrayList<>();

    @Test
    void aStructuralBondLiftsACustomerToValueAddedAndShowsAsItsBondingLevel() {
        customer();
        AccountStatus before = status();
        add(events.bond(day(3), UUID.randomUUID(), BondKind.STRUCTURAL, null));
        AccountStatus after = status();

        assertThat(before.bondingLevel()).isNull();
        assertThat(before.bondStrength()).isZero();
        assertThat(before.exchangeType()).isEqualTo(ExchangeType.TRANSACTIONAL);
        assertThat(after.bondingLevel()).isEqualTo(BondKind.STRUCTURAL);
        assertThat(after.bondStrength()).isEqualTo(40);
        assertThat(after.exchangeType()).isEqualTo(ExchangeType.VALUE_ADDED);
        assertThat(after.standingAt()).isEqualTo(day(3));
    }

    @Test
    void theChurnScoreAndBandAreTheChurnReadModelsForTheSameEvents() {
        customer();
        add(events.complaint(day(4), UUID.randomUUID(), day(10)));
        add(events.survey(day(5), 3));
        add(events.bond(day(6), UUID.randomUUID(), BondKind.FINANCIAL, null));
        ChurnReadModel churn = new ChurnReadModel(ChurnModel.defaults(), BondingModel.defaults(), 100, null);
        ChurnView view = null;
        for (EnvelopedAccountEvent event : history) {
            view = churn.apply(view, event);
        }

        AccountStatus status = status();
        assertThat(status.churnScore()).isEqualTo(view.score().score()).isPositive();
        assertThat(status.churnBand()).isEqualTo(view.score().band());
    }

    @Test
    void theLastInteractionOfAnyDirectionIsShown() {
        customer();
        EnvelopedAccountEvent call = add(events.interaction(day(4), InteractionChannel.CALL, InteractionDirection.OUTBOUND));

        assertThat(status().lastInteraction())
                .isEqualTo(new LastInteraction(day(4), InteractionChannel.CALL, InteractionDirection.OUTBOUND, call.eventId()));
    }

    @Test
    void silenceAloneRaisesTheChurnBandAsTimePassesAndTheStatusSaysWhen() {
        customer();
        add(events.interaction(day(2), InteractionChannel.MEETING, InteractionDirection.TWO_WAY));
        StatusView view = view();
        assertThat(view.status().churnBand()).isEqualTo(ChurnBand.LOW);
        assertThat(view.nextChangeAt()).isAfter(day(2));

        StatusView quiet = projector.advance(view, day(200));

        assertThat(quiet.status().churnBand()).isGreaterThan(ChurnBand.LOW);
        assertThat(quiet.status().churnScore()).isGreaterThan(view.status().churnScore());
        assertThat(quiet.status().standingAt()).isEqualTo(day(200));
        assertThat(quiet.status().lastAppliedSequence()).isEqualTo(view.status().lastAppliedSequence());
        assertThat(quiet.status().updatedAt()).as("no event happened").isEqualTo(view.status().updatedAt());
    }

    @Test
    void aBondThatRunsOutDropsTheBondingLevelAndTheExchangeTypeWithoutACommand() {
        customer();
        add(events.advanced(day(3), CUSTOMER, CLIENT));
        add(events.bond(day(4), UUID.randomUUID(), BondKind.STRUCTURAL, day(20)));
        StatusView bound = view();
        assertThat(bound.status().exchangeType()).isEqualTo(ExchangeType.COLLABORATIVE);
        assertThat(bound.nextChangeAt()).isBeforeOrEqualTo(day(20));

        StatusView after = projector.advance(bound, day(21));

        assertThat(after.status().bondingLevel()).isNull();
        assertThat(after.status().bondStrength()).isZero();
        assertThat(after.status().exchangeType()).isEqualTo(ExchangeType.VALUE_ADDED);
        assertThat(after.facts().inputs().bonds()).as("the ended bond is dropped from the facts").isEmpty();
    }

    @Test
    void advancingToTheSameInstantOrBeforeTheNextChangeLeavesTheViewItself() {
        customer();
        StatusView view = view();

        assertThat(projector.advance(view, view.status().standingAt())).isSameAs(view);
        assertThat(projector.advance(view, view.status().standingAt().plusSeconds(1))).isSameAs(view);
    }

    @Test
    void aRebuildGivesTheSameStandingAsTheLiveFold() {
        customer();
        add(events.bond(day(4), UUID.randomUUID(), BondKind.SOCIAL, day(40)));
        add(events.interaction(day(5), InteractionChannel.VISIT, InteractionDirection.TWO_WAY));

        assertThat(projector.fold(history)).isEqualTo(projector.fold(List.copyOf(history)));
        assertThat(new AccountStatusProjector(ChurnModel.defaults(), BondingModel.defaults()).fold(history))
                .isEqualTo(projector.fold(history));
    }

    private void customer() {
        add(events.registered(day(0)));
        add(events.purchase(day(1)));
        add(events.advanced(day(1), PROSPECT, CUSTOMER));
    }

    private EnvelopedAccountEvent add(EnvelopedAccountEvent event) {
        history.add(event);
        return event;
    }

    private StatusView view() {
        StatusView view = null;
        for (EnvelopedAccountEvent event : history) {
            view = projector.apply(view, event);
        }
        return view;
    }

    private AccountStatus status() {
        return view().status();
    }

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }
}
