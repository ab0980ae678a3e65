package com.relationship.projection.readmodel;

import java.util.UUID;

/** No view of the account in a read model: unknown id, or its first event is not projected yet. */
public class AccountNotFoundException extends RuntimeException {

    private final UUID accountId;

    public AccountNotFoundException(UUID accountId) {
        super("No account status for account " + accountId);
        this.accountId = accountId;
    }

    public UUID accountId() {
        return accountId;
    }
}
