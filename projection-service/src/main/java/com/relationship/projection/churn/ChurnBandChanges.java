package com.relationship.projection.churn;

/**
 * Where a change of churn band goes (the wiring publishes it to {@code relationship.churn-risk.v1}).
 * Called inside the Kafka transaction of the record or of the pass over time.
 */
public interface ChurnBandChanges {

    /**
     * The band changed.
     *
     * @param before the view before; null for the account's first score (its first band is published)
     */
    void bandChanged(ChurnView before, ChurnView after);

    /** A redelivered event found its view stored: publish the stored band again (compaction keeps the latest). */
    void republish(ChurnView stored);
}
