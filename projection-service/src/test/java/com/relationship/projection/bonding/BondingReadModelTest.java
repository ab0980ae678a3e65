package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingView.LevelChange;
import com.relationship.projection.churn.AccountEvents;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BondingReadModelTest {

    static final Instant T0 = Instant.parse("2026-01-01T09:00:00.123456Z");
    final AccountEvents events = new AccountEvents();
    final BondingReadModel model = new BondingReadModel(BondingModel.defaults(), 50);
    final UUID discount = UUID.fromString("00000000-0000-0000-0000-00000000d15c");
    final UUID integration = UUID.fromString("00000000-0000-0000-0000-0000000001e7");

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    BondingView fold(EnvelopedAccountEvent... all) {
        BondingView view = null;
        for (EnvelopedAccountEvent e : all) {
            view = model.apply(view, e);
        }
        return view;
    }

    @Test
    void namesItsGroupAndCollection() {
        assertThat(model.name()).isEqualTo("bonding");
        assertThat(model.collection()).isEqualTo("account_bonding");
    }

    @Test
    void applyFoldsBondsAtTheEventsTimeAndRecordsEachChangeOfLevelWithItsEvent() {
        BondingView view = fold(events.registered(T0), events.bond(day(1), discount, BondKind.FINANCIAL, day(100)),
                events.purchase(day(2)), events.bond(day(3), integration, BondKind.STRUCTURAL, null));
        assertThat(view.level().highestLevel()).isEqualTo(BondKind.STRUCTURAL);
        assertThat(view.level().strength()).isEqualTo(50);
        assertThat(view.level().at()).isEqualTo(day(3));
        assertThat(view.lastAppliedSequence()).isEqualTo(3);
        // Registration and the purchase change nothing: no entry for them.
        assertThat(view.history()).containsExactly(
                new LevelChange(day(1), BondKind.FINANCIAL, 10, "e1"),
                new LevelChange(day(3), BondKind.STRUCTURAL, 50, "e3"));
    }

    @Test
    void aDissolvedBondLeavesTheViewWithItsEventAsCause() {
        BondingView view = fold(events.registered(T0), events.bond(day(1), integration, BondKind.STRUCTURAL, null),
                events.dissolved(day(2), integration, BondKind.STRUCTURAL));
        assertThat(view.bonds()).isEmpty();
        assertThat(view.level().highestLevel()).isNull();
        assertThat(view.history()).last().isEqualTo(new LevelChange(day(2), null, 0, "e2"));
    }

    @Test
    void aBondPastItsValidUntilDissolvesAsTimePassesWithNoCommand() {
        BondingView view = fold(events.registered(T0), events.bond(day(1), discount, BondKind.FINANCIAL, day(40)),
                events.bond(day(2), integration, BondKind.SOCIAL, null));
        assertThat(view.level().strength()).isEqualTo(30);
        // The discount enters "expiring soon" 30 days before it ends: that is the next change.
        assertThat(model.nextChangeAt(view)).isEqualTo(day(10));

        BondingView soon = model.advance(view, day(20));
        assertThat(soon.level().expiringSoon()).extracting(Bond::bondId).containsExactly(discount);
        assertThat(soon.history()).isEqualTo(view.history());
        assertThat(model.nextChangeAt(soon)).isEqualTo(day(40));

        BondingView after = model.advance(soon, day(45));
        assertThat(after.bonds()).extracting(Bond::bondId).containsExactly(integration);
        assertThat(after.level().strength()).isEqualTo(20);
        assertThat(after.level().at()).isEqualTo(day(45));
        assertThat(after.history()).last().isEqualTo(new LevelChange(day(40), BondKind.SOCIAL, 20,
                "bond " + discount + " ran out on " + day(40)));
        assertThat(model.nextChangeAt(after)).isNull();
        assertThat(after.lastAppliedSequence()).isEqualTo(view.lastAppliedSequence());
    }

    @Test
    void advanceWithNothingDueIsTheViewItself() {
        BondingView view = fold(events.registered(T0), events.bond(day(1), integration, BondKind.SOCIAL, null));
        assertThat(model.advance(view, day(1))).isSameAs(view);
        assertThat(model.nextChangeAt(view)).isNull();
    }

    @Test
    void theHistoryKeepsTheNewestEntriesUpToItsCap() {
        BondingReadModel capped = new BondingReadModel(BondingModel.defaults(), 2);
        BondingView view = null;
        for (EnvelopedAccountEvent e : new EnvelopedAccountEvent[]{events.registered(T0),
                events.bond(day(1), discount, BondKind.FINANCIAL, null),
                events.bond(day(2), integration, BondKind.SOCIAL, null),
                events.dissolved(day(3), discount, BondKind.FINANCIAL)}) {
            view = capped.apply(view, e);
        }
        assertThat(view.history()).extracting(LevelChange::cause).containsExactly("e2", "e3");
    }

    @Test
    void theDocumentReadsBackAsTheViewItWasWrittenFrom() {
        BondingView view = model.advance(fold(events.registered(T0),
                events.bond(day(1), discount, BondKind.FINANCIAL, day(40)),
                events.bond(day(2), integration, BondKind.CUSTOMIZATION, null)), day(41));
        Document doc = new Document();
        model.write(view, doc);
        assertThat(doc.getString("highestLevel")).isEqualTo("CUSTOMIZATION");
        assertThat(doc.getString("levelAt")).isEqualTo("2026-02-11T09:00:00.123456Z");
        assertThat(model.read(Document.parse(doc.toJson()))).isEqualTo(view);
    }
}
