package com.relationship.projection.committee;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.projection.churn.AccountEvents;
import com.relationship.projection.committee.CommitteeFigures.Coverage;
import com.relationship.projection.committee.CommitteeFigures.Gap;
import com.relationship.projection.committee.CommitteeFigures.SingleThreading;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage, single-threading, the gaps and the cadence, and how time passing moves them. A PROSPECT's
 * cadence is 14 days, a CUSTOMER's 30, a key account's 7 (ChurnModel.defaults()).
 */
class CommitteeFiguresTest extends CommitteeEvents {

    static final UUID CID = UUID.fromString("00000000-0000-0000-0000-0000000000c0");

    @Test
    void coverageIsTheShareOfActiveInfluentialContactsReachedWithinTheCadence() {
        CommitteeView view = fold(events.registered(day(0)),
                added(day(0), ANN, "Ann", ContactRole.CHAMPION, 5),            // reached within 14 days
                added(day(0), BEN, "Ben", ContactRole.DECISION_MAKER, 4),      // reached 20 days before: too long ago
                added(day(0), CID, "Cid", ContactRole.USER, 3),                // influence 3: not counted
                talk(day(1), day(1), BEN, InteractionDirection.TWO_WAY),
                talk(day(15), day(15), ANN, InteractionDirection.TWO_WAY),
                talk(day(21), day(21), CID, InteractionDirection.TWO_WAY));
        Coverage coverage = view.figures().coverage();
        assertThat(coverage.share()).isEqualTo(0.5);
        assertThat(coverage.reached()).isEqualTo(1);
        assertThat(coverage.keyContacts()).isEqualTo(2);
        assertThat(coverage.reachedContactIds()).containsExactly(ANN);
        assertThat(coverage.notReachedContactIds()).containsExactly(BEN);
        assertThat(coverage.eventIds()).containsExactly("e5");
        assertThat(coverage.reason()).isEqualTo("1 of 2 active contact(s) with influence 4 or more had a two-way "
                + "interaction within the last 14 day(s).");
        assertThat(view.figures().cadence().reason()).isEqualTo("A PROSPECT calls for a two-way interaction every 14 day(s).");
        assertThat(view.figures().cadence().eventIds()).containsExactly("e0");
    }

    @Test
    void coverageHasNoShareWithoutAnActiveInfluentialContactAndCountsNoneWhoLeft() {
        CommitteeView none = fold(events.registered(day(0)), added(day(0), CID, "Cid", ContactRole.USER, 3));
        assertThat(none.figures().coverage().share()).isNull();
        assertThat(none.figures().coverage().reason()).contains("nobody to cover yet");

        CommitteeView gone = fold(events.registered(day(0)), added(day(0), ANN, "Ann", ContactRole.CHAMPION, 5),
                added(day(0), BEN, "Ben", ContactRole.DECISION_MAKER, 4), talk(day(1), day(1), ANN, InteractionDirection.TWO_WAY),
                left(day(2), ANN, "left"));
        assertThat(gone.figures().coverage().share()).isEqualTo(0.0);
        assertThat(gone.figures().coverage().keyContacts()).isEqualTo(1);
    }

    /** Each row: the two-way interactions within the window (by contact; null for free text), and the answer. */
    @Test
    void singleThreadedTakesAtLeastTwoInteractionsWithAContactAllWithTheSameOne() {
        record Row(List<UUID> with, boolean singleThreaded, int interactions, int unattributed) {
        }
        List<Row> rows = List.of(
                new Row(List.of(), false, 0, 0),
                new Row(List.of(ANN), false, 1, 0),                               // one says too little
                new Row(List.of(ANN, ANN), true, 2, 0),
                new Row(List.of(ANN, BEN, ANN), false, 3, 0),
                new Row(java.util.Arrays.asList(ANN, null, ANN), true, 2, 1),     // free text counts neither way
                new Row(java.util.Arrays.asList(ANN, null, null), false, 1, 2));
        for (Row row : rows) {
            events = new AccountEvents();
            CommitteeView view = fold(events.registered(day(0)), added(day(0), ANN, "Ann", ContactRole.CHAMPION, 5),
                    added(day(0), BEN, "Ben", ContactRole.BUYER, 3));
            int n = 1;
            for (UUID contact : row.with()) {
                view = model.apply(view, talk(day(n), day(n), contact, InteractionDirection.TWO_WAY));
                n++;
            }
            SingleThreading s = view.figures().singleThreaded();
            assertThat(s.value()).as(row.toString()).isEqualTo(row.singleThreaded());
            assertThat(s.contactId()).as(row.toString()).isEqualTo(row.singleThreaded() ? ANN : null);
            assertThat(s.interactions()).as(row.toString()).isEqualTo(row.interactions());
            assertThat(s.unattributed()).as(row.toString()).isEqualTo(row.unattributed());
            assertThat(s.eventIds()).as(row.toString()).hasSize(row.with().size());
        }
    }

    @Test
    void onlyInteractionsWithinTheLastCadenceWindowCountForSingleThreading() {
        CommitteeView view = fold(events.registered(day(0)), added(day(0), ANN, "Ann", ContactRole.CHAMPION, 5),
                added(day(0), BEN, "Ben", ContactRole.BUYER, 3),
                talk(day(1), day(1), BEN, InteractionDirection.TWO_WAY),   // 19 days before the last: outside 14
                talk(day(19), day(19), ANN, InteractionDirection.TWO_WAY),
                talk(day(20), day(20), ANN, InteractionDirection.TWO_WAY));
        assertThat(view.figures().singleThreaded().value()).isTrue();
        assertThat(view.figures().singleThreaded().reason()).isEqualTo(
                "All 2 two-way interactions with a contact within the last 14 day(s) were with one contact.");
    }

    @Test
    void aChampionOrDecisionMakerWhoLeftWithNobodyOfTheRoleSinceIsAGap() {
        CommitteeView view = fold(events.registered(day(0)), added(day(0), ANN, "Ann", ContactRole.CHAMPION, 5),
                added(day(0), BEN, "Ben", ContactRole.DECISION_MAKER, 4), added(day(0), CID, "Cid", ContactRole.USER, 2),
                left(day(3), ANN, "moved on"));
        assertThat(view.figures().gaps()).containsExactly(new Gap(ContactRole.CHAMPION, day(3), ANN,
                "The last CHAMPION left on " + day(3) + " and no active contact holds the role since.", List.of("e4")));
        assertThat(view.figures().champions()).isEmpty();
        assertThat(view.figures().decisionMakers()).containsExactly(BEN);

        // Someone assessed as the new champion closes the gap; the decision maker leaving opens one.
        view = model.apply(view, assessed(day(4), CID, ContactRole.CHAMPION, 4, "took over the pilot"));
        view = model.apply(view, left(day(5), BEN, "retired"));
        assertThat(view.figures().champions()).containsExactly(CID);
        assertThat(view.figures().gaps()).extracting(Gap::role, Gap::since, Gap::departedContactId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ContactRole.DECISION_MAKER, day(5), BEN));
    }

    @Test
    void aRoleNobodyEverHeldIsNoGap() {
        CommitteeView view = fold(events.registered(day(0)), added(day(0), CID, "Cid", ContactRole.USER, 2));
        assertThat(view.figures().gaps()).isEmpty();
    }

    @Test
    void theCadenceIsTheChurnModelsForTheStageTheKeyAccountTrackAndTheStageALapseLeft() {
        CommitteeView customer = fold(events.registered(day(0)), events.advanced(day(1), LifecycleStage.PROSPECT,
                LifecycleStage.CUSTOMER));
        assertThat(customer.figures().cadence().every()).isEqualTo(Duration.ofDays(30));
        assertThat(customer.figures().cadence().eventIds()).containsExactly("e1");
        CommitteeView key = model.apply(customer, events.keyAccount(day(2)));
        assertThat(key.figures().cadence().every()).isEqualTo(Duration.ofDays(7));
        assertThat(key.figures().cadence().keyAccount()).isTrue();
        assertThat(key.figures().cadence().eventIds()).containsExactly("e1", "e2");
        assertThat(key.figures().cadence().windowStart()).isEqualTo(day(2).minus(Duration.ofDays(7)));

        events = new AccountEvents();
        CommitteeView lapsed = fold(events.registered(day(0)), events.advanced(day(1), LifecycleStage.PROSPECT,
                LifecycleStage.CUSTOMER), events.lapsed(day(2), LifecycleStage.CUSTOMER));
        assertThat(lapsed.figures().cadence().every()).as("held to the cadence of CUSTOMER").isEqualTo(Duration.ofDays(30));
        assertThat(lapsed.figures().cadence().reason()).contains("LAPSED account (held to the cadence of CUSTOMER)");
    }

    /** Time alone: the last conversation falls out of the window at its time plus the cadence, and not before. */
    @Test
    void asTimePassesCoverageFallsAndTheRelationshipIsNoLongerSingleThreadedWhenTheWindowEmpties() {
        CommitteeView view = fold(events.registered(day(0)), added(day(0), ANN, "Ann", ContactRole.CHAMPION, 5),
                added(day(0), BEN, "Ben", ContactRole.BUYER, 5), talk(day(1), day(1), BEN, InteractionDirection.TWO_WAY),
                talk(day(5), day(5), ANN, InteractionDirection.TWO_WAY), talk(day(6), day(6), ANN, InteractionDirection.TWO_WAY));
        assertThat(view.figures().coverage().share()).isEqualTo(1.0);
        assertThat(view.figures().singleThreaded().value()).isFalse();
        assertThat(model.nextChangeAt(view)).isEqualTo(day(15));
        assertThat(model.advance(view, day(6).plusSeconds(1))).as("nothing moved, nothing was due").isSameAs(view);
        assertThat(model.advance(view, day(6))).isSameAs(view);

        // Day 15: Ben's conversation of day 1 falls out: only Ann is reached now, and she carries them all.
        CommitteeView day15 = model.advance(view, day(15));
        assertThat(day15.figures().at()).isEqualTo(day(15));
        assertThat(day15.figures().coverage().share()).isEqualTo(0.5);
        assertThat(day15.figures().singleThreaded().value()).isTrue();
        assertThat(model.nextChangeAt(day15)).isEqualTo(day(19));

        // Day 21: nobody was reached within 14 days; stepping there at once gives what stepping through gave.
        CommitteeView day21 = model.advance(day15, day(21));
        assertThat(day21.figures().coverage().share()).isEqualTo(0.0);
        assertThat(day21.figures().singleThreaded().value()).isFalse();
        assertThat(model.nextChangeAt(day21)).isNull();
        assertThat(model.comparable(model.advance(view, day(21)))).isEqualTo(model.comparable(day21));
        assertThat(day21.recentTwoWay()).as("every conversation kept while it can fall in a window").hasSize(3);
        assertThat(model.advance(day21, day(200))).as("nothing can move any more").isSameAs(day21);
        assertThat(model.apply(day21, events.purchase(day(200))).recentTwoWay())
                .as("dropped once older than the longest cadence (30 days)").isEmpty();
    }

    /** A changed cadence changes what advance answers: the pass over time then visits every account once. */
    @Test
    void theFingerprintFollowsTheCadences() {
        com.relationship.projection.churn.ChurnModel d = com.relationship.projection.churn.ChurnModel.defaults();
        CommitteeReadModel shorter = new CommitteeReadModel(new com.relationship.projection.churn.ChurnModel(d.version(),
                d.weights(), d.contactCadence(), Duration.ofDays(5), d.indifferenceSpan(), d.spendPeriod(), d.mediumFrom(),
                d.highFrom(), d.rescoreStep(), d.judgement()));
        assertThat(shorter.fingerprint()).isNotEqualTo(model.fingerprint());
        assertThat(new CommitteeReadModel(d).fingerprint()).isEqualTo(model.fingerprint());
    }
}
