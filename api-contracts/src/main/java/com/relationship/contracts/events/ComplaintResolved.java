package com.relationship.contracts.events;

import java.util.UUID;

public record ComplaintResolved(UUID accountId, UUID complaintId, String resolution) implements AccountEvent {

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
