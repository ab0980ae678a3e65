package com.relationship.projection.status;

import com.relationship.projection.readmodel.InconsistentEventStreamException;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.events.*;
import com.relationship.contracts.status.AccountOwner;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ExchangeType;
import com.relationship.contracts.status.OpenComplaint;
import com.relationship.contracts.status.StagePeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static com.relationship.contracts.account.LifecycleStage.*;
import static com.relationship.projection.status.AccountHistory.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountStatusProjectorTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final UUID COMPLAINT = UUID.fromString("0e7a3c2d-4b1f-4a6e-8c9d-1a2b3c4d5e6f");

    private final AccountStatusProjector projector = new AccountStatusProjector();

    @Test
    void registrationMakesAProspectWithItsFirmographics() {
        AccountStatus status = projector.fold(AccountHistory.registered(ACCOUNT, "Acme").events());

        assertThat(status.accountId()).isEqualTo(ACCOUNT);
        assertThat(status.name()).isEqualTo("Acme");
        assertThat(status.firmographics().annualRevenue()).isEqualByComparingTo("250000000");
        assertThat(status.firmographics().annualRevenue().scale()).isEqualTo(2);
        assertThat(status.firmographics().annualRevenueCurrency()).isEqualTo("EUR");
        assertThat(status.stage()).isEqualTo(PROSPECT);
        assertThat(status.stageSince()).isEqualTo(at(0));
        assertThat(status.stagePeriods()).containsExactly(new StagePeriod(PROSPECT, at(0), null));
        assertThat(status.classification()).isEqualTo(Classification.TACTICAL);
        assertThat(status.exchangeType()).isEqualTo(ExchangeType.TRANSACTIONAL);
        assertThat(status.kamStage()).isNull();
        assertThat(status.lastAppliedSequence()).isZero();
        assertThat(status.updatedAt()).isEqualTo(at(0));
    }

    /**
     * The annual revenue's currency (issue 29): the registration's own, or, for a registration recorded before
     * registrations named one, the projection's reporting currency; none without an annual revenue.
     */
    @Test
    void theAnnualRevenueIsInTheRegistrationsCurrencyOrForAnOldOneInTheReportingCurrency() {
        AccountStatusProjector inUsd = new AccountStatusProjector(com.relationship.projection.churn.ChurnModel.defaults(),
                com.relationship.projection.bonding.BondingModel.defaults(), "USD");
        AccountHistory old = AccountHistory.registered(ACCOUNT, "Acme");
        AccountHistory named = AccountHistory.registeredWith(ACCOUNT, "Acme", new BigDecimal("250000000.00"), "CHF");
        AccountHistory none = AccountHistory.registeredWith(ACCOUNT, "Acme", null, null);

        assertThat(inUsd.fold(old.events()).firmographics().annualRevenueCurrency()).isEqualTo("USD");
        assertThat(projector.fold(old.events()).firmographics().annualRevenueCurrency()).isEqualTo("EUR");
        assertThat(inUsd.fold(named.events()).firmographics().annualRevenueCurrency()).isEqualTo("CHF");
        assertThat(inUsd.fold(named.events()).firmographics().annualRevenue()).isEqualByComparingTo("250000000");
        assertThat(inUsd.fold(none.events()).firmographics().annualRevenueCurrency()).isNull();
        AccountStatus later = inUsd.fold(old.then(id -> new KeyAccountDesignated(id, "Potential")).events());
        assertThat(later.firmographics().annualRevenueCurrency()).as("kept as events follow").isEqualTo("USD");
    }

    /** The account is the envelope's subject (the record key, the document id), whatever the payload says. */
    @Test
    void theStatusIsOfTheAccountTheEnvelopeNames() {
        com.relationship.contracts.events.EnvelopedAccountEvent withoutId = new com.relationship.contracts.events
                .EnvelopedAccountEvent("e0", ACCOUNT, 0, at(0), "alice", "corr", "cmd",
                new com.relationship.contracts.events.AccountRegistered(null, "Acme", "Retail", 10, null, "EMEA", null));

        assertThat(projector.fold(java.util.List.of(withoutId)).accountId()).isEqualTo(ACCOUNT);
    }

    /** A history recorded late (issue 25): stage periods go by when things happened, updatedAt by when they were recorded. */
    @Test
    void stagePeriodsGoByBusinessTimeAndAFactRecordedLateMovesNoPeriod() {
        Instant since = Instant.parse("2024-12-01T09:00:00Z");
        Instant customer = Instant.parse("2024-12-15T00:00:00Z");
        AccountHistory history = AccountHistory.registeredSince(ACCOUNT, "Acme", since)                      // 0
                .thenDated(Instant.parse("2024-12-10T10:00:00Z"), id -> purchase(id, "1000", "EUR"))   // 1
                .thenDated(customer, id -> new LifecycleStageAdvanced(id, PROSPECT, CUSTOMER))        // 2
                .thenDated(Instant.parse("2024-11-20T00:00:00Z"), id -> purchase(id, "50", "EUR"));  // 3, recorded late

        AccountStatus status = projector.fold(history.events());

        assertThat(status.stagePeriods()).containsExactly(new StagePeriod(PROSPECT, since, customer),
                new StagePeriod(CUSTOMER, customer, null));
        assertThat(status.stageSince()).isEqualTo(customer);
        assertThat(status.purchaseCount()).isEqualTo(2);
        assertThat(status.updatedAt()).as("when it was last recorded").isEqualTo(at(3));
    }

    /** Issue 28: the owner, as the latest assignment says, since when it happened; none until one is assigned. */
    @Test
    void theStatusShowsTheLatestOwnerAndSinceWhen() {
        Instant hunted = Instant.parse("2026-01-10T09:00:00Z");
        Instant developed = Instant.parse("2026-05-02T09:00:00Z");
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme");
        assertThat(projector.fold(history.events()).owner()).isNull();

        history.thenDated(hunted, id -> new AccountOwnerAssigned(id, "alice", OwnerKind.HUNTER, "new logo"));
        assertThat(projector.fold(history.events()).owner())
                .isEqualTo(new AccountOwner("alice", OwnerKind.HUNTER, hunted));

        history.thenDated(developed, id -> new AccountOwnerAssigned(id, "bob", OwnerKind.DEVELOPER, "won: grow it"))
                .then(id -> new ContactAdded(id, UUID.randomUUID(), "Jane", "CFO", null, null,
                        ContactRole.DECISION_MAKER, 5, null));
        AccountStatus status = projector.fold(history.events());
        assertThat(status.owner()).isEqualTo(new AccountOwner("bob", OwnerKind.DEVELOPER, developed));
        assertThat(status.lastAppliedSequence()).isEqualTo(3);
    }

    /** Issue 29: the latest profitability decision is shown, and a FIRE is a decision: the stage stays. */
    @Test
    void theStatusShowsTheLatestProfitabilityDecisionAndAFireMovesNoStage() {
        Instant converted = Instant.parse("2026-01-10T09:00:00Z");
        Instant fired = Instant.parse("2026-08-01T09:00:00Z");
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new com.relationship.contracts.events.PurchaseRecorded(id, UUID.randomUUID(),
                        java.math.BigDecimal.TEN, "EUR", converted, "Seats"))
                .then(id -> new com.relationship.contracts.events.LifecycleStageAdvanced(id,
                        com.relationship.contracts.account.LifecycleStage.PROSPECT,
                        com.relationship.contracts.account.LifecycleStage.CUSTOMER));
        assertThat(projector.fold(history.events()).profitability()).isNull();

        history.thenDated(converted, id -> new com.relationship.contracts.events.ProfitabilityDecided(id,
                com.relationship.contracts.account.ProfitabilityDecision.CONVERT,
                java.util.List.of(com.relationship.contracts.account.ConversionLever.RAISE_PRICES), "loses money"));
        assertThat(projector.fold(history.events()).profitability().decision())
                .isEqualTo(com.relationship.contracts.account.ProfitabilityDecision.CONVERT);

        history.thenDated(fired, id -> new com.relationship.contracts.events.ProfitabilityDecided(id,
                com.relationship.contracts.account.ProfitabilityDecision.FIRE, java.util.List.of(), "still loses"));
        AccountStatus status = projector.fold(history.events());
        assertThat(status.profitability()).isEqualTo(new com.relationship.contracts.status.ProfitabilityStance(
                com.relationship.contracts.account.ProfitabilityDecision.FIRE, java.util.List.of(), fired,
                history.get(4).eventId()));
        assertThat(status.stage()).isEqualTo(com.relationship.contracts.account.LifecycleStage.CUSTOMER);
    }

    /** The write side's KAM hold, shown: a REJECTED latest review holds, an APPROVED one after it releases. */
    @Test
    void aRejectedComplianceReviewShowsAsAComplianceHoldUntilAnApprovedOne() {
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new ComplianceReviewRecorded(id, UUID.randomUUID(), ComplianceOutcome.REJECTED, "legal", null));
        assertThat(projector.fold(history.events()).complianceHold()).isTrue();
        history.then(id -> new ComplianceReviewRecorded(id, UUID.randomUUID(), ComplianceOutcome.APPROVED, "legal", null));
        assertThat(projector.fold(history.events()).complianceHold()).isFalse();
        assertThat(projector.fold(AccountHistory.registered(ACCOUNT, "Acme").events()).complianceHold()).isFalse();
    }

    @Test
    void fullLifecycleToPartnerRecordsEveryStagePeriod() {
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")                              // 0
                .then(id -> purchase(id, "48000.50", "EUR"))                                             // 1
                .then(id -> new LifecycleStageAdvanced(id, PROSPECT, CUSTOMER))                          // 2
                .then(id -> purchase(id, "100", "EUR"))                                                  // 3
                .then(id -> purchase(id, "12000.5", "USD"))                                              // 4
                .then(id -> new LifecycleStageAdvanced(id, CUSTOMER, CLIENT))                            // 5
                .then(id -> new ReferralRecorded(id, UUID.randomUUID(), "Sister plant", "Acme Logistics")) // 6
                .then(id -> new LifecycleStageAdvanced(id, CLIENT, SUPPORTER))                           // 7
                .then(id -> new CoDevelopmentEngagementRecorded(id, UUID.randomUUID(), "Roadmap workshop")) // 8
                .then(id -> new LifecycleStageAdvanced(id, SUPPORTER, ADVOCATE))                         // 9
                .then(id -> new PartnershipAgreementRecorded(id, UUID.randomUUID(), "GTM", at(10)))      // 10
                .then(id -> new ComplianceReviewRecorded(id, UUID.randomUUID(), ComplianceOutcome.APPROVED,
                        "Legal", "No dependency"))                                                       // 11
                .then(id -> new LifecycleStageAdvanced(id, ADVOCATE, PARTNER))                           // 12
                .then(id -> new AccountClassified(id, Classification.STRATEGIC, "Future advantage"))     // 13
                .then(id -> new KeyAccountDesignated(id, "Growth potential"))                            // 14
                .then(id -> new KamStageAdvanced(id, KamStage.PRE_KAM, KamStage.EARLY_KAM));             // 15

        AccountStatus status = projector.fold(history.events());

        assertThat(status.stage()).isEqualTo(PARTNER);
        assertThat(status.stageSince()).isEqualTo(at(12));
        assertThat(status.exchangeType()).isEqualTo(ExchangeType.COLLABORATIVE);
        assertThat(status.stagePeriods()).containsExactly(
                new StagePeriod(PROSPECT, at(0), at(2)),
                new StagePeriod(CUSTOMER, at(2), at(5)),
                new StagePeriod(CLIENT, at(5), at(7)),
                new StagePeriod(SUPPORTER, at(7), at(9)),
                new StagePeriod(ADVOCATE, at(9), at(12)),
                new StagePeriod(PARTNER, at(12), null));
        assertThat(status.purchaseCount()).isEqualTo(3);
        assertThat(status.purchaseTotals()).containsOnlyKeys("EUR", "USD");
        assertThat(status.purchaseTotals().get("EUR")).isEqualTo(new BigDecimal("48100.50"));
        assertThat(status.purchaseTotals().get("USD")).isEqualTo(new BigDecimal("12000.5"));
        assertThat(status.classification()).isEqualTo(Classification.STRATEGIC);
        assertThat(status.kamStage()).isEqualTo(KamStage.EARLY_KAM);
        assertThat(status.kamStageSince()).isEqualTo(at(15));
        assertThat(status.lastAppliedSequence()).isEqualTo(15);
        assertThat(status.updatedAt()).isEqualTo(at(15));
    }

    @Test
    void downgradeClosesOnePeriodAndOpensAnother() {
        AccountStatus status = projector.fold(AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new LifecycleStageAdvanced(id, PROSPECT, CUSTOMER))
                .then(id -> new LifecycleStageAdvanced(id, CUSTOMER, CLIENT))
                .then(id -> new LifecycleStageDowngraded(id, CLIENT, CUSTOMER, "Broken commitment"))
                .events());

        assertThat(status.stage()).isEqualTo(CUSTOMER);
        assertThat(status.stageSince()).isEqualTo(at(3));
        assertThat(status.exchangeType()).isEqualTo(ExchangeType.TRANSACTIONAL);
        assertThat(status.stagePeriods()).containsExactly(
                new StagePeriod(PROSPECT, at(0), at(1)),
                new StagePeriod(CUSTOMER, at(1), at(2)),
                new StagePeriod(CLIENT, at(2), at(3)),
                new StagePeriod(CUSTOMER, at(3), null));
    }

    @Test
    void lapseRemembersTheStageAndWinBackReturnsToCustomer() {
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new LifecycleStageAdvanced(id, PROSPECT, CUSTOMER))
                .then(id -> new LifecycleStageAdvanced(id, CUSTOMER, CLIENT))
                .then(id -> new AccountLapsed(id, CLIENT, "Switched to a competitor"));

        AccountStatus lapsed = projector.fold(history.events());
        assertThat(lapsed.stage()).isEqualTo(LAPSED);
        assertThat(lapsed.lapsedFrom()).isEqualTo(CLIENT);
        assertThat(lapsed.stageSince()).isEqualTo(at(3));
        assertThat(lapsed.exchangeType()).isEqualTo(ExchangeType.TRANSACTIONAL);

        AccountStatus wonBack = projector.fold(history.then(id -> new AccountWonBack(id, "New contract")).events());
        assertThat(wonBack.stage()).isEqualTo(CUSTOMER);
        assertThat(wonBack.lapsedFrom()).isNull();
        assertThat(wonBack.stagePeriods()).extracting(StagePeriod::stage)
                .containsExactly(PROSPECT, CUSTOMER, CLIENT, LAPSED, CUSTOMER);
        assertThat(wonBack.stagePeriods().get(3)).isEqualTo(new StagePeriod(LAPSED, at(3), at(4)));
    }

    @Test
    void disqualifiedProspect() {
        AccountStatus status = projector.fold(AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new ProspectDisqualified(id, "No budget")).events());

        assertThat(status.stage()).isEqualTo(DISQUALIFIED);
        assertThat(status.stagePeriods()).containsExactly(
                new StagePeriod(PROSPECT, at(0), at(1)), new StagePeriod(DISQUALIFIED, at(1), null));
    }

    @Test
    void requalifiedProspect() {
        AccountStatus status = projector.fold(AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new ProspectDisqualified(id, "No budget"))
                .then(id -> new ProspectRequalified(id, "Budget approved")).events());

        assertThat(status.stage()).isEqualTo(PROSPECT);
        assertThat(status.stagePeriods()).containsExactly(new StagePeriod(PROSPECT, at(0), at(1)),
                new StagePeriod(DISQUALIFIED, at(1), at(2)), new StagePeriod(PROSPECT, at(2), null));
    }

    @Test
    void kamTrackFromDesignationToUncoupling() {
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new KeyAccountDesignated(id, "Potential"));
        assertThat(projector.fold(history.events()).kamStage()).isEqualTo(KamStage.PRE_KAM);

        AccountStatus status = projector.fold(history
                .then(id -> new KamStageAdvanced(id, KamStage.PRE_KAM, KamStage.EARLY_KAM))
                .then(id -> new KeyAccountUncoupled(id, KamStage.EARLY_KAM, "Dependency too high"))
                .events());
        assertThat(status.kamStage()).isEqualTo(KamStage.UNCOUPLING_KAM);
        assertThat(status.kamStageSince()).isEqualTo(at(3));
        assertThat(status.stage()).isEqualTo(PROSPECT);
    }

    @Test
    void complaintsStayOpenUntilResolved() {
        Instant dueBy = Instant.parse("2026-02-01T00:00:00Z");
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new ComplaintOpened(id, COMPLAINT, "Late delivery", dueBy))
                .then(id -> new ComplaintOpened(id, UUID.randomUUID(), "Wrong invoice", dueBy));

        AccountStatus open = projector.fold(history.events());
        assertThat(open.openComplaints()).hasSize(2);
        assertThat(open.openComplaints().get(0))
                .isEqualTo(new OpenComplaint(COMPLAINT, "Late delivery", dueBy, at(1)));

        AccountStatus resolved = projector.fold(history
                .then(id -> new ComplaintResolved(id, COMPLAINT, "Replacement shipped")).events());
        assertThat(resolved.openComplaints()).extracting(OpenComplaint::summary).containsExactly("Wrong invoice");
    }

    @Test
    void anEventBeforeRegistrationCannotBeFolded() {
        EnvelopedAccountEvent purchase = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> purchase(id, "1", "EUR")).get(1);

        assertThatThrownBy(() -> projector.apply(null, purchase))
                .isInstanceOf(InconsistentEventStreamException.class)
                .hasMessageContaining(ACCOUNT.toString()).hasMessageContaining("before the account's registration");
    }

    @Test
    void foldingIsPureTheSameHistoryGivesTheSameStatus() {
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> purchase(id, "10.10", "EUR"))
                .then(id -> new LifecycleStageAdvanced(id, PROSPECT, CUSTOMER));

        assertThat(projector.fold(history.events())).isEqualTo(projector.fold(history.events()));
    }

    private static PurchaseRecorded purchase(UUID accountId, String amount, String currency) {
        return new PurchaseRecorded(accountId, UUID.randomUUID(), new BigDecimal(amount), currency,
                Instant.parse("2026-01-10T00:00:00Z"), "Licence");
    }
}
