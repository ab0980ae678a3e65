package com.relationship.contracts.events;

import java.util.UUID;

/**
 * A contact left the account, at the event's business time (its metadata's {@code occurredAt}), with the
 * reason (free text: decision 0015). The SOCIAL bonds with them dissolve in the same step, each its own
 * {@link BondDissolved} naming this contact.
 */
public record ContactLeft(UUID accountId, UUID contactId, String reason) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
