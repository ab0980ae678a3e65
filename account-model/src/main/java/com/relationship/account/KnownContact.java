package com.relationship.account;

import com.relationship.contracts.account.ContactRole;

import java.time.Instant;

/**
 * A contact of the account as its rules need them: no name, email or phone (the fold keeps no personal
 * data, so erasing a contact's data never changes what the rules decide; decision 0015).
 *
 * @param addedAt when the contact was added (its business time)
 * @param leftAt  when they left; null while they are with the account
 */
public record KnownContact(ContactRole role, int influence, Instant addedAt, Instant leftAt) {

    public boolean hasLeft() {
        return leftAt != null;
    }

    KnownContact assessed(ContactRole newRole, int newInfluence) {
        return new KnownContact(newRole, newInfluence, addedAt, leftAt);
    }

    KnownContact leftAt(Instant at) {
        return new KnownContact(role, influence, addedAt, at);
    }
}
