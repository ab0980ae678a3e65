package com.relationship.projection.committee;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountOwnerAssigned;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.projection.churn.AccountEvents;
import com.relationship.projection.committee.Contact.ContactStatus;
import com.relationship.projection.committee.Contact.Departure;
import com.relationship.projection.committee.Contact.RoleAssessment;
import com.relationship.projection.committee.Contact.Touch;
import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.ProjectionState;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The committee's fold: events in, view out; the figures and time passing are in CommitteeFiguresTest. */
class CommitteeReadModelTest extends CommitteeEvents {

    @Test
    void namesItsGroupAndCollection() {
        assertThat(model.name()).isEqualTo("committee");
        assertThat(model.collection()).isEqualTo("account_committee");
    }

    /** Each row: the events after registration, and the contact Ann they leave. */
    @Test
    void theFoldKeepsEachContactsRoleInfluenceStatusLastTwoWayInteractionAndRoleHistory() {
        // added: ACTIVE, the role they were added with as the first entry of their history
        CommitteeView view = fold(events.registered(T0), added(day(1), ANN, "Ann", ContactRole.INFLUENCER, 3));
        Contact ann = view.contacts().get(0);
        assertThat(ann.name()).isEqualTo("Ann");
        assertThat(ann.email()).isEqualTo("Ann@example.com");
        assertThat(ann.preferredChannel()).isEqualTo(InteractionChannel.MEETING);
        assertThat(ann.status()).isEqualTo(ContactStatus.ACTIVE);
        assertThat(ann.addedAt()).isEqualTo(day(1));
        assertThat(ann.roleHistory()).containsExactly(new RoleAssessment(day(1), ContactRole.INFLUENCER, 3, null, "e1"));
        assertThat(ann.lastTwoWayInteraction()).isNull();
        assertThat(ann.departure()).isNull();

        // role changed: the new role and influence, the assessment with its reason in the history
        view = model.apply(view, assessed(day(2), ANN, ContactRole.CHAMPION, 5, "Sold the pilot internally"));
        ann = view.contacts().get(0);
        assertThat(ann.role()).isEqualTo(ContactRole.CHAMPION);
        assertThat(ann.influence()).isEqualTo(5);
        assertThat(ann.roleHistory()).extracting(RoleAssessment::reason).containsExactly(null, "Sold the pilot internally");

        // an interaction naming her, two-way: her last two-way interaction; one not two-way: nothing
        view = model.apply(view, talk(day(3), day(3), ANN, InteractionDirection.TWO_WAY));
        view = model.apply(view, talk(day(4), day(4), ANN, InteractionDirection.OUTBOUND));
        assertThat(view.contacts().get(0).lastTwoWayInteraction()).isEqualTo(new Touch(day(3), InteractionChannel.CALL, "e3"));

        // recorded late, an older conversation does not replace the newer one
        view = model.apply(view, talk(day(5), day(2), ANN, InteractionDirection.TWO_WAY));
        assertThat(view.contacts().get(0).lastTwoWayInteraction().eventId()).isEqualTo("e3");

        // an interaction naming nobody of the committee (free text only, as every one before contacts): no contact's
        view = model.apply(view, talk(day(6), day(6), null, InteractionDirection.TWO_WAY));
        assertThat(view.contacts().get(0).lastTwoWayInteraction().eventId()).isEqualTo("e3");
        assertThat(view.recentTwoWay()).extracting(TwoWay::contactId).containsExactly(ANN, ANN, null);

        // left: LEFT with when and why, the role she held kept
        view = model.apply(view, left(day(7), ANN, "Moved to a competitor"));
        ann = view.contacts().get(0);
        assertThat(ann.status()).isEqualTo(ContactStatus.LEFT);
        assertThat(ann.departure()).isEqualTo(new Departure(day(7), "Moved to a competitor", "e7"));
        assertThat(ann.role()).isEqualTo(ContactRole.CHAMPION);

        // an interaction dated before she left, recorded after: history, and her last two-way interaction
        view = model.apply(view, talk(day(8), day(6).plusSeconds(60), ANN, InteractionDirection.TWO_WAY));
        assertThat(view.contacts().get(0).lastTwoWayInteraction().eventId()).isEqualTo("e8");
        assertThat(view.lastAppliedSequence()).isEqualTo(8);
    }

    @Test
    void eventsNamingAContactTheAccountDoesNotKnowChangeNoContactAndOthersChangeNothingOfTheCommittee() {
        UUID stranger = UUID.randomUUID();
        CommitteeView before = fold(events.registered(T0), added(day(1), ANN, "Ann", ContactRole.BUYER, 2));
        events = new AccountEvents();
        CommitteeView after = fold(events.registered(T0), added(day(1), ANN, "Ann", ContactRole.BUYER, 2),
                assessed(day(2), stranger, ContactRole.CHAMPION, 5, "?"), left(day(2), stranger, "?"),
                events.at(day(2), new AccountOwnerAssigned(events.accountId, "dora", OwnerKind.DEVELOPER, "growth")),
                events.purchase(day(2)), added(day(3), ANN, "Ann again", ContactRole.CHAMPION, 5));
        assertThat(after.contacts()).isEqualTo(before.contacts());
    }

    /** A contact who left leaves once: a second departure (the write side refuses it) keeps the first. */
    @Test
    void anErasedContactReadsErasedAndKeepsTheirRoleAndHistory() {
        CommitteeView before = fold(events.registered(T0), added(day(1), ANN, "Ann", ContactRole.CHAMPION, 5),
                events.at(day(2), new ContactAdded(events.accountId, BEN, "Ben", "CFO", null, null,
                        ContactRole.DECISION_MAKER, 4, null)));

        CommitteeView after = model.apply(model.apply(before, erased(day(3), ANN)), erased(day(4), BEN));

        Contact ann = after.contacts().get(0);
        assertThat(List.of(ann.name(), ann.title(), ann.email(), ann.phone())).containsOnly("[erased]");
        assertThat(ann.role()).isEqualTo(ContactRole.CHAMPION);
        assertThat(ann.roleHistory()).isEqualTo(before.contacts().get(0).roleHistory());
        Contact ben = after.contacts().get(1);
        assertThat(ben.name()).isEqualTo("[erased]");
        assertThat(ben.email()).as("nothing there, nothing to erase").isNull();
        assertThat(ben.phone()).isNull();
    }

    @Test
    void aSecondDepartureKeepsTheFirst() {
        CommitteeView view = fold(events.registered(T0), added(day(1), ANN, "Ann", ContactRole.BUYER, 2),
                left(day(2), ANN, "retired"), left(day(3), ANN, "again"));
        assertThat(view.contacts().get(0).departure().reason()).isEqualTo("retired");
    }

    /** The pipeline's ordering: redeliveries and shuffled deliveries give the view the events in order give. */
    @Test
    void duplicatesAndShuffledDeliveriesFoldToTheViewOfTheEventsInOrder() {
        List<EnvelopedAccountEvent> history = List.of(events.registered(T0),
                added(day(1), ANN, "Ann", ContactRole.CHAMPION, 5), added(day(1), BEN, "Ben", ContactRole.DECISION_MAKER, 4),
                talk(day(2), day(2), ANN, InteractionDirection.TWO_WAY), assessed(day(3), BEN, ContactRole.SPONSOR, 5, "funds it"),
                talk(day(4), day(4), BEN, InteractionDirection.TWO_WAY), left(day(5), ANN, "left"));
        CommitteeView inOrder = fold(history.toArray(EnvelopedAccountEvent[]::new));
        EventOrdering<CommitteeView> ordering = new EventOrdering<>(model);
        Random random = new Random(28);
        for (int round = 0; round < 20; round++) {
            List<EnvelopedAccountEvent> deliveries = new ArrayList<>(history);
            deliveries.addAll(history.subList(0, 1 + random.nextInt(history.size() - 1)));
            Collections.shuffle(deliveries, random);
            ProjectionState<CommitteeView> state = ProjectionState.empty();
            for (EnvelopedAccountEvent delivery : deliveries) {
                state = ordering.handle(state, delivery).state();
            }
            assertThat(state.view()).as("round " + round).isEqualTo(inOrder);
        }
    }

    @Test
    void theDocumentFormReadsBackAsTheSameView() {
        CommitteeView view = fold(events.registered(T0), added(day(1), ANN, "Ann", ContactRole.CHAMPION, 5),
                events.at(day(1), new ContactAdded(events.accountId, BEN, "Ben", "CFO", null, null,
                        ContactRole.DECISION_MAKER, 4, null)),
                talk(day(2), day(2), ANN, InteractionDirection.TWO_WAY), talk(day(2), day(2), null, InteractionDirection.TWO_WAY),
                assessed(day(3), ANN, ContactRole.INFLUENCER, 3, "Less say now"), left(day(4), BEN, "retired"),
                events.lapsed(day(5), LifecycleStage.PROSPECT), events.keyAccount(day(6)));
        Document document = new Document();
        model.write(view, document);
        assertThat(model.read(Document.parse(document.toJson()))).isEqualTo(view);
    }

    /** Email and phone are the account team's to see, never a log line's. */
    @Test
    void aContactsTextLeavesOutEmailAndPhone() {
        Contact ann = fold(events.registered(T0), added(day(1), ANN, "Ann", ContactRole.CHAMPION, 5)).contacts().get(0);
        assertThat(ann.toString()).doesNotContain("@example.com", "1234");
    }
}
