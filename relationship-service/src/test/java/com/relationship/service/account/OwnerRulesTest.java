package com.relationship.service.account;

import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.commands.AssignAccountOwner;
import com.relationship.contracts.events.AccountOwnerAssigned;
import com.relationship.contracts.events.ProspectDisqualified;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.relationship.service.account.AccountFixtures.*;

/** docs/domain.md, "The buying committee and the owner": a hunter wins the account, a developer grows it (seed 002). */
class OwnerRulesTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    @Test
    void anOwnerIsAssignedAsAHunterOrADeveloperWithAReason() {
        fixture.given(registered())
                .when(new AssignAccountOwner(ID, " alice ", OwnerKind.HUNTER, " new logo "))
                .expectEvents(new AccountOwnerAssigned(ID, "alice", OwnerKind.HUNTER, "new logo"));
        fixture.given(registered(), new AccountOwnerAssigned(ID, "alice", OwnerKind.HUNTER, "new logo"))
                .when(new AssignAccountOwner(ID, "bob", OwnerKind.DEVELOPER, "won: now grow it"))
                .expectEvents(new AccountOwnerAssigned(ID, "bob", OwnerKind.DEVELOPER, "won: now grow it"));
    }

    @Test
    void theOwnerNeedsASubjectAKindAndAReason() {
        fixture.given(registered())
                .when(new AssignAccountOwner(ID, "alice", null, "new logo"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "kind is required (HUNTER or DEVELOPER)"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AssignAccountOwner(ID, " ", OwnerKind.HUNTER, "new logo"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "owner is required"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AssignAccountOwner(ID, "alice", OwnerKind.HUNTER, null))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "A reason is required"))
                .expectNoEvents();
    }

    @Test
    void theSameOwnerAsTheSameKindIsAlreadyTheOwner() {
        fixture.given(registered(), new AccountOwnerAssigned(ID, "alice", OwnerKind.HUNTER, "new logo"))
                .when(new AssignAccountOwner(ID, "alice", OwnerKind.HUNTER, "again"))
                .expectException(refusedBy(Rule.ALREADY_THE_OWNER, "alice already owns the account as its HUNTER"))
                .expectNoEvents();
        fixture.given(registered(), new AccountOwnerAssigned(ID, "alice", OwnerKind.HUNTER, "new logo"))
                .when(new AssignAccountOwner(ID, "alice", OwnerKind.DEVELOPER, "won: she grows it now"))
                .expectEvents(new AccountOwnerAssigned(ID, "alice", OwnerKind.DEVELOPER, "won: she grows it now"));
    }

    @Test
    void aDisqualifiedProspectGetsNoOwner() {
        fixture.given(registered(), new ProspectDisqualified(ID, "no budget"))
                .when(new AssignAccountOwner(ID, "alice", OwnerKind.HUNTER, "new logo"))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify it first"))
                .expectNoEvents();
    }
}
