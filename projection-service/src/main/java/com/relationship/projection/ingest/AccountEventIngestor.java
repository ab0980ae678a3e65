package com.relationship.projection.ingest;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.status.AccountProjection;
import com.relationship.projection.status.AccountProjection.Outcome;
import com.relationship.projection.status.AccountStatusStore;
import com.relationship.projection.status.AccountStatusStore.Versioned;
import com.relationship.projection.status.AccountStatusStore.WriteResult;
import com.relationship.projection.status.AppliedEventLedger;
import com.relationship.projection.status.DeadLetterMark;
import com.relationship.projection.status.ProjectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One event into the read model: check its id against the ledger, load the account's document,
 * decide with the pure {@link AccountProjection}, write with compare-and-set (reload and decide again
 * if another instance wrote in between), then publish the new status and wait for the acknowledgement.
 * <p>
 * A redelivered event re-publishes the stored status: if the previous delivery wrote MongoDB but
 * died before Kafka acknowledged the status, the redelivery is what gets it published. On a
 * compacted topic an extra copy of the latest status is harmless.
 * <p>
 * A different event at a sequence already seen is not a redelivery: it throws
 * {@link ConflictingEventException}, which dead-letters it. A write the store keeps refusing although
 * nobody else writes the account is counted, shown in the {@code projection} health component and
 * retried (see {@link AccountStatusStore#compareAndSet}); it never spins silently.
 */
@Component
public class AccountEventIngestor {

    private static final Logger log = LoggerFactory.getLogger(AccountEventIngestor.class);

    private final AccountStatusStore store;
    private final AppliedEventLedger ledger;
    private final AccountProjection projection;
    private final StatusPublisher publisher;
    private final ProjectionMetrics metrics;
    private final ProjectionAlerts alerts;
    private final ParkedEventsGauge gauges;
    private final int maxAttempts;

    public AccountEventIngestor(AccountStatusStore store, AppliedEventLedger ledger, AccountProjection projection,
                                StatusPublisher publisher, ProjectionMetrics metrics, ProjectionAlerts alerts,
                                ParkedEventsGauge gauges, ProjectionProperties properties) {
        this.store = store;
        this.ledger = ledger;
        this.projection = projection;
        this.publisher = publisher;
        this.metrics = metrics;
        this.alerts = alerts;
        this.gauges = gauges;
        this.maxAttempts = properties.store().maxWriteAttempts();
    }

    public AccountProjection.Kind ingest(EnvelopedAccountEvent event) {
        return ingest(event, null);
    }

    /**
     * @param redrivenFrom the dead letter this event is re-driven from ({@link DeadLetterMark#source()}):
     *                     once the event is applied (or found applied), the account's mark for it goes
     *                     in the same write; null for a live event
     */
    public AccountProjection.Kind ingest(EnvelopedAccountEvent event, String redrivenFrom) {
        Optional<String> other = ledger.claim(event.accountId(), event.sequence(), event.eventId());
        if (other.isPresent()) {
            String description = "account " + event.accountId() + ": event " + event.eventId() + " (" + event.type()
                    + ") claims sequence " + event.sequence() + ", which event " + other.get() + " already holds";
            metrics.inconsistent();
            alerts.inconsistency(description);
            log.error("Inconsistent event stream: {}; dead-lettering it instead of skipping it as a duplicate",
                    description);
            throw new ConflictingEventException("Inconsistent event stream: " + description);
        }
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Versioned current = store.load(event.accountId()).orElse(new Versioned(ProjectionState.EMPTY, 0));
            Outcome outcome = projection.handle(current.state(), event);
            ProjectionState next = redrivenFrom == null ? outcome.state() : outcome.state().withoutDeadLetter(redrivenFrom);
            if (outcome.kind() == AccountProjection.Kind.DUPLICATE && next.equals(current.state())) {
                metrics.duplicate();
                log.info("Skipped duplicate {} of account {} (sequence {}, already applied up to {})",
                        event.type(), event.accountId(), event.sequence(), current.state().lastAppliedSequence());
                publishVisible(current.state());
                return outcome.kind();
            }
            if (!write(event.accountId(), event.sequence(), current, next, attempt)) {
                continue;
            }
            afterWrite(event, current.state(), outcome, next);
            return outcome.kind();
        }
        throw new ConcurrentProjectionUpdateException("Account " + event.accountId() + " kept changing under "
                + maxAttempts + " attempts to apply sequence " + event.sequence() + "; the event will be retried");
    }

    /**
     * Records a dead letter of the account (its status turns stale) and publishes the stale status.
     * Idempotent: a letter already recorded from the same source is replaced.
     */
    public void markStale(UUID accountId, DeadLetterMark mark) {
        update(accountId, mark.sequence() == null ? -1 : mark.sequence(), state -> state.withDeadLetter(mark));
        log.warn("Account {} is stale: {}", accountId, mark.describe());
    }

    /** Publishes the account's stored status again (after a re-drive, so it is the topic's latest value). */
    public void publishStored(UUID accountId) {
        store.load(accountId).ifPresent(stored -> publishVisible(stored.state()));
    }

    /** Writes {@code change} of the account's state with compare-and-set, retried on conflicts; publishes it. */
    private void update(UUID accountId, long sequence, UnaryOperator<ProjectionState> change) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Versioned current = store.load(accountId).orElse(new Versioned(ProjectionState.EMPTY, 0));
            ProjectionState next = change.apply(current.state());
            if (next.equals(current.state())) {
                return;
            }
            if (write(accountId, sequence, current, next, attempt)) {
                gauges.refresh();
                publishVisible(next);
                return;
            }
        }
        throw new ConcurrentProjectionUpdateException("Account " + accountId + " kept changing under " + maxAttempts
                + " attempts to record a dead letter; it will be retried");
    }

    /** @return true if written, false on a conflict (reload and decide again) */
    private boolean write(UUID accountId, long sequence, Versioned current, ProjectionState next, int attempt) {
        WriteResult result = store.compareAndSet(accountId, current.version(), next);
        switch (result) {
            case WRITTEN -> alerts.written(accountId);
            case WRITTEN_AFTER_REPAIR -> {
                metrics.repaired();
                alerts.repaired();
                alerts.written(accountId);
                log.error("Account {}: sequence {} written after repairing the store's compare-and-set index "
                        + "(it had lost although nobody else wrote the account)", accountId, sequence);
            }
            case CONFLICT -> {
                metrics.conflict();
                log.info("Account {} was written concurrently (version {}); reloading, attempt {} of {}",
                        accountId, current.version(), attempt, maxAttempts);
                return false;
            }
            case STUCK -> {
                metrics.stuck();
                alerts.stuck(accountId, sequence);
                throw new StuckWriteException("The store refused the write of account " + accountId + " at version "
                        + current.version() + " (sequence " + sequence + ") although nobody else writes it, even after "
                        + "rebuilding its index; retrying. See the projection health component");
            }
            default -> throw new IllegalStateException("Unknown write result " + result);
        }
        return true;
    }

    private void afterWrite(EnvelopedAccountEvent event, ProjectionState before, Outcome outcome, ProjectionState after) {
        if (outcome.kind() == AccountProjection.Kind.PARKED) {
            metrics.gap();
            log.warn("Gap in the events of account {}: expected sequence {}, got {} ({}, id {}); parked it until the "
                            + "missing events arrive ({} parked for this account{})", event.accountId(), outcome.expected(),
                    event.sequence(), event.type(), event.eventId(), after.parked().size(),
                    after.stale() ? "; it is stale: the missing event may be on the dead-letter topic" : "");
            gauges.refresh();
            return;
        }
        outcome.applied().forEach(metrics::applied);
        if (outcome.applied().size() > 1) {
            log.info("Account {}: gap closed by sequence {}; applied {} parked events after it, now at sequence {}",
                    event.accountId(), event.sequence(), outcome.applied().size() - 1, after.lastAppliedSequence());
        }
        if (before.parked().size() != after.parked().size() || before.stale() != after.stale()) {
            gauges.refresh();
        }
        publishVisible(after);
    }

    private void publishVisible(ProjectionState state) {
        if (state.status() != null) {
            publisher.publish(state.visibleStatus());
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
