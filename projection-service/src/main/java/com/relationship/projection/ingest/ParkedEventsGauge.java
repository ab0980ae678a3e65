package com.relationship.projection.ingest;

import com.relationship.projection.status.AccountStatusStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@value ProjectionMetrics#PARKED} equal to the events parked in MongoDB, and
 * {@value ProjectionMetrics#STALE} equal to the accounts marked stale there: recounted after every
 * write that parks, releases or dead-letters events and every {@code projection.metrics.parked-refresh}. It counts
 * the read model, not this instance's memory, so it survives restarts and rebalances; every instance
 * reports the same value (take the max, not the sum, across instances).
 */
@Component
public class ParkedEventsGauge {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventsGauge.class);

    private final AccountStatusStore store;
    private final ProjectionMetrics metrics;

    public ParkedEventsGauge(AccountStatusStore store, ProjectionMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${projection.metrics.parked-refresh:30s}", initialDelayString = "5s")
    public void refresh() {
        try {
            metrics.parked(store.countParked());
            metrics.stale(store.countStale());
        } catch (RuntimeException e) {
            // MongoDB down: readiness says so; keep the last value rather than fail the scheduler.
            log.debug("Cannot recount parked events: {}", e.toString());
        }
    }
}
