package com.relationship.service.account;

import java.util.UUID;

/**
 * The command was conditional on a version of the account ({@code If-Match}) that is no longer
 * its current one: someone else changed it since the caller read it. Nothing was stored.
 */
public class StaleAccountVersion extends RuntimeException {

    private final transient UUID accountId;
    private final long expectedVersion;
    private final long currentVersion;

    public StaleAccountVersion(UUID accountId, long expectedVersion, long currentVersion) {
        super("Account " + accountId + " is at version " + currentVersion + ", not " + expectedVersion
                + ": it changed since you read it. Read it again (GET /api/v1/accounts/" + accountId
                + "), decide again, and send the command with If-Match: \"" + currentVersion + "\".");
        this.accountId = accountId;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public UUID accountId() {
        return accountId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
