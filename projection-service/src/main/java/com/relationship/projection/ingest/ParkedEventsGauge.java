package com.relationship.projection.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@value ProjectionMetrics#PARKED} equal to the events parked in MongoDB, and
 * {@value ProjectionMetrics#STALE} equal to the accounts marked stale there (the most of any read model: each letters its own copy of a bad message): recounted after every
 * write that parks, releases or dead-letters events and every {@code projection.metrics.parked-refresh}. It counts
 * the read model, not this instance's memory, so it survives restarts and rebalances; every instance
 * reports the same value (take the max, not the sum, across instances).
 */
@Component
public class ParkedEventsGauge {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventsGauge.class);

    private final ReadModelListeners listeners;
    private final ProjectionMetrics metrics;

    public ParkedEventsGauge(ReadModelListeners listeners, ProjectionMetrics metrics) {
        this.listeners = listeners;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${projection.metrics.parked-refresh:30s}", initialDelayString = "5s")
    public void refresh() {
        try {
            long parked = 0;
            long stale = 0;
            for (ReadModelPipeline<?> pipeline : listeners.pipelines()) {
                parked += pipeline.store().countParked();
                stale = Math.max(stale, pipeline.store().countStale());
            }
            metrics.parked(parked);
            metrics.stale(stale);
        } catch (RuntimeException e) {
            // MongoDB down: readiness says so; keep the last value rather than fail the scheduler.
            log.debug("Cannot recount parked events: {}", e.toString());
        }
    }
}
