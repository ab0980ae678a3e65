package com.relationship.account;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.events.*;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.relationship.contracts.account.LifecycleStage.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one fold: every event type is folded, facts land where the rules read them, and the
 * version and times are the last folded event's. The rules that read the fold are tested on the
 * aggregate (relationship-service, account/*RulesTest).
 */
class AccountStateTest {

    private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static AccountState fold(AccountEvent... events) {
        AccountState state = AccountState.registered(new AccountRegistered(ID, "Acme", "Manufacturing", 500,
                new BigDecimal("1000000"), "EMEA", Classification.STRATEGIC), T0);
        for (int i = 0; i < events.length; i++) {
            state = state.evolve(events[i], i + 1, T0.plusSeconds(60L * (i + 1)));
        }
        return state;
    }

    private static PurchaseRecorded purchase() {
        return new PurchaseRecorded(ID, UUID.randomUUID(), new BigDecimal("10.00"), "EUR", T0, "order");
    }

    /** One sample of every event but the registration; a new event type fails here until the fold knows it. */
    static List<AccountEvent> oneOfEach() {
        UUID item = UUID.randomUUID();
        return List.of(purchase(), new ReferralRecorded(ID, item, "told a peer", "Peer"),
                new ComplaintOpened(ID, item, "late", T0), new ComplaintResolved(ID, item, "refund"),
                new CoDevelopmentEngagementRecorded(ID, item, "beta"), new PartnershipAgreementRecorded(ID, item, "GTM", T0),
                new ComplianceReviewRecorded(ID, item, ComplianceOutcome.APPROVED, "legal", null),
                new LifecycleStageAdvanced(ID, PROSPECT, CUSTOMER),
                new LifecycleStageDowngraded(ID, CLIENT, CUSTOMER, "broken"), new AccountLapsed(ID, CUSTOMER, "gone"),
                new AccountWonBack(ID, "back"), new ProspectDisqualified(ID, "no budget"),
                new ProspectRequalified(ID, "budget"), new AccountClassified(ID, Classification.TACTICAL, "revenue only"),
                new KeyAccountDesignated(ID, "potential"), new KamStageAdvanced(ID, KamStage.PRE_KAM, KamStage.EARLY_KAM),
                new KeyAccountUncoupled(ID, KamStage.EARLY_KAM, "dependency"),
                new BondEstablished(ID, item, BondKind.SOCIAL, "named contact", T0, null),
                new BondDissolved(ID, item, BondKind.SOCIAL, "contact left"),
                new InteractionRecorded(ID, item, InteractionChannel.CALL, InteractionDirection.TWO_WAY, "J", "call", T0),
                new SatisfactionSurveyed(ID, item, 8, SurveyInstrument.NPS, null, T0),
                new ContactAdded(ID, item, "Jane", "CFO", null, null, ContactRole.DECISION_MAKER, 5, null),
                new ContactRoleAssessed(ID, item, ContactRole.CHAMPION, 4, "backs us"),
                new ContactLeft(ID, item, "retired"),
                new ContactErased(ID, item, "Art. 17 request"),
                new AccountOwnerAssigned(ID, "alice", OwnerKind.HUNTER, "new logo"),
                new ValueComponentAssessed(ID, com.relationship.contracts.account.ValueComponent.FUTURE_VALUE, 60, null,
                        null, "a reference customer"),
                new WalletEstimated(ID, item, "sensors", java.math.BigDecimal.TEN, "EUR", "2026", "buyer"),
                new RelationshipLevelAssessed(ID, 3, "comfortable"),
                new ServiceActivityRecorded(ID, item, "TRAINING", java.math.BigDecimal.ONE, null, null, null),
                new ProfitabilityDecided(ID, com.relationship.contracts.account.ProfitabilityDecision.KEEP, java.util.List.of(),
                        "profitable"));
    }

    @Test
    void everyEventTypeIsFolded() {
        Set<Class<?>> sampled = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> permitted = Arrays.stream(AccountEvent.class.getPermittedSubclasses())
                .filter(type -> type != AccountRegistered.class).collect(Collectors.toSet());
        assertThat(sampled).as("a sample of every permitted event").isEqualTo(permitted);
        AccountState state = fold(oneOfEach().toArray(AccountEvent[]::new));
        assertThat(state.version()).isEqualTo(oneOfEach().size());
    }

    @Test
    void theVersionAndTimesAreTheLastFoldedEvents() {
        AccountState state = fold(purchase(), new LifecycleStageAdvanced(ID, PROSPECT, CUSTOMER), purchase());
        assertThat(state.version()).isEqualTo(3);
        assertThat(state.lastEventAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(state.registeredAt()).isEqualTo(T0);
        assertThat(state.stage()).isEqualTo(CUSTOMER);
        assertThat(state.stageSince()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aLapseRemembersTheStageAndAWinBackOpensATenureWithThePurchaseMadeWhileLapsed() {
        AccountState lapsed = fold(purchase(), new LifecycleStageAdvanced(ID, PROSPECT, CUSTOMER), purchase(),
                new AccountLapsed(ID, CUSTOMER, "gone"), purchase());
        assertThat(lapsed.stage()).isEqualTo(LAPSED);
        assertThat(lapsed.lapsedFrom()).isEqualTo(CUSTOMER);
        AccountState back = fold(purchase(), new LifecycleStageAdvanced(ID, PROSPECT, CUSTOMER), purchase(),
                new AccountLapsed(ID, CUSTOMER, "gone"), purchase(), new AccountWonBack(ID, "back"));
        assertThat(back.stage()).isEqualTo(CUSTOMER);
        assertThat(back.lapsedFrom()).isNull();
        assertThat(back.evidence().purchases()).isEqualTo(1);
    }

    @Test
    void aDowngradeToCustomerKeepsOnlyTheFirstPurchaseAndOpenComplaints() {
        UUID complaint = UUID.randomUUID();
        AccountState state = fold(purchase(), purchase(), purchase(), new ReferralRecorded(ID, UUID.randomUUID(), "x", null),
                new ComplaintOpened(ID, complaint, "late", T0), new LifecycleStageDowngraded(ID, CLIENT, CUSTOMER, "b"));
        assertThat(state.evidence().purchases()).isEqualTo(1);
        assertThat(state.evidence().referrals()).isZero();
        assertThat(state.openComplaints()).containsExactly(complaint);
    }

    @Test
    void complaintsAndBondsAreTrackedById() {
        UUID complaint = UUID.randomUUID();
        UUID bond = UUID.randomUUID();
        AccountState state = fold(new ComplaintOpened(ID, complaint, "late", T0),
                new ComplaintResolved(ID, complaint, "refund"),
                new BondEstablished(ID, bond, BondKind.STRUCTURAL, "EDI", T0, T0.plusSeconds(86_400)));
        assertThat(state.complaintsOpened()).containsExactly(complaint);
        assertThat(state.resolvedComplaints()).containsExactly(complaint);
        assertThat(state.openComplaints()).isEmpty();
        assertThat(state.activeBonds().get(bond).holdsAt(T0.plusSeconds(3_600))).isTrue();
        assertThat(state.activeBonds().get(bond).holdsAt(T0.plusSeconds(86_400))).isFalse();
        AccountState dissolved = state.evolve(new BondDissolved(ID, bond, BondKind.STRUCTURAL, "replaced"), 4, T0);
        assertThat(dissolved.activeBonds()).isEmpty();
        assertThat(dissolved.dissolvedBonds()).containsExactly(bond);
    }

    @Test
    void contactsAreKnownByIdWithTheirRoleAndWhenTheyCameAndWent() {
        UUID jane = UUID.randomUUID();
        UUID bond = UUID.randomUUID();
        AccountState state = fold(new ContactAdded(ID, jane, "Jane", "CFO", "jane@acme.example", null,
                        ContactRole.DECISION_MAKER, 5, InteractionChannel.MEETING),
                new BondEstablished(ID, bond, BondKind.SOCIAL, "golf", T0, null, jane),
                new ContactRoleAssessed(ID, jane, ContactRole.CHAMPION, 4, "backs us"));
        assertThat(state.contacts().get(jane)).isEqualTo(new KnownContact(ContactRole.CHAMPION, 4,
                T0.plusSeconds(60), null));
        assertThat(state.activeBonds().get(bond).contactId()).isEqualTo(jane);
        AccountState left = state.evolve(new ContactLeft(ID, jane, "retired"), 4, T0.plusSeconds(600));
        assertThat(left.contacts().get(jane).leftAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(left.contacts().get(jane).hasLeft()).isTrue();
    }

    @Test
    void theLatestOwnerAssignedOwnsTheAccount() {
        AccountState state = fold(new AccountOwnerAssigned(ID, "alice", OwnerKind.HUNTER, "new logo"),
                new AccountOwnerAssigned(ID, "bob", OwnerKind.DEVELOPER, "won; grow it"));
        assertThat(state.owner()).isEqualTo("bob");
        assertThat(state.ownerKind()).isEqualTo(OwnerKind.DEVELOPER);
        assertThat(fold().owner()).isNull();
    }

    @Test
    void theKamTrackAndClassification() {
        AccountState state = fold(new KeyAccountDesignated(ID, "p"), new KamStageAdvanced(ID, KamStage.PRE_KAM,
                KamStage.EARLY_KAM));
        assertThat(state.kamStage()).isEqualTo(KamStage.EARLY_KAM);
        assertThat(state.isKeyAccount()).isTrue();
        assertThat(state.kamStageSince()).isEqualTo(T0.plusSeconds(120));
        AccountState uncoupled = state.evolve(new KeyAccountUncoupled(ID, KamStage.EARLY_KAM, "dep"), 3, T0);
        assertThat(uncoupled.isKeyAccount()).isFalse();
        assertThat(fold(new AccountClassified(ID, Classification.TACTICAL, "r")).classification())
                .isEqualTo(Classification.TACTICAL);
    }

    @Test
    void aBrokenHistoryIsRefused() {
        AccountState state = fold();
        assertThatThrownBy(() -> state.evolve(new PurchaseRecorded(UUID.randomUUID(), UUID.randomUUID(),
                BigDecimal.ONE, "EUR", T0, null), 1, T0)).hasMessageContaining("folded into " + ID);
        assertThatThrownBy(() -> state.evolve(new AccountRegistered(ID, "Acme", "x", 1, null, "EMEA",
                Classification.TACTICAL), 1, T0)).hasMessageContaining("registered once");
    }

    @Test
    void theStateIsImmutable() {
        AccountState before = fold();
        AccountState after = before.evolve(purchase(), 1, T0);
        assertThat(before.evidence().purchases()).isZero();
        assertThat(after.evidence().purchases()).isEqualTo(1);
        assertThatThrownBy(() -> after.activeBonds().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
