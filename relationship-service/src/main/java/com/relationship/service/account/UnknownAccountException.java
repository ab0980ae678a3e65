package com.relationship.service.account;

import java.util.UUID;

/** A read of an account that was never registered. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(UUID accountId) {
        super("No account " + accountId + " is registered: check the id, or register it with POST /api/v1/accounts.");
    }
}
