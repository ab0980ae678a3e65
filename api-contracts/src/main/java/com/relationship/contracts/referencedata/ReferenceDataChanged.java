package com.relationship.contracts.referencedata;

import java.time.Instant;

/**
 * A new version of reference data that is no account's: an admin set it, relationship-service kept it
 * and publishes it on {@link com.relationship.contracts.Topics#REFERENCE_DATA} inside a CloudEvent
 * ({@link ReferenceDataCodec}), keyed by {@link #key()}. Every money figure a read model works out from
 * it names the key and version it used, so a report can say which rates it applied.
 */
public sealed interface ReferenceDataChanged permits ExchangeRatesSet, ActivityRatesSet {

    /** What it is the data of, such as {@code exchange-rates:2026-01}: the topic's key; versions replace each other. */
    String key();

    /** 1 for the first version of the key, one more for each change. */
    long version();

    /** The currency every amount in it is in, or converts into: the reporting currency when it was set. */
    String reportingCurrency();

    /** Why the admin set it. */
    String reason();

    /** The subject of the admin's token. */
    String actor();

    /** When it was set. */
    Instant at();

    /** The CloudEvent type (the data's public name and major revision). */
    String schema();
}
