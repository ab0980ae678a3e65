package com.relationship.projection.churn;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnView.Cause;
import com.relationship.projection.churn.ChurnView.CauseKind;
import com.relationship.projection.churn.ChurnView.ScoreChange;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnReadModelTest {

    static final Instant T0 = Instant.parse("2026-01-01T09:00:00.123456Z");
    final AccountEvents events = new AccountEvents();
    final RecordingBandChanges published = new RecordingBandChanges();
    /** The read model's mechanics, on version 1's numbers (the 90-day spend periods the trimming test counts on). */
    final ChurnReadModel model = new ChurnReadModel(ChurnModel.version1(), BondingModel.defaults(), 100, published);

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    ChurnView fold(EnvelopedAccountEvent... all) {
        ChurnView view = null;
        for (EnvelopedAccountEvent e : all) {
            view = model.apply(view, e);
        }
        return view;
    }

    /** A prospect (cadence 14 days), no bond, a lukewarm survey: LOW while the silence is young. */
    ChurnView quietProspect() {
        return fold(events.registered(T0), events.survey(T0, 4));
    }

    @Test
    void namesItsGroupAndCollection() {
        assertThat(model.name()).isEqualTo("churn-risk");
        assertThat(model.collection()).isEqualTo("account_churn_risk");
    }

    @Test
    void applyScoresAtTheEventsTimeWithTheEventAsCause() {
        ChurnView view = fold(events.registered(T0), events.survey(day(3), 0));
        assertThat(view.score().at()).isEqualTo(day(3));
        assertThat(view.score().factor(ChurnFactor.SATISFACTION).points()).isEqualTo(15);
        assertThat(view.score().factor(ChurnFactor.SATISFACTION).eventIds()).containsExactly("e1");
        assertThat(view.history()).extracting(ScoreChange::cause)
                .containsExactly(new Cause(CauseKind.EVENT, "e0"), new Cause(CauseKind.EVENT, "e1"));
        assertThat(view.lastAppliedSequence()).isEqualTo(1);
    }

    /**
     * A tier is not in the account's events: when its cadence changes, time (the pass the change makes due) scores the
     * account again, even at the instant it was scored at, and says whose cadence it holds the account to.
     */
    @Test
    void aChangeOfTheValueTiersCadenceIsScoredAtTheNextAdvanceEvenWithoutTimePassing() {
        java.util.concurrent.atomic.AtomicReference<TierCadence> tier = new java.util.concurrent.atomic.AtomicReference<>();
        ChurnReadModel tiered = new ChurnReadModel(ChurnModel.version1(), BondingModel.defaults(), 100, published,
                () -> null, accountId -> tier.get());
        ChurnView view = null;
        for (EnvelopedAccountEvent e : List.of(events.registered(T0), events.advanced(T0, LifecycleStage.PROSPECT,
                LifecycleStage.CUSTOMER), events.interaction(day(1), InteractionChannel.MEETING, InteractionDirection.TWO_WAY),
                events.purchase(day(5)))) {
            view = tiered.apply(view, e);
        }
        assertThat(view.score().factor(ChurnFactor.INDIFFERENCE).points()).as("4 days into a CUSTOMER's 30").isZero();
        assertThat(tiered.advance(view, day(5))).as("nothing moved: the same view").isSameAs(view);

        tier.set(new TierCadence("MVC", Duration.ofDays(1)));
        ChurnView held = tiered.advance(view, day(5));

        assertThat(held.score().at()).as("scored again at its own instant").isEqualTo(day(5));
        assertThat(held.score().factor(ChurnFactor.INDIFFERENCE).reason())
                .isEqualTo("No two-way interaction for 4 days; an MVC (its value tier) calls for one every day.");
        assertThat(held.score().factor(ChurnFactor.INDIFFERENCE).points()).as("past 1 + 2 daily cadences").isEqualTo(30);
        assertThat(held.history()).last().extracting(ScoreChange::cause).isEqualTo(new Cause(CauseKind.TIME, null));
    }

    @Test
    void silenceAloneRaisesTheBandAsTheClockMovesAndATwoWayMeetingBringsItDown() {
        ChurnView view = quietProspect();
        assertThat(view.score().band()).isEqualTo(ChurnBand.LOW);
        // Silence starts to count one cadence after registration: that is when time is next due.
        assertThat(model.nextChangeAt(view)).isEqualTo(day(14));
        assertThat(model.advance(view, day(10)).score().band()).isEqualTo(ChurnBand.LOW);

        ChurnView medium = model.advance(view, day(21));
        assertThat(medium.score().band()).isEqualTo(ChurnBand.MEDIUM);
        assertThat(medium.score().score()).isGreaterThan(view.score().score());
        assertThat(medium.history()).last().extracting(ScoreChange::cause).isEqualTo(new Cause(CauseKind.TIME, null));
        assertThat(model.nextChangeAt(medium)).isEqualTo(day(22));

        ChurnView high = model.advance(medium, day(42));
        assertThat(high.score().band()).isEqualTo(ChurnBand.HIGH);
        assertThat(high.score().factor(ChurnFactor.INDIFFERENCE).points()).isEqualTo(30);
        assertThat(high.lastAppliedSequence()).isEqualTo(view.lastAppliedSequence());

        ChurnView met = model.apply(high, events.interaction(day(42), InteractionChannel.MEETING,
                InteractionDirection.TWO_WAY));
        assertThat(met.score().factor(ChurnFactor.INDIFFERENCE).points()).isZero();
        assertThat(met.score().band()).isEqualTo(ChurnBand.LOW);
        assertThat(met.history()).last().extracting(ScoreChange::cause).isEqualTo(new Cause(CauseKind.EVENT, "e2"));
    }

    @Test
    void anOutboundEmailDoesNotAnswerTheSilence() {
        ChurnView high = model.advance(quietProspect(), day(42));
        ChurnView emailed = model.apply(high, events.interaction(day(42), InteractionChannel.EMAIL,
                InteractionDirection.OUTBOUND));
        assertThat(emailed.score().band()).isEqualTo(ChurnBand.HIGH);
        assertThat(emailed.facts().lastInteraction().eventId()).isEqualTo("e2");
        // Nothing moved: no history entry for it.
        assertThat(emailed.history()).isEqualTo(high.history());
    }

    @Test
    void advanceWhenNothingMovedIsTheViewItself() {
        ChurnView view = quietProspect();
        assertThat(model.advance(view, T0)).isSameAs(view);
    }

    @Test
    void aNewModelVersionReScoresWithCauseModel() {
        // Version 1 to version 2, the switch issue 27 makes: every account re-scored once, the history says why.
        ChurnReadModel next = new ChurnReadModel(ChurnModel.defaults(), BondingModel.defaults(), 100, published);
        ChurnView view = quietProspect();
        assertThat(next.nextChangeAt(view)).isEqualTo(view.score().at());
        assertThat(next.fingerprint()).isNotEqualTo(model.fingerprint()).startsWith("2:");

        ChurnView rescored = next.advance(view, day(1));
        assertThat(rescored.score().modelVersion()).isEqualTo("2");
        assertThat(rescored.history()).last().extracting(ScoreChange::cause).isEqualTo(new Cause(CauseKind.MODEL, null));
        assertThat(next.nextChangeAt(rescored)).isEqualTo(rescored.score().nextRescoreAt());
    }

    @Test
    void theFingerprintFollowsTheNumbersNotOnlyTheVersion() {
        ChurnModel d = ChurnModel.version1();
        ChurnModel tuned = new ChurnModel(d.version(), d.weights(), d.contactCadence(), d.keyAccountCadence(),
                d.indifferenceSpan(), d.spendPeriod(), 40, d.highFrom(), d.rescoreStep());
        assertThat(new ChurnReadModel(tuned, BondingModel.defaults(), 100, published).fingerprint())
                .isNotEqualTo(model.fingerprint());
        assertThat(new ChurnReadModel(ChurnModel.version1(), BondingModel.defaults(), 100, published).fingerprint())
                .isEqualTo(model.fingerprint());
    }

    @Test
    void theFactorsPointsAddUpToTheScoreInEveryHistoryEntry() {
        UUID complaint = UUID.randomUUID();
        ChurnView view = fold(events.registered(T0), events.bond(day(1), UUID.randomUUID(), BondKind.FINANCIAL, day(50)),
                events.complaint(day(2), complaint, day(5)), events.purchase(day(3)), events.survey(day(4), 2));
        view = model.advance(view, day(30));
        view = model.apply(view, events.resolved(day(30), complaint));
        view = model.advance(view, day(200));
        view = model.apply(view, events.lapsed(day(201), null));
        assertThat(view.history()).hasSizeGreaterThan(5);
        for (ScoreChange change : view.history()) {
            assertThat(change.points().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(change.score());
        }
        assertThat(view.score().score()).isEqualTo(100);
    }

    @Test
    void factsThatCanNoLongerMoveTheScoreAreDroppedSoTheDocumentDoesNotGrowForever() {
        ChurnView view = fold(events.registered(T0), events.purchase(day(1)),
                events.bond(day(1), UUID.randomUUID(), BondKind.FINANCIAL, day(10)), events.purchase(day(100)));
        // Past two spend periods (180 days) after the first purchase it has left "the period before".
        ChurnView later = model.advance(view, day(182));
        assertThat(later.facts().inputs().purchases()).extracting(ChurnInputs.Purchase::eventId).containsExactly("e3");
        assertThat(later.facts().inputs().bonds()).isEmpty();
        assertThat(model.advance(view, day(182)).score()).isEqualTo(later.score());
    }

    @Test
    void theTrendComparesWithTheLastScoreAtOrBefore30DaysAgo() {
        ChurnView view = model.advance(model.advance(quietProspect(), day(21)), day(42));
        ChurnView.Trend trend = view.trend(day(51));
        assertThat(trend.then()).isEqualTo(view.history().stream().filter(c -> !c.at().isAfter(day(21)))
                .reduce((a, b) -> b).orElseThrow().score());
        assertThat(trend.change()).isEqualTo(view.score().score() - trend.then());
        assertThat(view.trend(day(20)).then()).isNull();
    }

    @Test
    void theWatchListPutsTheHighestScoreFirst() {
        ChurnView high = model.advance(quietProspect(), day(42));
        ChurnView low = quietProspect();
        assertThat(new ArrayList<>(List.of(low, high)).stream().sorted(ChurnView.WATCH_LIST).toList())
                .containsExactly(high, low);
    }

    @Test
    void theDocumentReadsBackAsTheViewItWasWrittenFrom() {
        UUID complaint = UUID.randomUUID();
        ChurnView view = fold(events.registered(T0), events.keyAccount(day(1)),
                events.bond(day(1), UUID.randomUUID(), BondKind.SOCIAL, day(60)),
                events.complaint(day(2), complaint, day(5)), events.purchase(day(3)), events.survey(day(4), 6),
                events.interaction(day(5), InteractionChannel.CALL, InteractionDirection.TWO_WAY),
                events.interaction(day(6), InteractionChannel.EMAIL, InteractionDirection.INBOUND),
                events.lapsed(day(7), null));
        view = model.advance(view, day(9));
        Document doc = new Document();
        model.write(view, doc);
        assertThat(doc.getString("band")).isEqualTo(view.score().band().name());
        assertThat(model.read(Document.parse(doc.toJson()))).isEqualTo(view);
    }

    @Test
    void theBandChangeIsPublishedOnlyWhenTheBandChanges() {
        ChurnView first = quietProspect();
        model.stored(null, first);
        ChurnView sameBand = model.advance(first, day(10));
        model.stored(first, sameBand);
        ChurnView medium = model.advance(sameBand, day(21));
        model.stored(sameBand, medium);
        model.republish(medium);
        assertThat(published.changes).containsExactly(List.of("none", "LOW"), List.of("LOW", "MEDIUM"));
        assertThat(published.republished).containsExactly(medium);
    }

    static final class RecordingBandChanges implements ChurnBandChanges {
        final List<List<String>> changes = new ArrayList<>();
        final List<ChurnView> republished = new ArrayList<>();

        @Override
        public void bandChanged(ChurnView before, ChurnView after) {
            changes.add(List.of(before == null ? "none" : before.score().band().name(), after.score().band().name()));
        }

        @Override
        public void republish(ChurnView stored) {
            republished.add(stored);
        }
    }
}
