package com.relationship.contracts.events;

import java.util.UUID;

/**
 * {@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the same
 * ref is recorded once (sent again with the same content it answers the first answer; with other content it is
 * refused).
 */
public record ReferralRecorded(UUID accountId, UUID referralId, String description, String referredCompany,
                               String ref) implements AccountEvent {

    /** Without {@code ref}. */
    public ReferralRecorded(UUID accountId, UUID referralId, String description, String referredCompany) {
        this(accountId, referralId, description, referredCompany, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
