package com.relationship.contracts.events;

import java.util.UUID;

/**
 * A contact's personal data was erased at their request (GDPR Art. 17): their data key is destroyed, so
 * the {@code name}, {@code title}, {@code email} and {@code phone} sealed in their {@link ContactAdded}
 * read {@code "[erased]"} everywhere from now on, in every replay too (crypto-shredding, decision 0015).
 * It carries no personal data: the ids and the administrator's {@code reason} (a ticket or a legal
 * ground, not the person's words). Nothing in the account's rules changes: the contact's role, influence
 * and departure stay as they were.
 */
public record ContactErased(UUID accountId, UUID contactId, String reason) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
