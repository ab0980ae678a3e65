package com.relationship.service.account;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.relationship.service.account.AccountFixtures.*;

/**
 * docs/domain.md, "The buying committee and the owner" (issue 28): contacts are added with a role and an
 * influence 1 to 5, assessed again, and leave once, taking their SOCIAL bonds with them. A contact is
 * known by id within its account only. One test per rule, accepted and refused.
 */
class ContactRulesTest {

    private static final UUID JANE = UUID.fromString("c0000000-0000-0000-0000-000000000001");
    private static final UUID OMAR = UUID.fromString("c0000000-0000-0000-0000-000000000002");
    private static final UUID GOLF = UUID.fromString("b0000000-0000-0000-0000-000000000001");
    private static final UUID LUNCH = UUID.fromString("b0000000-0000-0000-0000-000000000002");
    private static final UUID OMARS_DINNER = UUID.fromString("b0000000-0000-0000-0000-000000000003");
    private static final UUID EDI = UUID.fromString("b0000000-0000-0000-0000-000000000004");

    private AggregateTestFixture<Account> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
        now = fixture.currentTime();
    }

    private static ContactAdded jane() {
        return new ContactAdded(ID, JANE, "Jane Smith", "Head of purchasing", "jane@acme.example", null,
                ContactRole.DECISION_MAKER, 5, InteractionChannel.MEETING);
    }

    private static ContactAdded omar() {
        return new ContactAdded(ID, OMAR, "Omar Haddad", "IT lead", null, null, ContactRole.USER, 2, null);
    }

    private static ContactLeft janeLeft() {
        return new ContactLeft(ID, JANE, "moved to a competitor");
    }

    private static RecordInteraction interactionWith(UUID contactId, Instant occurredAt) {
        return new RecordInteraction(ID, UUID.fromString("d0000000-0000-0000-0000-000000000001"),
                InteractionChannel.CALL, InteractionDirection.TWO_WAY, null, "renewal", occurredAt, null, contactId);
    }

    @Test
    void aContactIsAddedWithARoleAndAnInfluence() {
        fixture.given(registered())
                .when(new AddContact(ID, JANE, " Jane Smith ", " Head of purchasing ", " jane@acme.example ", " ",
                        ContactRole.DECISION_MAKER, 5, InteractionChannel.MEETING))
                .expectEvents(jane());
        fixture.given(registered())
                .when(new AddContact(ID, JANE, " ", "Head of purchasing", null, null, ContactRole.BUYER, 3, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "name is required"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AddContact(ID, JANE, "Jane Smith", "Head of purchasing", null, null, null, 3, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "role is required (DECISION_MAKER"))
                .expectNoEvents();
    }

    @Test
    void influenceIsOneToFive() {
        for (int influence : new int[]{0, 6, -1}) {
            fixture.given(registered())
                    .when(new AddContact(ID, JANE, "Jane", "CFO", null, null, ContactRole.SPONSOR, influence, null))
                    .expectException(refusedBy(Rule.INVALID_VALUE, "influence must be 1 (little) to 5 (decisive)"))
                    .expectNoEvents();
        }
        fixture.given(registered(), jane())
                .when(new AssessContactRole(ID, JANE, ContactRole.CHAMPION, 6, "more than ever"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "influence must be 1 (little) to 5 (decisive), not 6"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AddContact(ID, JANE, "Jane", "CFO", null, null, ContactRole.SPONSOR, 1, null))
                .expectEvents(new ContactAdded(ID, JANE, "Jane", "CFO", null, null, ContactRole.SPONSOR, 1, null));
    }

    @Test
    void aContactIdIsAddedOnce() {
        fixture.given(registered(), jane())
                .when(new AddContact(ID, JANE, "Jane Smith", "Head of purchasing", "jane@acme.example", null,
                        ContactRole.DECISION_MAKER, 5, InteractionChannel.MEETING))
                .expectSuccessfulHandlerExecution() // the same request again: the first answer, nothing stored
                .expectNoEvents();
        fixture.given(registered(), jane())
                .when(new AddContact(ID, JANE, "Someone Else", "CFO", null, null, ContactRole.BUYER, 2, null))
                .expectException(refusedBy(Rule.CONTACT_ALREADY_ADDED, "Contact " + JANE + " was added before"))
                .expectNoEvents();
    }

    @Test
    void aContactSealedTwiceIsStillTheSameContact() {
        // Sealed personal data differs on every sealing (a random IV): a retry of the same request, the same
        // minted id, answers the first; the non-personal fields still tell another contact apart.
        ContactAdded sealed = new ContactAdded(ID, JANE, "pd:v1:" + JANE + ":AAAA", "pd:v1:" + JANE + ":BBBB", null,
                null, ContactRole.DECISION_MAKER, 5, null);
        fixture.given(registered(), sealed)
                .when(new AddContact(ID, JANE, "pd:v1:" + JANE + ":CCCC", "pd:v1:" + JANE + ":DDDD", null, null,
                        ContactRole.DECISION_MAKER, 5, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Replayed(1))
                .expectNoEvents();
        fixture.given(registered(), sealed)
                .when(new AddContact(ID, JANE, "pd:v1:" + JANE + ":CCCC", "pd:v1:" + JANE + ":DDDD", null, null,
                        ContactRole.BUYER, 5, null))
                .expectException(refusedBy(Rule.CONTACT_ALREADY_ADDED, "Contact " + JANE + " was added before"))
                .expectNoEvents();
    }

    @Test
    void aContactIsErasedOnceAndAnyContactCanBe() {
        fixture.given(registered(), jane())
                .when(new EraseContact(ID, JANE, " Art. 17 request, ticket DPO-1 "))
                .expectEvents(new ContactErased(ID, JANE, "Art. 17 request, ticket DPO-1"));
        fixture.given(registered(), jane(), new ContactErased(ID, JANE, "Art. 17 request, ticket DPO-1"))
                .when(new EraseContact(ID, JANE, "asked again"))
                .expectSuccessfulHandlerExecution() // the first erasure stands: nothing stored
                .expectResultMessagePayload(new Replayed(2))
                .expectNoEvents();
        // one who left, of a prospect since disqualified: the law does not wait for the stage
        fixture.given(registered(), jane(), janeLeft(), new ProspectDisqualified(ID, "no budget"))
                .when(new EraseContact(ID, JANE, "Art. 17 request"))
                .expectEvents(new ContactErased(ID, JANE, "Art. 17 request"));
        fixture.given(registered(), jane())
                .when(new EraseContact(ID, OMAR, "Art. 17 request"))
                .expectException(refusedBy(Rule.UNKNOWN_CONTACT, "has no contact " + OMAR))
                .expectNoEvents();
        fixture.given(registered(), jane())
                .when(new EraseContact(ID, JANE, " "))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "reason"))
                .expectNoEvents();
    }

    @Test
    void anErasedContactStaysInTheRules() {
        // the rules read roles and departures, never names: an erased contact still leaves, still is assessed
        fixture.given(registered(), jane(), new ContactErased(ID, JANE, "Art. 17 request"))
                .when(new AssessContactRole(ID, JANE, ContactRole.CHAMPION, 4, "backed our bid"))
                .expectEvents(new ContactRoleAssessed(ID, JANE, ContactRole.CHAMPION, 4, "backed our bid"));
    }

    @Test
    void aDisqualifiedProspectAddsNoContact() {
        fixture.given(registered(), new ProspectDisqualified(ID, "no budget"))
                .when(new AddContact(ID, JANE, "Jane", "CFO", null, null, ContactRole.SPONSOR, 3, null))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify it first"))
                .expectNoEvents();
    }

    @Test
    void aRoleIsAssessedWithAReason() {
        fixture.given(registered(), jane())
                .when(new AssessContactRole(ID, JANE, ContactRole.CHAMPION, 4, " backed our bid "))
                .expectEvents(new ContactRoleAssessed(ID, JANE, ContactRole.CHAMPION, 4, "backed our bid"));
        fixture.given(registered(), jane())
                .when(new AssessContactRole(ID, JANE, ContactRole.CHAMPION, 4, " "))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "A reason is required"))
                .expectNoEvents();
    }

    /**
     * Contact ids are per account: the aggregate knows only its own, so another account's contact is
     * refused as unknown, in a sentence that says so (decision 0015).
     */
    @Test
    void anUnknownContactOrOneOfAnotherAccountIsRefused() {
        UUID elsewhere = UUID.randomUUID();
        fixture.given(registered(), jane())
                .when(new AssessContactRole(ID, elsewhere, ContactRole.CHAMPION, 4, "backs us"))
                .expectException(refusedBy(Rule.UNKNOWN_CONTACT, "Account " + ID + " has no contact " + elsewhere
                        + ". Contact ids are per account: a contact of another account is unknown here too"))
                .expectNoEvents();
        fixture.given(registered(), jane())
                .when(new RecordContactDeparture(ID, elsewhere, "left"))
                .expectException(refusedBy(Rule.UNKNOWN_CONTACT, "has no contact " + elsewhere))
                .expectNoEvents();
        fixture.given(registered(), jane())
                .when(interactionWith(elsewhere, now))
                .expectException(refusedBy(Rule.UNKNOWN_CONTACT, "has no contact " + elsewhere))
                .expectNoEvents();
        fixture.given(registered(), jane())
                .when(new EstablishBond(ID, GOLF, BondKind.SOCIAL, "golf", now, null, elsewhere))
                .expectException(refusedBy(Rule.UNKNOWN_CONTACT, "has no contact " + elsewhere))
                .expectNoEvents();
    }

    @Test
    void aContactLeavesOnceAndTakesTheirSocialBondsWithThem() {
        fixture.given(registered(), jane(), omar(),
                        new BondEstablished(ID, LUNCH, BondKind.SOCIAL, "monthly lunch", T, null, JANE),
                        new BondEstablished(ID, GOLF, BondKind.SOCIAL, "golf", T, null, JANE),
                        new BondEstablished(ID, OMARS_DINNER, BondKind.SOCIAL, "dinner", T, null, OMAR),
                        new BondEstablished(ID, EDI, BondKind.STRUCTURAL, "EDI integration", T, null),
                        new BondEstablished(ID, UUID.randomUUID(), BondKind.SOCIAL, "the whole team", T, null))
                .when(new RecordContactDeparture(ID, JANE, " moved to a competitor "))
                // her two SOCIAL bonds dissolve, in bond id order; Omar's, the team's and the STRUCTURAL one hold
                .expectEvents(janeLeft(),
                        new BondDissolved(ID, GOLF, BondKind.SOCIAL, Account.BOND_WITH_A_DEPARTED_CONTACT, JANE),
                        new BondDissolved(ID, LUNCH, BondKind.SOCIAL, Account.BOND_WITH_A_DEPARTED_CONTACT, JANE));
        fixture.given(registered(), jane(), janeLeft())
                .when(new RecordContactDeparture(ID, JANE, "left again"))
                .expectException(refusedBy(Rule.CONTACT_ALREADY_LEFT, "Contact " + JANE + " already left"))
                .expectNoEvents();
        fixture.given(registered(), jane())
                .when(new RecordContactDeparture(ID, JANE, " "))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "A reason is required"))
                .expectNoEvents();
    }

    /** A SOCIAL bond that ran out before the departure ended by itself: nothing to dissolve. */
    @Test
    void aBondThatEndedByItselfIsNotDissolvedAgain() {
        fixture.given(registered(), jane(),
                        new BondEstablished(ID, GOLF, BondKind.SOCIAL, "golf season", T, T.plusSeconds(3_600), JANE))
                .when(new RecordContactDeparture(ID, JANE, "moved to a competitor"))
                .expectEvents(janeLeft());
    }

    @Test
    void aDepartureIsNotInTheFutureNorBeforeTheContactWasAdded() {
        fixture.given(registered(), jane())
                .when(new RecordContactDeparture(ID, JANE, "retires next year"), at(now.plus(Duration.ofDays(30))))
                .expectException(refusedBy(Rule.IN_THE_FUTURE, "is in the future"))
                .expectNoEvents();
        Instant dayBefore = now.minus(Duration.ofDays(1));
        fixture.given(registered(), jane())
                .when(new RecordContactDeparture(ID, JANE, "had already left"), at(dayBefore))
                .expectException(refusedBy(Rule.LEFT_BEFORE_ADDED, "A departure dated " + dayBefore
                        + " is before the contact was added"))
                .expectNoEvents();
        fixture.given(registered(), jane())
                .when(new RecordContactDeparture(ID, JANE, "moved to a competitor"), at(now))
                .expectEvents(janeLeft());
    }

    @Test
    void aContactWhoLeftIsAssessedNoMore() {
        fixture.given(registered(), jane(), janeLeft())
                .when(new AssessContactRole(ID, JANE, ContactRole.CHAMPION, 4, "backs us"))
                .expectException(refusedBy(Rule.CONTACT_LEFT, "Contact " + JANE + " left the account on"))
                .expectNoEvents();
    }

    @Test
    void aSocialBondNamesAContactWhoIsStillThere() {
        fixture.given(registered(), jane())
                .when(new EstablishBond(ID, GOLF, BondKind.SOCIAL, " golf ", T, null, JANE))
                .expectEvents(new BondEstablished(ID, GOLF, BondKind.SOCIAL, "golf", T, null, JANE));
        fixture.given(registered(), jane(), janeLeft())
                .when(new EstablishBond(ID, GOLF, BondKind.SOCIAL, "golf", T, null, JANE))
                .expectException(refusedBy(Rule.CONTACT_LEFT, "Contact " + JANE + " left the account on"))
                .expectNoEvents();
    }

    /** CUSTOMIZATION and STRUCTURAL bonds hold "even if the original employees leave" (seed 001): they name nobody. */
    @Test
    void onlyASocialBondNamesAContact() {
        fixture.given(registered(), jane())
                .when(new EstablishBond(ID, EDI, BondKind.STRUCTURAL, "EDI integration", T, null, JANE))
                .expectException(refusedBy(Rule.INVALID_VALUE, "contactId names the person a SOCIAL bond is with;"
                        + " a STRUCTURAL bond is with the account"))
                .expectNoEvents();
    }

    @Test
    void anInteractionNamesAContactOrSaysWhoInFreeText() {
        Instant yesterday = now.minus(Duration.ofDays(1));
        fixture.given(registered(), jane())
                .when(interactionWith(JANE, yesterday))
                .expectEvents(new InteractionRecorded(ID, UUID.fromString("d0000000-0000-0000-0000-000000000001"),
                        InteractionChannel.CALL, InteractionDirection.TWO_WAY, null, "renewal", yesterday, null, JANE));
        fixture.given(registered())
                .when(new RecordInteraction(ID, UUID.randomUUID(), InteractionChannel.CALL,
                        InteractionDirection.TWO_WAY, null, "renewal", yesterday, null, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "contact is required"))
                .expectNoEvents();
    }

    /** An interaction dated before the contact left is history; one dated since is refused. */
    @Test
    void aContactWhoLeftTakesPartInNoNewInteraction() {
        fixture.given(registered(), jane(), janeLeft())
                .when(interactionWith(JANE, now))
                .expectException(refusedBy(Rule.CONTACT_LEFT, "Contact " + JANE + " left the account on"))
                .expectNoEvents();
        fixture.given(registered(), jane(), janeLeft())
                .when(interactionWith(JANE, now.minus(Duration.ofDays(1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aContactOfAnAccountThatLapsedIsStillItsContact() {
        fixture.given(with(historyAt(LifecycleStage.CUSTOMER), jane(), new AccountLapsed(ID, LifecycleStage.CUSTOMER,
                        "switched")))
                .when(new AssessContactRole(ID, JANE, ContactRole.CHAMPION, 4, "wants us back"))
                .expectEvents(new ContactRoleAssessed(ID, JANE, ContactRole.CHAMPION, 4, "wants us back"));
    }
}
