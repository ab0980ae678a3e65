package com.relationship.contracts.commands;

import com.relationship.contracts.account.ContactRole;

import java.util.UUID;

/** A contact's role and influence as the account team now sees them, with why (a champion turned sceptic). */
public record AssessContactRole(UUID accountId, UUID contactId, ContactRole role, int influence, String reason)
        implements AccountCommand {
}
