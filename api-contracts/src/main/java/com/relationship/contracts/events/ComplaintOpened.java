package com.relationship.contracts.events;

import java.time.Instant;
import java.util.UUID;

public record ComplaintOpened(UUID accountId, UUID complaintId, String summary, Instant dueBy)
        implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
