package com.relationship.service.account;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.relationship.service.account.AccountFixtures.*;

/** docs/domain.md, "Bonds, interactions and satisfaction": one test per rule, accepted and refused. */
class BondAndInteractionRulesTest {

    private static final UUID BOND = UUID.fromString("b0000000-0000-0000-0000-000000000001");
    private static final Instant LATER = T.plusSeconds(86_400 * 30);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    private static BondEstablished structural() {
        return new BondEstablished(ID, BOND, BondKind.STRUCTURAL, "EDI integration", T, null);
    }

    @Test
    void aBondIsEstablishedWithAKindAndADescription() {
        fixture.given(registered())
                .when(new EstablishBond(ID, BOND, BondKind.FINANCIAL, " volume discount ", T, LATER))
                .expectEvents(new BondEstablished(ID, BOND, BondKind.FINANCIAL, "volume discount", T, LATER));
        fixture.given(registered())
                .when(new EstablishBond(ID, BOND, null, "volume discount", T, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "kind is required"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new EstablishBond(ID, BOND, BondKind.SOCIAL, " ", T, null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "description"))
                .expectNoEvents();
    }

    @Test
    void aBondEndsAfterItStarts() {
        fixture.given(registered())
                .when(new EstablishBond(ID, BOND, BondKind.FINANCIAL, "discount", LATER, T))
                .expectException(refusedBy(Rule.INVALID_VALUE, "validUntil must be after occurredAt"))
                .expectNoEvents();
    }

    @Test
    void aBondIdIsEstablishedOnce() {
        fixture.given(registered(), structural())
                .when(new EstablishBond(ID, BOND, BondKind.STRUCTURAL, "Portal integration", T, null))
                .expectException(refusedBy(Rule.BOND_ALREADY_ESTABLISHED, "new bond id"))
                .expectNoEvents();
        // The same bond sent again (a command run again after its answer was lost) answers the first version.
        fixture.given(registered(), structural())
                .when(new EstablishBond(ID, BOND, BondKind.STRUCTURAL, "EDI integration", T, null))
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(1));
    }

    @Test
    void aBondIsDissolvedOnceWithAReason() {
        fixture.given(registered(), structural())
                .when(new DissolveBond(ID, BOND, "integration replaced"))
                .expectEvents(new BondDissolved(ID, BOND, BondKind.STRUCTURAL, "integration replaced"));
        fixture.given(registered(), structural())
                .when(new DissolveBond(ID, BOND, ""))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "reason"))
                .expectNoEvents();
        fixture.given(registered(), structural(), new BondDissolved(ID, BOND, BondKind.STRUCTURAL, "replaced"))
                .when(new DissolveBond(ID, BOND, "again"))
                .expectException(refusedBy(Rule.BOND_ALREADY_DISSOLVED, "already dissolved"))
                .expectNoEvents();
    }

    @Test
    void onlyABondTheAccountHasCanBeDissolved() {
        fixture.given(registered())
                .when(new DissolveBond(ID, BOND, "contact left"))
                .expectException(refusedBy(Rule.UNKNOWN_BOND, "has no bond"))
                .expectNoEvents();
    }

    @Test
    void anInteractionIsRecordedWithChannelDirectionContactAndTime() {
        UUID interaction = UUID.randomUUID();
        fixture.given(registered())
                .when(new RecordInteraction(ID, interaction, InteractionChannel.MEETING, InteractionDirection.TWO_WAY,
                        "J. Smith", "Quarterly review", T))
                .expectEvents(new InteractionRecorded(ID, interaction, InteractionChannel.MEETING,
                        InteractionDirection.TWO_WAY, "J. Smith", "Quarterly review", T));
        fixture.given(registered())
                .when(new RecordInteraction(ID, interaction, InteractionChannel.CALL, null, "J. Smith", "call", T))
                .expectException(refusedBy(Rule.INVALID_VALUE, "direction is required"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordInteraction(ID, interaction, InteractionChannel.CALL, InteractionDirection.OUTBOUND,
                        "J. Smith", "call", null))
                .expectException(refusedBy(Rule.INVALID_VALUE, "occurredAt is required"))
                .expectNoEvents();
    }

    @Test
    void aSurveyScoresFromZeroToTen() {
        UUID survey = UUID.randomUUID();
        fixture.given(registered())
                .when(new RecordSatisfactionSurvey(ID, survey, 0, SurveyInstrument.CSAT, "slow support", T))
                .expectEvents(new SatisfactionSurveyed(ID, survey, 0, SurveyInstrument.CSAT, "slow support", T));
        fixture.given(registered())
                .when(new RecordSatisfactionSurvey(ID, survey, 11, SurveyInstrument.NPS, null, T))
                .expectException(refusedBy(Rule.INVALID_VALUE, "between 0 and 10"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordSatisfactionSurvey(ID, survey, 7, null, null, T))
                .expectException(refusedBy(Rule.INVALID_VALUE, "instrument is required"))
                .expectNoEvents();
    }

    @Test
    void aDisqualifiedProspectRecordsNoBondInteractionOrSurvey() {
        var disqualified = new Object[]{registered(), new ProspectDisqualified(ID, "no budget")};
        fixture.given(disqualified)
                .when(new EstablishBond(ID, BOND, BondKind.SOCIAL, "named contact", T, null))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify"))
                .expectNoEvents();
        fixture.given(disqualified)
                .when(new RecordInteraction(ID, UUID.randomUUID(), InteractionChannel.EMAIL,
                        InteractionDirection.OUTBOUND, "J. Smith", "follow-up", T))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify"))
                .expectNoEvents();
        fixture.given(disqualified)
                .when(new RecordSatisfactionSurvey(ID, UUID.randomUUID(), 5, SurveyInstrument.NPS, null, T))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify"))
                .expectNoEvents();
    }
}
