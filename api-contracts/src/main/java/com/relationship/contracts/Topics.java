package com.relationship.contracts;

/** Kafka topics other teams subscribe to. The suffix is the contract's major version. */
public final class Topics {

    /** Every stored account event, in order per account: key = account id, value = CloudEvent JSON. */
    public static final String ACCOUNT_EVENTS = "relationship.account-events.v1";

    /** Compacted; the latest {@code AccountStatus} per account: key = account id, value = JSON. */
    public static final String ACCOUNT_STATUS = "relationship.account-status.v1";

    private Topics() {
    }
}
