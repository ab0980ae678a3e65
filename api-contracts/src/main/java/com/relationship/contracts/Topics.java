package com.relationship.contracts;

/** Kafka topics other teams subscribe to. The suffix is the contract's major version. */
public final class Topics {

    /** Every stored account event, in order per account: key = account id, value = CloudEvent JSON. */
    public static final String ACCOUNT_EVENTS = "relationship.account-events.v1";

    /** Compacted; the latest {@code AccountStatus} per account: key = account id, value = JSON. */
    public static final String ACCOUNT_STATUS = "relationship.account-status.v1";

    /**
     * Compacted; the latest change of churn band per account ({@code ChurnRiskChanged}, with its
     * score, factors and cause): key = account id, value = CloudEvent JSON.
     */
    public static final String CHURN_RISK = "relationship.churn-risk.v1";

    /**
     * Compacted; the latest change of value tier per account ({@code AccountValueTierChanged}, with its
     * score, rank and cause): key = account id, value = CloudEvent JSON.
     */
    public static final String ACCOUNT_VALUE = "relationship.account-value.v1";

    /**
     * Compacted; the latest version of each piece of reference data that is no account's (the exchange
     * rates of a month, the activity rate card from a month on): key = its key, such as
     * {@code exchange-rates:2026-01}, value = CloudEvent JSON ({@code ReferenceDataChanged}).
     */
    public static final String REFERENCE_DATA = "relationship.reference-data.v1";

    /**
     * Partitions of every topic, wherever topics are created (local stack, compose, Kubernetes). An
     * account's events stay in order because its key maps to one partition, which depends on the
     * count: it is fixed when a topic is created.
     */
    public static final int PARTITIONS = 24;

    private Topics() {
    }
}
