package com.relationship.service.account;

import com.relationship.account.AccountState;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.ComplianceReviewRecorded;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PartnershipAgreementRecorded;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static com.relationship.contracts.account.LifecycleStage.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The eligibility answer names the evidence that does not count and why: too old, or from an earlier tenure. */
class EligibilityTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private AccountState state = AccountState.registered(new AccountRegistered(ID, "Initech", "Software", 50,
            new BigDecimal("1000000"), "EMEA", Classification.STRATEGIC), START);
    private long sequence;

    private void then(AccountEvent event, String at) {
        state = state.evolve(event, ++sequence, Instant.parse(at));
    }

    private void purchase(String at) {
        then(new PurchaseRecorded(ID, UUID.randomUUID(), BigDecimal.TEN, "EUR", Instant.parse(at), "parts"), at);
    }

    private void advance(LifecycleStage from, LifecycleStage to, String at) {
        then(new LifecycleStageAdvanced(ID, from, to), at);
    }

    @Test
    void inTheFirstTenureEverythingSinceTheRelationshipBeganCounts() {
        purchase("2024-02-01T00:00:00Z");
        advance(PROSPECT, CUSTOMER, "2024-02-02T00:00:00Z");

        Eligibility eligibility = Eligibility.of(state, LifecyclePolicy.defaults(), Instant.parse("2024-03-01T00:00:00Z"));

        assertThat(eligibility.evidenceSince()).isNull();
        assertThat(eligibility.note()).isEqualTo("Record the missing evidence first.");
    }

    /** A CLIENT with a referral lapses and is won back: the old referral is history, and the answer says so. */
    @Test
    void afterAWinBackTheAnswerSaysWhenTheTenureBeganAndThatWhatCameBeforeIsHistory() {
        purchase("2024-02-01T00:00:00Z");
        advance(PROSPECT, CUSTOMER, "2024-02-02T00:00:00Z");
        purchase("2024-03-01T00:00:00Z");
        purchase("2024-04-01T00:00:00Z");
        advance(CUSTOMER, CLIENT, "2024-04-02T00:00:00Z");
        then(new ReferralRecorded(ID, UUID.randomUUID(), "told a peer", null), "2024-05-01T00:00:00Z");
        then(new AccountLapsed(ID, CLIENT, "went to a rival"), "2025-01-01T00:00:00Z");
        purchase("2025-03-01T00:00:00Z");
        then(new AccountWonBack(ID, "new contract"), "2025-03-02T00:00:00Z");

        Eligibility eligibility = Eligibility.of(state, LifecyclePolicy.defaults(), Instant.parse("2025-04-01T00:00:00Z"));

        assertThat(eligibility.currentStage()).isEqualTo(CUSTOMER);
        assertThat(eligibility.nextStage()).isEqualTo(CLIENT);
        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.evidenceSince()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(eligibility.note()).contains("the current tenure, which began when the account lapsed"
                + " (2025-01-01T00:00:00Z)", "is history");
    }

    /** An APPROVED review older than the validity does not clear PARTNER: the answer gives its date and age. */
    @Test
    void aReviewOlderThanTheValidityIsNamedWithItsAge() {
        purchase("2024-02-01T00:00:00Z");
        advance(PROSPECT, CUSTOMER, "2024-02-02T00:00:00Z");
        advance(CUSTOMER, CLIENT, "2024-02-03T00:00:00Z");
        advance(CLIENT, SUPPORTER, "2024-02-03T00:00:00Z");
        advance(SUPPORTER, ADVOCATE, "2024-02-03T00:00:00Z");
        then(new ComplianceReviewRecorded(ID, UUID.randomUUID(), ComplianceOutcome.APPROVED, "legal", null, null),
                "2024-02-04T00:00:00Z");
        then(new PartnershipAgreementRecorded(ID, UUID.randomUUID(), "joint offer", Instant.parse("2025-06-01T00:00:00Z")),
                "2025-06-01T00:00:00Z");

        Eligibility eligibility = Eligibility.of(state, LifecyclePolicy.defaults(), Instant.parse("2025-06-02T00:00:00Z"));

        assertThat(eligibility.nextStage()).isEqualTo(PARTNER);
        assertThat(eligibility.missingEvidence()).singleElement().asString()
                .contains("no older than 365 days", "2024-02-04T00:00:00Z", "484 days old");
    }
}
