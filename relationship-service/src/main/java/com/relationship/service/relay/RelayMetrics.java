package com.relationship.service.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the relay is behind the event store.
 * <ul>
 *   <li>{@code relationship.relay.events}: events Kafka acknowledged;</li>
 *   <li>{@code relationship.relay.failed.batches}: batches Kafka did not acknowledge, to be sent again;</li>
 *   <li>{@code relationship.relay.lag.seconds}: 0 when every segment has caught up, else the age
 *       of the newest event acknowledged (how stale the topic is);</li>
 *   <li>{@code relationship.relay.lag.events}: events this instance stored and the relay has not
 *       yet acknowledged since it started. The Mongo event store has no global sequence, so a
 *       backlog older than the process is visible in the seconds gauge, not in this one.</li>
 * </ul>
 */
@Component
public class RelayMetrics {

    private final Counter relayed;
    private final Counter failedBatches;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Instant> newestAcknowledged = new AtomicReference<>();
    private final EventProcessingConfiguration processing;
    private final Clock clock = Clock.systemUTC();

    public RelayMetrics(MeterRegistry meters, @Lazy EventProcessingConfiguration processing) {
        this.processing = processing;
        this.relayed = Counter.builder("relationship.relay.events")
                .description("Events published to Kafka and acknowledged").register(meters);
        this.failedBatches = Counter.builder("relationship.relay.failed.batches")
                .description("Relay batches Kafka did not acknowledge; each is sent again").register(meters);
        Gauge.builder("relationship.relay.lag.seconds", this, RelayMetrics::lagSeconds)
                .description("Age of the newest relayed event while the relay is behind; 0 when caught up")
                .baseUnit("seconds").register(meters);
        Gauge.builder("relationship.relay.lag.events", this,
                        metrics -> Math.max(0, metrics.stored.get() - metrics.acknowledged.get()))
                .description("Events stored by this instance and not yet acknowledged by Kafka").register(meters);
    }

    void relayed(Instant eventTimestamp) {
        relayed.increment();
        acknowledged.incrementAndGet();
        newestAcknowledged.accumulateAndGet(eventTimestamp,
                (current, candidate) -> current == null || candidate.isAfter(current) ? candidate : current);
    }

    void batchFailed() {
        failedBatches.increment();
    }

    /** Called for every event this instance stores. */
    public void stored() {
        stored.incrementAndGet();
    }

    double lagSeconds() {
        if (caughtUp()) {
            return 0;
        }
        Instant newest = newestAcknowledged.get();
        return newest == null ? 0 : Math.max(0, (clock.millis() - newest.toEpochMilli()) / 1000.0);
    }

    private boolean caughtUp() {
        return processing.eventProcessor(KafkaRelay.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .map(Map::values)
                .map(statuses -> !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp))
                .orElse(false);
    }
}
