package com.relationship.contracts.commands;

import java.util.UUID;

/** Records a referral or positive reference given by the account; evidence for SUPPORTER. */
public record RecordReferral(UUID accountId, UUID referralId, String description, String referredCompany)
        implements AccountCommand {
}
