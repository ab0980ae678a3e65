package com.relationship.contracts.events;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;

import java.util.UUID;

/**
 * A person of the account joined its buying committee, with the part they play and their influence on
 * a purchase (1 to 5). {@code name}, {@code title}, {@code email} and {@code phone} are the contact's
 * personal data and nothing else is: a later revision stores them encrypted under the contact's own key
 * so that they can be erased (decision 0015). {@code email}, {@code phone} and {@code preferredChannel}
 * are optional.
 */
public record ContactAdded(UUID accountId, UUID contactId, String name, String title, String email, String phone,
                           ContactRole role, int influence, InteractionChannel preferredChannel)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
