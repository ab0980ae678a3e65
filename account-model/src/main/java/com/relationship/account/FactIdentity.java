package com.relationship.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.events.*;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * How a fact is known: the id the service minted for it ({@code purchaseId}, ...), the name of that
 * id's field, and the seller's own reference where it has one ({@code orderRef} of a purchase,
 * {@code ref} of the others). Events that are moves, not facts (stages, KAM, classification), have none.
 */
public record FactIdentity(UUID id, String idField, String ref) {

    private static final ObjectMapper JSON = ContractJson.newObjectMapper();

    /** The identity of {@code event} if it records a fact. */
    public static Optional<FactIdentity> of(AccountEvent event) {
        if (event instanceof PurchaseRecorded e) {
            return Optional.of(new FactIdentity(e.purchaseId(), "purchaseId", e.orderRef()));
        } else if (event instanceof ReferralRecorded e) {
            return Optional.of(new FactIdentity(e.referralId(), "referralId", e.ref()));
        } else if (event instanceof ComplaintOpened e) {
            return Optional.of(new FactIdentity(e.complaintId(), "complaintId", null));
        } else if (event instanceof CoDevelopmentEngagementRecorded e) {
            return Optional.of(new FactIdentity(e.engagementId(), "engagementId", e.ref()));
        } else if (event instanceof PartnershipAgreementRecorded e) {
            return Optional.of(new FactIdentity(e.agreementId(), "agreementId", e.ref()));
        } else if (event instanceof ComplianceReviewRecorded e) {
            return Optional.of(new FactIdentity(e.reviewId(), "reviewId", e.ref()));
        } else if (event instanceof BondEstablished e) {
            return Optional.of(new FactIdentity(e.bondId(), "bondId", null));
        } else if (event instanceof InteractionRecorded e) {
            return Optional.of(new FactIdentity(e.interactionId(), "interactionId", e.ref()));
        } else if (event instanceof SatisfactionSurveyed e) {
            return Optional.of(new FactIdentity(e.surveyId(), "surveyId", e.ref()));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code again} says what {@code first} said, the ids the service minted for each apart: the
     * same fact sent twice. Amounts compare by value ({@code 120} is {@code 120.00}); all else exactly.
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
        return firstForm.equals(BY_VALUE, againForm);
    }

    /** Numbers by value, everything else as Jackson compares it. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };
}
