package com.relationship.projection.ingest;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.readmodel.AppliedEventLedger;
import com.relationship.projection.readmodel.DeadLetterMark;
import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.EventOrdering.Kind;
import com.relationship.projection.readmodel.EventOrdering.Outcome;
import com.relationship.projection.readmodel.ProjectionState;
import com.relationship.projection.readmodel.ReadModel;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.projection.readmodel.ReadModelStore.PendingWrite;
import com.relationship.projection.readmodel.ReadModelStore.Versioned;
import com.relationship.projection.readmodel.ReadModelStore.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one pipeline every read model runs in (issue 8): an event into one read model. Check its id
 * against the ledger, load the account's document, decide with the pure {@link EventOrdering} and
 * the model's fold, write with compare-and-set (reload and decide again if another instance wrote
 * in between), then let the model publish the change ({@link ReadModel#stored}) inside the record's
 * Kafka transaction. Each read model has a pipeline, a listener container and a consumer group of
 * its own ({@link ReadModelListeners}), so one can be rebuilt or rewound alone and a stuck one never
 * stalls the others.
 * <p>
 * A redelivered event lets the model publish the stored view again ({@link ReadModel#republish}): if
 * the previous delivery wrote MongoDB but died before Kafka acknowledged the publish, the
 * redelivery is what gets it published.
 * <p>
 * A different event at a sequence already seen is not a redelivery: it throws
 * {@link ConflictingEventException}, which dead-letters it. A write the store keeps refusing although
 * nobody else writes the account is counted, shown in the {@code projection} health component and
 * retried (see {@link ReadModelStore#compareAndSet}); it never spins silently.
 */
public class ReadModelPipeline<V> {

    private static final Logger log = LoggerFactory.getLogger(ReadModelPipeline.class);

    private final ReadModel<V> model;
    private final EventOrdering<V> ordering;
    private final ReadModelStore<V> store;
    private final AppliedEventLedger ledger;
    private final ProjectionMetrics metrics;
    private final ProjectionAlerts alerts;
    private final Runnable countsChanged;
    private final int maxAttempts;
    private final EventTraces traces;
    /**
     * Every write of this instance to the read model's collection holds it shared; a rebuild's swap
     * holds it alone ({@link #pauseWrites}), so no read-then-compare-and-set spans the moment the
     * collection under the name changes.
     */
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();

    /** Writes paused until closed. */
    public interface Paused extends AutoCloseable {
        @Override
        void close();
    }

    /** @param countsChanged called when parked events or dead letters were added or removed (the gauges recount) */
    public ReadModelPipeline(ReadModel<V> model, ReadModelStore<V> store, AppliedEventLedger ledger,
                             ProjectionMetrics metrics, ProjectionAlerts alerts, Runnable countsChanged,
                             int maxAttempts) {
        this(model, store, ledger, metrics, alerts, countsChanged, maxAttempts, EventTraces.NONE);
    }

    /** @param traces continues each event's trace for what this read model does with it and publishes */
    public ReadModelPipeline(ReadModel<V> model, ReadModelStore<V> store, AppliedEventLedger ledger,
                             ProjectionMetrics metrics, ProjectionAlerts alerts, Runnable countsChanged,
                             int maxAttempts, EventTraces traces) {
        this.traces = traces;
        this.model = model;
        this.ordering = new EventOrdering<>(model);
        this.store = store;
        this.ledger = ledger;
        this.metrics = metrics;
        this.alerts = alerts;
        this.countsChanged = countsChanged;
        this.maxAttempts = maxAttempts;
    }

    public ReadModel<V> model() {
        return model;
    }

    public ReadModelStore<V> store() {
        return store;
    }

    public String name() {
        return model.name();
    }

    public Kind ingest(EnvelopedAccountEvent event) {
        return ingest(event, null);
    }

    /**
     * @param redrivenFrom the dead letter this event is re-driven from ({@link DeadLetterMark#source()}):
     *                     once the event is applied (or found applied), the account's mark for it goes
     *                     in the same write; null for a live event
     */
    public Kind ingest(EnvelopedAccountEvent event, String redrivenFrom) {
        try (EventTraces.Scope traced = traces.continueFor(event, model.name())) {
            return writing(() -> ingestNow(event, redrivenFrom));
        }
    }

    /**
     * Waits for the writes under way (the listener's batch, a pass over time, a re-drive) and holds
     * every later one of this instance until closed: for a rebuild's swap, which changes the collection
     * under the read model's name.
     */
    public Paused pauseWrites() {
        writes.writeLock().lock();
        return writes.writeLock()::unlock;
    }

    private <T> T writing(Supplier<T> write) {
        writes.readLock().lock();
        try {
            return write.get();
        } finally {
            writes.readLock().unlock();
        }
    }

    private Kind ingestNow(EnvelopedAccountEvent event, String redrivenFrom) {
        Optional<String> other = ledger.claim(event.accountId(), event.sequence(), event.eventId());
        if (other.isPresent()) {
            String description = "account " + event.accountId() + ": event " + event.eventId() + " (" + event.type()
                    + ") claims sequence " + event.sequence() + ", which event " + other.get() + " already holds";
            metrics.inconsistent();
            alerts.inconsistency(model.name() + ": " + description);
            log.error("Inconsistent event stream in {}: {}; dead-lettering it instead of skipping it as a duplicate",
                    model.name(), description);
            throw new ConflictingEventException("Inconsistent event stream: " + description);
        }
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Versioned<V> current = load(event.accountId());
            Outcome<V> outcome = ordering.handle(current.state(), event);
            ProjectionState<V> next = redrivenFrom == null ? outcome.state() : outcome.state().withoutDeadLetter(redrivenFrom);
            if (outcome.kind() == Kind.DUPLICATE && next.equals(current.state())) {
                metrics.duplicate(model.name());
                log.info("{}: skipped duplicate {} of account {} (sequence {}, already applied up to {})", model.name(),
                        event.type(), event.accountId(), event.sequence(), current.state().lastAppliedSequence());
                republish(current.state());
                return outcome.kind();
            }
            if (!write(event.accountId(), event.sequence(), current, next, attempt)) {
                continue;
            }
            afterWrite(event, current.state(), outcome, next);
            return outcome.kind();
        }
        throw new ConcurrentProjectionUpdateException(model.name() + ": account " + event.accountId() + " kept changing under "
                + maxAttempts + " attempts to apply sequence " + event.sequence() + "; the event will be retried");
    }

    /**
     * A poll's events the quick way, when they are the common case: each account's events of the batch
     * folded together, its document read once and written once, all accounts in one query and one bulk
     * write, the ledger in at most three round trips, and one publish per account of its view after the batch
     * (the change topics carry an account's latest view, so the views between are not missed). Three
     * read models doing all that per event folded ~200 events/s each on the local stack (issue 10).
     * <p>
     * Nothing is written, and false returned, when the batch is not the common case: an event claims a
     * sequence another event holds, one is ahead of a gap or closes one. Nor is it all written when a
     * write loses to another instance. The caller then ingests the batch event by event, which has the
     * rules for those cases; what this wrote is then recognised as applied.
     */
    public boolean ingestBatch(List<EnvelopedAccountEvent> events) {
        return writing(() -> ingestBatchNow(events));
    }

    private boolean ingestBatchNow(List<EnvelopedAccountEvent> events) {
        if (!ledger.claimAll(events)) {
            return false;
        }
        Map<UUID, List<EnvelopedAccountEvent>> byAccount = new LinkedHashMap<>();
        events.forEach(event -> byAccount.computeIfAbsent(event.accountId(), id -> new ArrayList<>()).add(event));
        Map<UUID, Versioned<V>> stored = store.loadAll(byAccount.keySet());
        List<PendingWrite<V>> writes = new ArrayList<>();
        List<Runnable> afterWrites = new ArrayList<>();
        for (Map.Entry<UUID, List<EnvelopedAccountEvent>> account : byAccount.entrySet()) {
            Versioned<V> current = stored.getOrDefault(account.getKey(), absent());
            ProjectionState<V> next = current.state();
            List<EnvelopedAccountEvent> applied = new ArrayList<>();
            int duplicates = 0;
            for (EnvelopedAccountEvent event : account.getValue()) {
                Outcome<V> outcome = ordering.handle(next, event);
                if (outcome.kind() == Kind.PARKED || outcome.applied().size() > 1) {
                    return false;
                }
                duplicates += outcome.kind() == Kind.DUPLICATE ? 1 : 0;
                applied.addAll(outcome.applied());
                next = outcome.state();
            }
            if (!applied.isEmpty()) {
                writes.add(new PendingWrite<>(account.getKey(), current.version(), next));
            }
            ProjectionState<V> after = next;
            int skipped = duplicates;
            // What is published for the account goes on in the trace of its latest event in the batch.
            EnvelopedAccountEvent latest = account.getValue().get(account.getValue().size() - 1);
            afterWrites.add(() -> {
                try (EventTraces.Scope traced = traces.continueFor(latest, model.name())) {
                    afterBatchWrite(account.getKey(), skipped, applied, current, after);
                }
            });
        }
        if (!store.compareAndSetAll(writes)) {
            metrics.conflict();
            log.info("{}: a write of a batch of {} events over {} accounts lost (another instance wrote, or the store "
                    + "refused); applying the batch event by event", model.name(), events.size(), byAccount.size());
            return false;
        }
        afterWrites.forEach(Runnable::run);
        return true;
    }

    /** After a batch's bulk write: counts, alerts and the publication of one account's view. */
    private void afterBatchWrite(UUID accountId, int skipped, List<EnvelopedAccountEvent> applied,
                                 Versioned<V> current, ProjectionState<V> after) {
        for (int i = 0; i < skipped; i++) {
            metrics.duplicate(model.name());
        }
        if (applied.isEmpty()) {
            log.info("{}: skipped {} duplicate(s) of account {} (already applied up to {})", model.name(),
                    skipped, accountId, current.state().lastAppliedSequence());
            republish(current.state());
            return;
        }
        applied.forEach(event -> metrics.applied(model.name(), event));
        alerts.written(accountId);
        stored(current.state(), after);
    }

    /**
     * Moves the account's view to {@code now} ({@link ReadModel#advance}) and stores it with its next
     * change time and the model's fingerprint; if the view changed, the model publishes it as for an
     * event. Called for the accounts {@link ReadModelStore#due} names only.
     *
     * @return true if the view changed
     */
    public boolean advance(UUID accountId, Instant now) {
        return writing(() -> advanceNow(accountId, now));
    }

    private boolean advanceNow(UUID accountId, Instant now) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Optional<Versioned<V>> stored = store.load(accountId);
            if (stored.isEmpty() || stored.get().state().view() == null) {
                return false;
            }
            Versioned<V> current = stored.get();
            V before = current.state().view();
            V after = model.advance(before, now);
            ProjectionState<V> next = current.state().withView(after);
            // Written even when the view did not move: the document's nextChangeAt and fingerprint do.
            if (write(accountId, current.state().lastAppliedSequence(), current, next, attempt)) {
                if (!Objects.equals(before, after)) {
                    model.stored(store.documents().visibleViewOf(current.state()), store.documents().visibleViewOf(next));
                    return true;
                }
                return false;
            }
        }
        throw new ConcurrentProjectionUpdateException(model.name() + ": account " + accountId + " kept changing under "
                + maxAttempts + " attempts to move it in time; the next pass tries again");
    }

    /**
     * Records a dead letter of the account (its view turns stale) and publishes the stale view.
     * Idempotent: a letter already recorded from the same source is replaced.
     */
    public void markStale(UUID accountId, DeadLetterMark mark) {
        writing(() -> {
            update(accountId, mark.sequence() == null ? -1 : mark.sequence(), state -> state.withDeadLetter(mark));
            return null;
        });
        log.warn("{}: account {} is stale: {}", model.name(), accountId, mark.describe());
    }

    /** Publishes the account's stored view again (after a re-drive, so it is the topic's latest value). */
    public void publishStored(UUID accountId) {
        store.load(accountId).ifPresent(stored -> republish(stored.state()));
    }

    private Versioned<V> load(UUID accountId) {
        return store.load(accountId).orElse(absent());
    }

    /** What an account without a document is read as: nothing applied, version 0. */
    private Versioned<V> absent() {
        return new Versioned<>(ProjectionState.empty(), 0);
    }

    /** Writes {@code change} of the account's state with compare-and-set, retried on conflicts; publishes it. */
    private void update(UUID accountId, long sequence, UnaryOperator<ProjectionState<V>> change) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Versioned<V> current = load(accountId);
            ProjectionState<V> next = change.apply(current.state());
            if (next.equals(current.state())) {
                return;
            }
            if (write(accountId, sequence, current, next, attempt)) {
                countsChanged.run();
                stored(current.state(), next);
                return;
            }
        }
        throw new ConcurrentProjectionUpdateException(model.name() + ": account " + accountId + " kept changing under "
                + maxAttempts + " attempts to record a dead letter; it will be retried");
    }

    /** @return true if written, false on a conflict (reload and decide again) */
    private boolean write(UUID accountId, long sequence, Versioned<V> current, ProjectionState<V> next, int attempt) {
        WriteResult result = store.compareAndSet(accountId, current.version(), next);
        switch (result) {
            case WRITTEN -> alerts.written(accountId);
            case WRITTEN_AFTER_REPAIR -> {
                metrics.repaired();
                alerts.repaired();
                alerts.written(accountId);
                log.error("{}: account {}: sequence {} written after repairing the store's compare-and-set index "
                        + "(it had lost although nobody else wrote the account)", model.name(), accountId, sequence);
            }
            case CONFLICT -> {
                metrics.conflict();
                log.info("{}: account {} was written concurrently (version {}); reloading, attempt {} of {}",
                        model.name(), accountId, current.version(), attempt, maxAttempts);
                return false;
            }
            case STUCK -> {
                metrics.stuck();
                alerts.stuck(accountId, sequence);
                throw new StuckWriteException(model.name() + ": the store refused the write of account " + accountId
                        + " at version " + current.version() + " (sequence " + sequence + ") although nobody else "
                        + "writes it, even after rebuilding its index; retrying. See the projection health component");
            }
            default -> throw new IllegalStateException("Unknown write result " + result);
        }
        return true;
    }

    private void afterWrite(EnvelopedAccountEvent event, ProjectionState<V> before, Outcome<V> outcome,
                            ProjectionState<V> after) {
        if (outcome.kind() == Kind.PARKED) {
            metrics.gap(model.name());
            log.warn("{}: gap in the events of account {}: expected sequence {}, got {} ({}, id {}); parked it until "
                            + "the missing events arrive ({} parked for this account{})", model.name(), event.accountId(),
                    outcome.expected(), event.sequence(), event.type(), event.eventId(), after.parked().size(),
                    after.stale() ? "; it is stale: the missing event may be on the dead-letter topic" : "");
            countsChanged.run();
            return;
        }
        outcome.applied().forEach(applied -> metrics.applied(model.name(), applied));
        if (outcome.applied().size() > 1) {
            log.info("{}: account {}: gap closed by sequence {}; applied {} parked events after it, now at sequence {}",
                    model.name(), event.accountId(), event.sequence(), outcome.applied().size() - 1,
                    after.lastAppliedSequence());
        }
        if (before.parked().size() != after.parked().size() || before.stale() != after.stale()) {
            countsChanged.run();
        }
        stored(before, after);
    }

    private void stored(ProjectionState<V> before, ProjectionState<V> after) {
        V visibleAfter = store.documents().visibleViewOf(after);
        if (visibleAfter != null) {
            model.stored(store.documents().visibleViewOf(before), visibleAfter);
        }
    }

    private void republish(ProjectionState<V> state) {
        V visible = store.documents().visibleViewOf(state);
        if (visible != null) {
            model.republish(visible);
        }
    }

    /** Transient: another writer kept winning; the container retries the record. */
    public static class ConcurrentProjectionUpdateException extends RuntimeException {
        public ConcurrentProjectionUpdateException(String message) {
            super(message);
        }
    }

    /** Transient as far as we know: the store refused a write nobody competed for; retried, and alerted. */
    public static class StuckWriteException extends RuntimeException {
        public StuckWriteException(String message) {
            super(message);
        }
    }
}
