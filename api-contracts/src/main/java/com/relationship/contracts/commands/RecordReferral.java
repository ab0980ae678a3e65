package com.relationship.contracts.commands;

import java.util.UUID;

/**
 * Records a referral or positive reference given by the account; evidence for SUPPORTER.
 * <p>{@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the
 * same ref is recorded once (sent again with the same content it answers the first answer; with other content it
 * is refused).
 */
public record RecordReferral(UUID accountId, UUID referralId, String description, String referredCompany,
                             String ref) implements AccountCommand {

    /** Without {@code ref}. */
    public RecordReferral(UUID accountId, UUID referralId, String description, String referredCompany) {
        this(accountId, referralId, description, referredCompany, null);
    }
}
