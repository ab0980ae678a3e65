package com.relationship.projection.timeline;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.KamStageAdvanced;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.KeyAccountUncoupled;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ProspectRequalified;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.StagePeriod;
import com.relationship.projection.status.AccountStatusProjector;
import com.relationship.projection.timeline.TimelineView.Entry;
import com.relationship.projection.timeline.TimelineView.Move;
import com.relationship.projection.timeline.TimelineView.Period;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.relationship.contracts.account.LifecycleStage.CLIENT;
import static com.relationship.contracts.account.LifecycleStage.CUSTOMER;
import static com.relationship.contracts.account.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineReadModelTest {

    static final Instant T0 = Instant.parse("2026-01-01T09:00:00.123456Z");
    static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    final TimelineReadModel model = new TimelineReadModel(500);
    final List<EnvelopedAccountEvent> history = new ArrayList<>();

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    /** The next event, a day after the one before, ids "e0", "e1", ...; the reason in the envelope. */
    EnvelopedAccountEvent then(String actor, String reason, AccountEvent event) {
        int sequence = history.size();
        EnvelopedAccountEvent e = new EnvelopedAccountEvent("e" + sequence, ACCOUNT, sequence, day(sequence), actor,
                "corr-" + sequence, "cmd-" + sequence, "crm-app", reason, event);
        history.add(e);
        return e;
    }

    TimelineView fold() {
        return fold(model, history);
    }

    static TimelineView fold(TimelineReadModel model, List<EnvelopedAccountEvent> events) {
        TimelineView view = null;
        for (EnvelopedAccountEvent e : events) {
            view = model.apply(view, e);
        }
        return view;
    }

    static Move move(int sequence, Class<? extends AccountEvent> type, String actor, String reason) {
        return new Move(sequence, "e" + sequence, AccountEventTypes.typeOf(type), actor, reason);
    }

    void registered() {
        then("alice", null, new AccountRegistered(ACCOUNT, "Acme", "Manufacturing", 120, new BigDecimal("1000000"),
                "EU", null));
    }

    void purchase(String amount) {
        then("alice", null, new PurchaseRecorded(ACCOUNT, UUID.randomUUID(), new BigDecimal(amount), "EUR", day(0),
                "parts"));
    }

    @Test
    void namesItsGroupAndCollection() {
        assertThat(model.name()).isEqualTo("timeline");
        assertThat(model.collection()).isEqualTo("account_timeline");
    }

    @Test
    void aDowngradeALapseAndAWinBackEachCloseOnePeriodAndOpenTheNextWithTheirActorsAndReasons() {
        registered();                                                                               // 0
        purchase("1200.00");                                                                        // 1
        then("bob", null, new LifecycleStageAdvanced(ACCOUNT, PROSPECT, CUSTOMER));                 // 2
        then("bob", null, new LifecycleStageAdvanced(ACCOUNT, CUSTOMER, CLIENT));                   // 3
        then("carol", "broken commitment", new LifecycleStageDowngraded(ACCOUNT, CLIENT, CUSTOMER, "broken commitment")); // 4
        then("dave", "switched to a rival", new AccountLapsed(ACCOUNT, CUSTOMER, "switched to a rival")); // 5
        then("erin", "new contract", new AccountWonBack(ACCOUNT, "new contract"));                  // 6

        TimelineView view = fold();

        Move registration = move(0, AccountRegistered.class, "alice", null);
        Move toCustomer = move(2, LifecycleStageAdvanced.class, "bob", null);
        Move toClient = move(3, LifecycleStageAdvanced.class, "bob", null);
        Move downgrade = move(4, LifecycleStageDowngraded.class, "carol", "broken commitment");
        Move lapse = move(5, AccountLapsed.class, "dave", "switched to a rival");
        Move winBack = move(6, AccountWonBack.class, "erin", "new contract");
        assertThat(view.lifecycle()).containsExactly(
                new Period("PROSPECT", day(0), day(2), registration, toCustomer),
                new Period("CUSTOMER", day(2), day(3), toCustomer, toClient),
                new Period("CLIENT", day(3), day(4), toClient, downgrade),
                new Period("CUSTOMER", day(4), day(5), downgrade, lapse),
                new Period("LAPSED", day(5), day(6), lapse, winBack),
                new Period("CUSTOMER", day(6), null, winBack, null));
        assertThat(view.kam()).isEmpty();
        assertThat(view.lastAppliedSequence()).isEqualTo(6);
        assertThat(view.droppedEntries()).isZero();
        assertThat(view.entries()).extracting(Entry::summary).containsExactly("Registered as a PROSPECT: Acme",
                "Purchase of 1200.00 EUR recorded", "Advanced to CUSTOMER", "Advanced to CLIENT", "Downgraded to CUSTOMER",
                "Lapsed", "Won back to CUSTOMER");
        assertThat(view.entries().get(5)).isEqualTo(new Entry(5, "e5", "com.relationship.account.AccountLapsed.v1",
                day(5), "dave", "switched to a rival", "corr-5", "Lapsed", "Lapsed"));
    }

    /** The seller's order number, where the purchase carries one, is in its summary: what a person searches by. */
    @Test
    void aPurchaseWithAnOrderRefNamesItInItsSummary() {
        registered();
        then("alice", null, new PurchaseRecorded(ACCOUNT, UUID.randomUUID(), new BigDecimal("10.00"), "EUR", day(0),
                "parts", "PO-2026-0042"));
        purchase("20.00");
        assertThat(fold().entries()).extracting(Entry::summary).containsExactly("Registered as a PROSPECT: Acme",
                "Purchase of 10.00 EUR recorded (order PO-2026-0042)", "Purchase of 20.00 EUR recorded");
    }

    @Test
    void aKeyAccountIsDesignatedAdvancedUncoupledAndDesignatedAgain() {
        registered();                                                                               // 0
        then("kim", "strategic", new KeyAccountDesignated(ACCOUNT, "strategic"));                   // 1
        then("kim", null, new KamStageAdvanced(ACCOUNT, KamStage.PRE_KAM, KamStage.EARLY_KAM));     // 2
        then("lee", null, new KamStageAdvanced(ACCOUNT, KamStage.EARLY_KAM, KamStage.MID_KAM));     // 3
        then("max", "dependency risk", new KeyAccountUncoupled(ACCOUNT, KamStage.MID_KAM, "dependency risk")); // 4
        then("kim", "new venture", new KeyAccountDesignated(ACCOUNT, "new venture"));               // 5

        TimelineView view = fold();

        Move designated = move(1, KeyAccountDesignated.class, "kim", "strategic");
        Move early = move(2, KamStageAdvanced.class, "kim", null);
        Move mid = move(3, KamStageAdvanced.class, "lee", null);
        Move uncoupled = move(4, KeyAccountUncoupled.class, "max", "dependency risk");
        Move again = move(5, KeyAccountDesignated.class, "kim", "new venture");
        assertThat(view.kam()).containsExactly(
                new Period("PRE_KAM", day(1), day(2), designated, early),
                new Period("EARLY_KAM", day(2), day(3), early, mid),
                new Period("MID_KAM", day(3), day(4), mid, uncoupled),
                new Period("UNCOUPLING_KAM", day(4), day(5), uncoupled, again),
                new Period("PRE_KAM", day(5), null, again, null));
        assertThat(view.lifecycle()).as("the KAM track moves no lifecycle stage")
                .containsExactly(new Period("PROSPECT", day(0), null, move(0, AccountRegistered.class, "alice", null), null));
        assertThat(view.entries()).extracting(Entry::summary).containsSubsequence("Designated a key account (PRE_KAM)",
                "KAM stage advanced to EARLY_KAM", "Uncoupled from the KAM track (UNCOUPLING_KAM)");
    }

    @Test
    void aDisqualifiedProspectIsRequalifiedToProspect() {
        registered();
        then("alice", "no budget", new ProspectDisqualified(ACCOUNT, "no budget"));
        then("alice", "budget approved", new ProspectRequalified(ACCOUNT, "budget approved"));

        assertThat(fold().lifecycle()).extracting(Period::stage).containsExactly("PROSPECT", "DISQUALIFIED", "PROSPECT");
        assertThat(fold().lifecycle().get(2).enteredBy().reason()).isEqualTo("budget approved");
    }

    /** A message published before the reason travelled in the envelope still has the event's own. */
    @Test
    void withoutAReasonInTheEnvelopeTheEventsOwnIsTaken() {
        registered();
        history.add(new EnvelopedAccountEvent("e1", ACCOUNT, 1, day(1), "dave", "corr-1", "cmd-1",
                new AccountLapsed(ACCOUNT, PROSPECT, "went quiet")));

        TimelineView view = fold();

        assertThat(view.lifecycle().get(1).enteredBy().reason()).isEqualTo("went quiet");
        assertThat(view.entries().get(1).reason()).isEqualTo("went quiet");
    }

    @Test
    void theCapKeepsTheNewestEntriesCountsTheDroppedOnesAndNeverTouchesThePeriods() {
        TimelineReadModel capped = new TimelineReadModel(3);
        registered();                                                                   // 0
        purchase("1");                                                                  // 1
        then("bob", null, new LifecycleStageAdvanced(ACCOUNT, PROSPECT, CUSTOMER));     // 2
        then("bob", null, new ComplaintOpened(ACCOUNT, UUID.randomUUID(), "late delivery", day(30))); // 3
        purchase("2");                                                                  // 4

        TimelineView view = fold(capped, history);

        assertThat(view.entries()).extracting(Entry::sequence).containsExactly(2L, 3L, 4L);
        assertThat(view.entries().get(1).summary()).isEqualTo("Complaint opened: late delivery");
        assertThat(view.droppedEntries()).isEqualTo(2);
        assertThat(view.lifecycle()).extracting(Period::stage).containsExactly("PROSPECT", "CUSTOMER");
        assertThat(view.lifecycle().get(0).enteredBy().sequence()).as("the registration's move is kept").isZero();
        assertThatThrownBy(() -> new TimelineReadModel(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Through JSON, as near to a stored document as a unit test gets: microseconds and nulls survive. */
    @Test
    void theDocumentReadsBackAsTheSameView() {
        registered();
        then("kim", "strategic", new KeyAccountDesignated(ACCOUNT, "strategic"));
        then("bob", null, new LifecycleStageAdvanced(ACCOUNT, PROSPECT, CUSTOMER));
        then("dave", "switched to a rival", new AccountLapsed(ACCOUNT, CUSTOMER, "switched to a rival"));
        TimelineView view = fold(new TimelineReadModel(2), history);
        Document doc = new Document();

        model.write(view, doc);
        TimelineView read = model.read(Document.parse(doc.toJson()));

        assertThat(read).isEqualTo(view);
        assertThat(read.lifecycle().get(0).enteredAt()).isEqualTo(T0);
        assertThat(read.droppedEntries()).isEqualTo(2);
        assertThat(doc.keySet()).doesNotContain("_id", "version", "parked", "hasView", "nextChangeAt", "fingerprint");
    }

    /** The timeline reads stages from the events itself; it must tell the status's stage periods. */
    @Test
    void thePeriodsAreTheStatusStagePeriodsAndTheLastKamPeriodIsTheStatusKamStage() {
        registered();
        then("kim", "strategic", new KeyAccountDesignated(ACCOUNT, "strategic"));
        then("bob", null, new LifecycleStageAdvanced(ACCOUNT, PROSPECT, CUSTOMER));
        then("bob", null, new KamStageAdvanced(ACCOUNT, KamStage.PRE_KAM, KamStage.EARLY_KAM));
        then("bob", null, new LifecycleStageAdvanced(ACCOUNT, CUSTOMER, CLIENT));
        then("carol", "broken commitment", new LifecycleStageDowngraded(ACCOUNT, CLIENT, CUSTOMER, "broken commitment"));
        then("max", "dependency", new KeyAccountUncoupled(ACCOUNT, KamStage.EARLY_KAM, "dependency"));
        then("dave", "quiet", new AccountLapsed(ACCOUNT, CUSTOMER, "quiet"));
        then("erin", "back", new AccountWonBack(ACCOUNT, "back"));

        TimelineView view = fold();
        AccountStatus status = new AccountStatusProjector().fold(history);

        assertThat(view.lifecycle()).extracting(p -> new StagePeriod(LifecycleStage.valueOf(p.stage()), p.enteredAt(),
                p.leftAt())).isEqualTo(status.stagePeriods());
        assertThat(view.kam().get(view.kam().size() - 1).stage()).isEqualTo(status.kamStage().name());
        assertThat(view.kam().get(view.kam().size() - 1).enteredAt()).isEqualTo(status.kamStageSince());
    }
}
