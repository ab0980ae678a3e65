package com.relationship.projection.ingest;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The projection's meters (Prometheus names in brackets):
 * <ul>
 *     <li>{@value #APPLIED} {type} - events folded into the read model, by event class
 *     ({@code projection_events_applied_total})</li>
 *     <li>{@value #DUPLICATES} - redeliveries of events already applied or parked, skipped
 *     ({@code projection_events_duplicates_total})</li>
 *     <li>{@value #GAPS} - events that arrived ahead of a missing one and were parked
 *     ({@code projection_events_gaps_total})</li>
 *     <li>{@value #PARKED} - events parked now, across all accounts ({@code projection_events_parked})</li>
 *     <li>{@value #DEAD_LETTERED} {reason} - unreadable messages sent to the dead-letter topic
 *     ({@code projection_events_dead_lettered_total})</li>
 *     <li>{@value #CONFLICTS} - compare-and-set writes that lost to another writer and were retried
 *     ({@code projection_store_conflicts_total})</li>
 *     <li>{@value #PUBLISHED} - statuses acknowledged by the status topic
 *     ({@code projection_status_published_total})</li>
 * </ul>
 * Consumer lag is Spring Kafka's Micrometer consumer metrics ({@code kafka_consumer_fetch_manager_records_lag}).
 */
@Component
public class ProjectionMetrics {

    public static final String APPLIED = "projection.events.applied";
    public static final String DUPLICATES = "projection.events.duplicates";
    public static final String GAPS = "projection.events.gaps";
    public static final String PARKED = "projection.events.parked";
    public static final String DEAD_LETTERED = "projection.events.dead.lettered";
    public static final String CONFLICTS = "projection.store.conflicts";
    public static final String PUBLISHED = "projection.status.published";

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter gaps;
    private final Counter conflicts;
    private final Counter published;
    private final AtomicLong parked = new AtomicLong();

    public ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder(DUPLICATES).description("Redelivered events skipped").register(registry);
        this.gaps = Counter.builder(GAPS).description("Events that arrived ahead of a missing one").register(registry);
        this.conflicts = Counter.builder(CONFLICTS).description("Read-model writes retried after a concurrent write")
                .register(registry);
        this.published = Counter.builder(PUBLISHED).description("Statuses acknowledged by the status topic")
                .register(registry);
        Gauge.builder(PARKED, parked, AtomicLong::get).description("Events parked until a gap closes")
                .register(registry);
    }

    public void applied(EnvelopedAccountEvent event) {
        Counter.builder(APPLIED).description("Events folded into the account status read model")
                .tag("type", event.event().getClass().getSimpleName()).register(registry).increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void gap() {
        gaps.increment();
    }

    public void conflict() {
        conflicts.increment();
    }

    public void published() {
        published.increment();
    }

    public void deadLettered(Throwable reason) {
        Counter.builder(DEAD_LETTERED).description("Unreadable messages sent to the dead-letter topic")
                .tag("reason", reason.getClass().getSimpleName()).register(registry).increment();
    }

    public void parked(long count) {
        parked.set(count);
    }
}
