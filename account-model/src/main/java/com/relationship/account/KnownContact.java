package com.relationship.account;

import com.relationship.contracts.account.ContactRole;

import java.time.Instant;

/**
 * A contact of the account as its rules need them: no name, email or phone (the fold keeps no personal
 * data, so erasing a contact's data never changes what the rules decide; decision 0015).
 *
 * @param addedAt when the contact was added (its business time)
 * @param leftAt  when they left; null while they are with the account
 * @param erased  whether their personal data was erased ({@code ContactErased}): it changes no rule, it
 *                only makes a second erasure a repeat
 */
public record KnownContact(ContactRole role, int influence, Instant addedAt, Instant leftAt, boolean erased) {

    public KnownContact(ContactRole role, int influence, Instant addedAt, Instant leftAt) {
        this(role, influence, addedAt, leftAt, false);
    }

    public boolean hasLeft() {
        return leftAt != null;
    }

    KnownContact assessed(ContactRole newRole, int newInfluence) {
        return new KnownContact(newRole, newInfluence, addedAt, leftAt, erased);
    }

    KnownContact leftAt(Instant at) {
        return new KnownContact(role, influence, addedAt, at, erased);
    }

    KnownContact asErased() {
        return new KnownContact(role, influence, addedAt, leftAt, true);
    }
}
