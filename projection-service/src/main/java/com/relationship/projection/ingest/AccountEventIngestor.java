package com.relationship.projection.ingest;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.status.AccountProjection;
import com.relationship.projection.status.AccountProjection.Outcome;
import com.relationship.projection.status.AccountStatusStore;
import com.relationship.projection.status.AccountStatusStore.Versioned;
import com.relationship.projection.status.ProjectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One event into the read model: load the account's document, decide with the pure
 * {@link AccountProjection}, write with compare-and-set (reload and decide again if another instance
 * wrote in between), then publish the new status and wait for the acknowledgement.
 * <p>
 * A redelivered event re-publishes the stored status: if the previous delivery wrote MongoDB but
 * died before Kafka acknowledged the status, the redelivery is what gets it published. On a
 * compacted topic an extra copy of the latest status is harmless.
 */
@Component
public class AccountEventIngestor {

    private static final Logger log = LoggerFactory.getLogger(AccountEventIngestor.class);

    private final AccountStatusStore store;
    private final AccountProjection projection;
    private final StatusPublisher publisher;
    private final ProjectionMetrics metrics;
    private final ParkedEventsGauge parkedGauge;
    private final int maxAttempts;

    public AccountEventIngestor(AccountStatusStore store, AccountProjection projection, StatusPublisher publisher,
                                ProjectionMetrics metrics, ParkedEventsGauge parkedGauge,
                                ProjectionProperties properties) {
        this.store = store;
        this.projection = projection;
        this.publisher = publisher;
        this.metrics = metrics;
        this.parkedGauge = parkedGauge;
        this.maxAttempts = properties.store().maxWriteAttempts();
    }

    public AccountProjection.Kind ingest(EnvelopedAccountEvent event) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Versioned current = store.load(event.accountId()).orElse(new Versioned(ProjectionState.EMPTY, 0));
            Outcome outcome = projection.handle(current.state(), event);
            switch (outcome.kind()) {
                case DUPLICATE -> {
                    metrics.duplicate();
                    log.info("Skipped duplicate {} of account {} (sequence {}, already applied up to {})",
                            event.type(), event.accountId(), event.sequence(), current.state().lastAppliedSequence());
                    if (current.state().status() != null) {
                        publisher.publish(current.state().status());
                    }
                    return outcome.kind();
                }
                case PARKED, APPLIED -> {
                    if (!store.compareAndSet(event.accountId(), current.version(), outcome.state())) {
                        metrics.conflict();
                        log.info("Account {} was written concurrently (version {}); reloading, attempt {} of {}",
                                event.accountId(), current.version(), attempt, maxAttempts);
                        continue;
                    }
                    afterWrite(event, current.state(), outcome);
                    return outcome.kind();
                }
                default -> throw new IllegalStateException("Unknown outcome " + outcome.kind());
            }
        }
        throw new ConcurrentProjectionUpdateException("Account " + event.accountId() + " kept changing under "
                + maxAttempts + " attempts to apply sequence " + event.sequence() + "; the event will be retried");
    }

    private void afterWrite(EnvelopedAccountEvent event, ProjectionState before, Outcome outcome) {
        if (outcome.kind() == AccountProjection.Kind.PARKED) {
            metrics.gap();
            log.warn("Gap in the events of account {}: expected sequence {}, got {} ({}, id {}); parked it until the "
                            + "missing events arrive ({} parked for this account)", event.accountId(), outcome.expected(),
                    event.sequence(), event.type(), event.eventId(), outcome.state().parked().size());
            parkedGauge.refresh();
            return;
        }
        outcome.applied().forEach(metrics::applied);
        if (outcome.applied().size() > 1) {
            log.info("Account {}: gap closed by sequence {}; applied {} parked events after it, now at sequence {}",
                    event.accountId(), event.sequence(), outcome.applied().size() - 1,
                    outcome.state().lastAppliedSequence());
        }
        if (before.parked().size() != outcome.state().parked().size()) {
            parkedGauge.refresh();
        }
        publisher.publish(outcome.state().status());
    }

    /** Transient: another writer kept winning; the container retries the record. */
    public static class ConcurrentProjectionUpdateException extends RuntimeException {
        public ConcurrentProjectionUpdateException(String message) {
            super(message);
        }
    }
}
