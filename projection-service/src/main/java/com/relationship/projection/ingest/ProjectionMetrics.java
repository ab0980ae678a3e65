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
 *     <li>{@value #APPLIED} {readModel, type} - events folded into each read model, by event class
 *     ({@code projection_events_applied_total})</li>
 *     <li>{@value #DUPLICATES} {readModel} - redeliveries of events already applied or parked, skipped
 *     ({@code projection_events_duplicates_total})</li>
 *     <li>{@value #GAPS} {readModel} - events that arrived ahead of a missing one and were parked
 *     ({@code projection_events_gaps_total})</li>
 *     <li>{@value #PARKED} - events parked now, across all accounts ({@code projection_events_parked})</li>
 *     <li>{@value #DEAD_LETTERED} {readModel, reason} - unreadable messages (each read model letters its own copy) sent to the dead-letter topic
 *     ({@code projection_events_dead_lettered_total})</li>
 *     <li>{@value #CONFLICTS} - compare-and-set writes that lost to another writer and were retried
 *     ({@code projection_store_conflicts_total})</li>
 *     <li>{@value #PUBLISHED} - statuses acknowledged by the status topic
 *     ({@code projection_status_published_total})</li>
 *     <li>{@value #INCONSISTENT} - a different event (another id) at a sequence already seen: dead-lettered,
 *     never skipped as a duplicate ({@code projection_events_inconsistent_total})</li>
 *     <li>{@value #STALE} - accounts with dead-lettered events not yet re-driven ({@code projection_accounts_stale})</li>
 *     <li>{@value #REPAIRS} - compare-and-set writes that lost although nobody else wrote (the store's index was
 *     out of step) and were written after repairing it ({@code projection_store_repairs_total})</li>
 *     <li>{@value #STUCK} - writes the store refused even after the repair; the event is retried and the
 *     account shows in the {@code projection} health component ({@code projection_store_stuck_writes_total})</li>
 *     <li>{@value #REDRIVEN} {outcome} - dead letters re-driven ({@code projection_dead_letters_redriven_total})</li>
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
    public static final String INCONSISTENT = "projection.events.inconsistent";
    public static final String STALE = "projection.accounts.stale";
    public static final String REPAIRS = "projection.store.repairs";
    public static final String STUCK = "projection.store.stuck.writes";
    public static final String REDRIVEN = "projection.dead.letters.redriven";

    private final MeterRegistry registry;
    private final Counter conflicts;
    private final Counter published;
    private final Counter inconsistent;
    private final Counter repairs;
    private final Counter stuck;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();

    public ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.conflicts = Counter.builder(CONFLICTS).description("Read-model writes retried after a concurrent write")
                .register(registry);
        this.published = Counter.builder(PUBLISHED).description("Statuses acknowledged by the status topic")
                .register(registry);
        Gauge.builder(PARKED, parked, AtomicLong::get).description("Events parked until a gap closes")
                .register(registry);
        this.inconsistent = Counter.builder(INCONSISTENT)
                .description("Different events (another id) at a sequence already seen").register(registry);
        this.repairs = Counter.builder(REPAIRS)
                .description("Writes that lost to nobody and were written after repairing the store's index")
                .register(registry);
        this.stuck = Counter.builder(STUCK).description("Writes the store refused although nobody else wrote")
                .register(registry);
        Gauge.builder(STALE, stale, AtomicLong::get).description("Accounts with dead-lettered events not re-driven")
                .register(registry);
    }

    public void inconsistent() {
        inconsistent.increment();
    }

    public void repaired() {
        repairs.increment();
    }

    public void stuck() {
        stuck.increment();
    }

    public void stale(long count) {
        stale.set(count);
    }

    public long stale() {
        return stale.get();
    }

    public void redriven(String outcome) {
        Counter.builder(REDRIVEN).description("Dead letters re-driven, by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    public void applied(String readModel, EnvelopedAccountEvent event) {
        Counter.builder(APPLIED).description("Events folded into a read model, by read model and event class")
                .tag("readModel", readModel).tag("type", event.event().getClass().getSimpleName())
                .register(registry).increment();
    }

    public void duplicate(String readModel) {
        Counter.builder(DUPLICATES).description("Redelivered events skipped, by read model").tag("readModel", readModel)
                .register(registry).increment();
    }

    public void gap(String readModel) {
        Counter.builder(GAPS).description("Events that arrived ahead of a missing one, by read model")
                .tag("readModel", readModel).register(registry).increment();
    }

    public void conflict() {
        conflicts.increment();
    }

    public void published() {
        published.increment();
    }

    public void deadLettered(String readModel, Throwable reason) {
        Counter.builder(DEAD_LETTERED).description("Unreadable messages sent to the dead-letter topic, by read model")
                .tag("readModel", readModel).tag("reason", reason.getClass().getSimpleName()).register(registry).increment();
    }

    public void parked(long count) {
        parked.set(count);
    }
}
