package com.relationship.projection.status;

import java.util.UUID;

/** No status for the account: unknown id, or its first event is not projected yet. */
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
