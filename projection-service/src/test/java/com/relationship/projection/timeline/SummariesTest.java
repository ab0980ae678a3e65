package com.relationship.projection.timeline;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountOwnerAssigned;
import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.ContactRoleAssessed;
import com.relationship.contracts.events.CoDevelopmentEngagementRecorded;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.ComplianceReviewRecorded;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.PartnershipAgreementRecorded;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event's two sentences: the plain one a reader sees, with no names or free text, and the full
 * one an auditor sees. Free text here is whatever a person typed (contact, reviewer, descriptions).
 */
class SummariesTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final UUID CONTACT = UUID.fromString("c0000000-0000-0000-0000-000000000001");
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new InteractionRecorded(ACCOUNT, UUID.randomUUID(), InteractionChannel.MEETING,
                                InteractionDirection.INBOUND, "Jane Roe", "renewal talk", AT, null),
                        "MEETING (INBOUND)", "MEETING (INBOUND) with Jane Roe: renewal talk"),
                Arguments.of(new ComplianceReviewRecorded(ACCOUNT, UUID.randomUUID(), ComplianceOutcome.APPROVED,
                                "Rob Reviewer", "no conflicts", null),
                        "Compliance review recorded: APPROVED", "Compliance review recorded: APPROVED by Rob Reviewer"),
                Arguments.of(new ReferralRecorded(ACCOUNT, UUID.randomUUID(), "Jane's cousin at Beta", "Beta AG", null),
                        "Referral recorded", "Referral recorded: Jane's cousin at Beta"),
                Arguments.of(new ComplaintOpened(ACCOUNT, UUID.randomUUID(), "Jane says the parts were late", AT),
                        "Complaint opened", "Complaint opened: Jane says the parts were late"),
                Arguments.of(new ComplaintResolved(ACCOUNT, UUID.randomUUID(), "credited by Tom"),
                        "Complaint resolved", "Complaint resolved: credited by Tom"),
                Arguments.of(new BondEstablished(ACCOUNT, UUID.randomUUID(), BondKind.SOCIAL, "golf with Jane", AT, null),
                        "SOCIAL bond established", "SOCIAL bond established: golf with Jane"),
                Arguments.of(new CoDevelopmentEngagementRecorded(ACCOUNT, UUID.randomUUID(), "sensor pilot with Jane", null),
                        "Co-development engagement recorded", "Co-development engagement recorded: sensor pilot with Jane"),
                Arguments.of(new PartnershipAgreementRecorded(ACCOUNT, UUID.randomUUID(), "signed by Jane", AT, null),
                        "Partnership agreement recorded", "Partnership agreement recorded: signed by Jane"),
                // Issue 28: a contact's events; never the email or phone, not even for an auditor.
                Arguments.of(new ContactAdded(ACCOUNT, CONTACT, "Jane Roe", "Head of purchasing", "jane@beta.example",
                                "+49 30 1234567", ContactRole.DECISION_MAKER, 5, InteractionChannel.MEETING),
                        "Contact added: DECISION_MAKER, influence 5",
                        "Contact added: DECISION_MAKER, influence 5: Jane Roe, Head of purchasing"),
                Arguments.of(new ContactRoleAssessed(ACCOUNT, CONTACT, ContactRole.CHAMPION, 4, "Jane backed our bid"),
                        "Contact assessed: CHAMPION, influence 4", "Contact assessed: CHAMPION, influence 4"),
                Arguments.of(new ContactLeft(ACCOUNT, CONTACT, "Jane moved to a competitor"),
                        "Contact left", "Contact left"),
                Arguments.of(new BondDissolved(ACCOUNT, UUID.randomUUID(), BondKind.SOCIAL, "The contact the bond was"
                                + " with left the account", CONTACT),
                        "SOCIAL bond dissolved: the contact it was with left",
                        "SOCIAL bond dissolved: the contact it was with left"),
                Arguments.of(new InteractionRecorded(ACCOUNT, UUID.randomUUID(), InteractionChannel.CALL,
                                InteractionDirection.TWO_WAY, null, "renewal talk", AT, null, CONTACT),
                        "CALL (TWO_WAY)", "CALL (TWO_WAY) with contact " + CONTACT + ": renewal talk"),
                Arguments.of(new AccountOwnerAssigned(ACCOUNT, "alice", OwnerKind.HUNTER, "new logo"),
                        "Owner assigned: a HUNTER", "Owner assigned: a HUNTER, alice"),
                // No names or free text in it: both sentences are the same.
                Arguments.of(new PurchaseRecorded(ACCOUNT, UUID.randomUUID(), new BigDecimal("10.00"), "EUR", AT,
                                "parts", "PO-1"),
                        "Purchase of 10.00 EUR recorded (order PO-1)", "Purchase of 10.00 EUR recorded (order PO-1)"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void thePlainSentenceLeavesOutNamesAndFreeText(AccountEvent event, String plain, String full) {
        Summaries.Sentence sentence = Summaries.of(event);

        assertThat(sentence.plain()).isEqualTo(plain);
        assertThat(sentence.full()).isEqualTo(full);
    }

    @ParameterizedTest
    @MethodSource("typesInWords")
    void anEntryWithoutAPlainSentenceReadsItsTypeInWords(String type, String words) {
        assertThat(Summaries.plainOfType(type)).isEqualTo(words);
    }

    static Stream<Arguments> typesInWords() {
        return Stream.of(
                Arguments.of("com.relationship.account.InteractionRecorded.v1", "Interaction recorded"),
                Arguments.of("com.relationship.account.KamStageAdvanced.v1", "Kam stage advanced"),
                Arguments.of("com.relationship.account.AccountLapsed.v1", "Account lapsed"));
    }
}
