package com.relationship.contracts.events;

import com.relationship.contracts.account.ContactRole;

import java.util.UUID;

/** A contact's role and influence assessed again, with the reason (free text: decision 0015). */
public record ContactRoleAssessed(UUID accountId, UUID contactId, ContactRole role, int influence, String reason)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
