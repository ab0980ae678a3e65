package com.relationship.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.events.*;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How a fact is known: the id the service minted for it ({@code purchaseId}, ...), the name of that
 * id's field, and the seller's own reference where it has one with its field ({@code orderRef} of a
 * purchase, {@code ref} of the others). Events that are moves, not facts (stages, KAM, classification), have none.
 */
public record FactIdentity(UUID id, String idField, String ref, String refField) {

    private static final ObjectMapper JSON = ContractJson.newObjectMapper();

    /** The identity of {@code event} if it records a fact. */
    public static Optional<FactIdentity> of(AccountEvent event) {
        return event.accept(IDENTITIES);
    }

    /**
     * Whether {@code again} says what {@code first} said, the ids the service minted for each apart: the
     * same fact sent twice. Amounts compare by value ({@code 120} is {@code 120.00}); all else exactly,
     * but sealed personal data ({@code pd:v1:...}, docs/personal-data.md): sealed twice, the same name
     * differs (a random IV each time), and it cannot be opened here. It need not be: a sealed field sits in
     * an event whose id was minted (a contact's), and a minted id repeats only for a retry with the same
     * Idempotency-Key, whose body the web edge has already compared ({@code IdempotencyFilter}).
     */
    public static boolean sameFact(AccountEvent first, AccountEvent again) {
        if (first.getClass() != again.getClass()) {
            return false;
        }
        String idField = of(first).orElseThrow().idField();
        ObjectNode firstForm = JSON.valueToTree(first);
        ObjectNode againForm = JSON.valueToTree(again);
        firstForm.remove(idField);
        againForm.remove(idField);
        List.copyOf(firstForm.properties()).forEach(field -> {
            JsonNode other = againForm.get(field.getKey());
            if (sealed(field.getValue()) && other != null && sealed(other)) {
                firstForm.remove(field.getKey());
                againForm.remove(field.getKey());
            }
        });
        return firstForm.equals(BY_VALUE, againForm);
    }

    private static boolean sealed(JsonNode value) {
        return value.isTextual() && value.asText().startsWith(SEALED);
    }

    /** The prefix of sealed personal data (security module, {@code PersonalData.PREFIX}). */
    private static final String SEALED = "pd:v1:";

    /** Numbers by value, everything else as Jackson compares it. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private static final AccountEventVisitor<Optional<FactIdentity>> IDENTITIES = new Identities();

    private static final class Identities implements AccountEventVisitor<Optional<FactIdentity>> {

        @Override
        public Optional<FactIdentity> visit(AccountRegistered event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(PurchaseRecorded event) {
            return Optional.of(new FactIdentity(event.purchaseId(), "purchaseId", event.orderRef(), "orderRef"));
        }

        @Override
        public Optional<FactIdentity> visit(ReferralRecorded event) {
            return Optional.of(new FactIdentity(event.referralId(), "referralId", event.ref(), "ref"));
        }

        @Override
        public Optional<FactIdentity> visit(ComplaintOpened event) {
            return Optional.of(new FactIdentity(event.complaintId(), "complaintId", null, null));
        }

        @Override
        public Optional<FactIdentity> visit(ComplaintResolved event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(CoDevelopmentEngagementRecorded event) {
            return Optional.of(new FactIdentity(event.engagementId(), "engagementId", event.ref(), "ref"));
        }

        @Override
        public Optional<FactIdentity> visit(PartnershipAgreementRecorded event) {
            return Optional.of(new FactIdentity(event.agreementId(), "agreementId", event.ref(), "ref"));
        }

        @Override
        public Optional<FactIdentity> visit(ComplianceReviewRecorded event) {
            return Optional.of(new FactIdentity(event.reviewId(), "reviewId", event.ref(), "ref"));
        }

        @Override
        public Optional<FactIdentity> visit(LifecycleStageAdvanced event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(LifecycleStageDowngraded event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(AccountLapsed event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(AccountWonBack event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(ProspectDisqualified event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(ProspectRequalified event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(AccountClassified event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(KeyAccountDesignated event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(KamStageAdvanced event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(KeyAccountUncoupled event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(BondEstablished event) {
            return Optional.of(new FactIdentity(event.bondId(), "bondId", null, null));
        }

        @Override
        public Optional<FactIdentity> visit(BondDissolved event) {
            return Optional.empty(); // a move or a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(InteractionRecorded event) {
            return Optional.of(new FactIdentity(event.interactionId(), "interactionId", event.ref(), "ref"));
        }

        @Override
        public Optional<FactIdentity> visit(SatisfactionSurveyed event) {
            return Optional.of(new FactIdentity(event.surveyId(), "surveyId", event.ref(), "ref"));
        }
    
        @Override
        public Optional<FactIdentity> visit(ContactAdded event) {
            return Optional.of(new FactIdentity(event.contactId(), "contactId", null, null));
        }

        @Override
        public Optional<FactIdentity> visit(ContactRoleAssessed event) {
            return Optional.empty(); // a change of a contact, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(ContactLeft event) {
            return Optional.empty(); // a change of a contact, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(ContactErased event) {
            return Optional.empty(); // a change of a contact, not a fact; a second erasure is a no-op in Account
        }

        @Override
        public Optional<FactIdentity> visit(AccountOwnerAssigned event) {
            return Optional.empty(); // a change of the account, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(ValueComponentAssessed event) {
            return Optional.empty(); // a judgement that replaces the one before, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(WalletEstimated event) {
            return Optional.of(new FactIdentity(event.estimateId(), "estimateId", null, null));
        }

        @Override
        public Optional<FactIdentity> visit(RelationshipLevelAssessed event) {
            return Optional.empty(); // a judgement that replaces the one before, not a fact
        }

        @Override
        public Optional<FactIdentity> visit(ServiceActivityRecorded event) {
            return Optional.of(new FactIdentity(event.activityId(), "activityId", null, null));
        }

        @Override
        public Optional<FactIdentity> visit(ProfitabilityDecided event) {
            return Optional.empty(); // a decision that replaces the one before, not a fact
        }
    }
}
