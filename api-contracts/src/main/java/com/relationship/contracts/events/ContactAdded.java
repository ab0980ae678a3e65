package com.relationship.contracts.events;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;

import java.util.UUID;

/**
 * A person of the account joined its buying committee, with the part they play and their influence on
 * a purchase (1 to 5). {@code name}, {@code title}, {@code email} and {@code phone} are the contact's
 * personal data and nothing else is: relationship-service seals each under the contact's own key before
 * it is stored, so the store and the topic carry {@code pd:v1:<contactId>:<base64url>} (AES-256-GCM), not
 * the plaintext, and destroying the key erases them ({@link ContactErased}; docs/personal-data.md). They
 * are still strings, so the form and its revision are unchanged; events stored before the sealing carry
 * plaintext. {@code email}, {@code phone} and {@code preferredChannel} are optional.
 */
public record ContactAdded(UUID accountId, UUID contactId, String name, String title, String email, String phone,
                           ContactRole role, int influence, InteractionChannel preferredChannel)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
