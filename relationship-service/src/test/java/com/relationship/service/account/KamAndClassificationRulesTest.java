package com.relationship.service.account;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.relationship.contracts.account.KamStage.*;
import static com.relationship.service.account.AccountFixtures.*;

/**
 * docs/domain.md, "The KAM track" and "Classification": the KAM track and the STRATEGIC/TACTICAL
 * classification that gates it.
 */
class KamAndClassificationRulesTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    @Test
    void aStrategicAccountCanBeDesignatedPreKam() {
        fixture.given(registered(Classification.STRATEGIC))
                .when(new DesignateKeyAccount(ID, "future advantage"))
                .expectEvents(new KeyAccountDesignated(ID, "future advantage"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void onlyAStrategicAccountCanBeDesignated() {
        fixture.given(registered(Classification.TACTICAL))
                .when(new DesignateKeyAccount(ID, "big revenue"))
                .expectException(refusedBy(Rule.NOT_STRATEGIC, "Classify it STRATEGIC first"))
                .expectNoEvents();
    }

    @Test
    void anAccountIsDesignatedOnce() {
        fixture.given(registered(), new KeyAccountDesignated(ID, "x"))
                .when(new DesignateKeyAccount(ID, "again"))
                .expectException(refusedBy(Rule.ALREADY_A_KEY_ACCOUNT, "PRE_KAM"))
                .expectNoEvents();
    }

    @Test
    void anUncoupledAccountCanBeDesignatedAgain() {
        fixture.given(registered(), new KeyAccountDesignated(ID, "x"), new KeyAccountUncoupled(ID, PRE_KAM, "dep"))
                .when(new DesignateKeyAccount(ID, "new joint venture"))
                .expectEvents(new KeyAccountDesignated(ID, "new joint venture"));
    }

    @Test
    void aDisqualifiedProspectCannotBeDesignated() {
        fixture.given(registered(), new ProspectDisqualified(ID, "no budget"))
                .when(new DesignateKeyAccount(ID, "x"))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "disqualified"))
                .expectNoEvents();
    }

    @Test
    void kamStagesGoForwardOneAtATimeToSynergistic() {
        // A partnership on the KAM track needs a buying account with an approved review (KamTimeRulesTest).
        Object[] history = with(historyAt(LifecycleStage.CUSTOMER), new ComplianceReviewRecorded(ID, UUID.randomUUID(),
                ComplianceOutcome.APPROVED, "legal", null), new KeyAccountDesignated(ID, "x")).toArray();
        KamStage[] track = {PRE_KAM, EARLY_KAM, MID_KAM, PARTNERSHIP_KAM, SYNERGISTIC_KAM};
        for (int i = 0; i + 1 < track.length; i++) {
            fixture.given(history)
                    .when(new AdvanceKamStage(ID, track[i + 1]))
                    .expectEvents(new KamStageAdvanced(ID, track[i], track[i + 1]));
            history = with(java.util.List.of(history), new KamStageAdvanced(ID, track[i], track[i + 1])).toArray();
        }
        fixture.given(history)
                .when(new AdvanceKamStage(ID, UNCOUPLING_KAM))
                .expectException(refusedBy(Rule.NOT_THE_NEXT_KAM_STAGE, "only uncoupling remains"))
                .expectNoEvents();
    }

    @Test
    void aKamStageCannotBeSkipped() {
        fixture.given(registered(), new KeyAccountDesignated(ID, "x"))
                .when(new AdvanceKamStage(ID, MID_KAM))
                .expectException(refusedBy(Rule.NOT_THE_NEXT_KAM_STAGE, "the next is EARLY_KAM, not MID_KAM"))
                .expectNoEvents();
    }

    @Test
    void kamNeedsADesignationFirst() {
        fixture.given(registered())
                .when(new AdvanceKamStage(ID, EARLY_KAM))
                .expectException(refusedBy(Rule.NOT_A_KEY_ACCOUNT, "designate it first"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new UncoupleKeyAccount(ID, "dependency"))
                .expectException(refusedBy(Rule.NOT_A_KEY_ACCOUNT, "designate it first"))
                .expectNoEvents();
    }

    @Test
    void uncouplingCanBeEnteredFromAnyKamStageWithAReason() {
        fixture.given(registered(), new KeyAccountDesignated(ID, "x"), new KamStageAdvanced(ID, PRE_KAM, EARLY_KAM),
                        new KamStageAdvanced(ID, EARLY_KAM, MID_KAM))
                .when(new UncoupleKeyAccount(ID, "cartel risk"))
                .expectEvents(new KeyAccountUncoupled(ID, MID_KAM, "cartel risk"));
        fixture.given(registered(), new KeyAccountDesignated(ID, "x"))
                .when(new UncoupleKeyAccount(ID, ""))
                .expectException(refusedBy(Rule.REASON_REQUIRED, "reason"))
                .expectNoEvents();
    }

    @Test
    void anUncoupledAccountIsNotUncoupledTwice() {
        fixture.given(registered(), new KeyAccountDesignated(ID, "x"), new KeyAccountUncoupled(ID, PRE_KAM, "dep"))
                .when(new UncoupleKeyAccount(ID, "again"))
                .expectException(refusedBy(Rule.ALREADY_UNCOUPLED, "already uncoupled"))
                .expectNoEvents();
    }

    @Test
    void classificationCanChangeWithARationale() {
        fixture.given(registered(Classification.TACTICAL))
                .when(new ClassifyAccount(ID, Classification.STRATEGIC, "brings future advantage"))
                .expectEvents(new AccountClassified(ID, Classification.STRATEGIC, "brings future advantage"));
        fixture.given(registered(Classification.TACTICAL))
                .when(new ClassifyAccount(ID, Classification.TACTICAL, "same"))
                .expectException(refusedBy(Rule.ALREADY_CLASSIFIED_SO, "already TACTICAL"))
                .expectNoEvents();
    }

    @Test
    void aKeyAccountMustStayStrategicUntilUncoupled() {
        fixture.given(registered(), new KeyAccountDesignated(ID, "x"))
                .when(new ClassifyAccount(ID, Classification.TACTICAL, "revenue only"))
                .expectException(refusedBy(Rule.KEY_ACCOUNT_MUST_STAY_STRATEGIC, "uncouple it"))
                .expectNoEvents();
        fixture.given(registered(), new KeyAccountDesignated(ID, "x"), new KeyAccountUncoupled(ID, PRE_KAM, "dep"))
                .when(new ClassifyAccount(ID, Classification.TACTICAL, "revenue only"))
                .expectEvents(new AccountClassified(ID, Classification.TACTICAL, "revenue only"));
    }

    @Test
    void anUncoupledAccountTakesNoKamCommandUntilDesignatedAgain() {
        var uncoupled = List.<Object>of(registered(), new KeyAccountDesignated(ID, "x"),
                new KeyAccountUncoupled(ID, PRE_KAM, "dependency"));
        fixture.given(uncoupled)
                .when(new AdvanceKamStage(ID, EARLY_KAM))
                .expectException(refusedBy(Rule.KEY_ACCOUNT_UNCOUPLED, "designate it again"))
                .expectNoEvents();
        fixture.given(uncoupled)
                .when(new DesignateKeyAccount(ID, "dependency solved"))
                .expectEvents(new KeyAccountDesignated(ID, "dependency solved"));
    }

    @Test
    void aDisqualifiedProspectTakesNoKamCommand() {
        var disqualified = List.<Object>of(registered(), new KeyAccountDesignated(ID, "x"),
                new ProspectDisqualified(ID, "no budget"));
        fixture.given(disqualified)
                .when(new AdvanceKamStage(ID, EARLY_KAM))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify"))
                .expectNoEvents();
        fixture.given(disqualified)
                .when(new UncoupleKeyAccount(ID, "no longer needed"))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "requalify"))
                .expectNoEvents();
    }
}
