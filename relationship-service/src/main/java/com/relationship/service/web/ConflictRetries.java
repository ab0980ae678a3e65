package com.relationship.service.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Re-runs a command that lost a race to append to its account (another instance, or a stale cached
 * copy, wrote the same sequence number first: the store's unique index refuses the second, and Axon
 * raises a {@link ConcurrencyException} and drops the cached copy). The retry loads the account again
 * and decides again, so nothing is lost and no rule is skipped. Nothing else is retried: a refusal is
 * final, and a failure of the store may have stored the event (that is what Idempotency-Key is for).
 * <p>
 * Axon's exponential back-off scheduler does the scheduling. It treats every non-Axon exception as
 * transient, which would re-run refusals, and its predicate sees each cause on its own (the store's
 * duplicate-key error under a lost race would read as final), so the one decision is made here, on the
 * whole failure: a lost race, or anything else. This class adds only that and the count of retries.
 */
final class ConflictRetries extends ExponentialBackOffIntervalRetryScheduler implements AutoCloseable {

    private final ScheduledExecutorService executor;
    private final Counter retries;

    ConflictRetries(ApiProperties properties, MeterRegistry meters) {
        this(properties, meters, Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-conflict-retry");
            thread.setDaemon(true);
            return thread;
        }));
    }

    private ConflictRetries(ApiProperties properties, MeterRegistry meters, ScheduledExecutorService executor) {
        super(builder().retryExecutor(executor).maxRetryCount(properties.conflictRetries())
                .backoffFactor(properties.conflictBackoff().toMillis()));
        this.executor = executor;
        this.retries = Counter.builder("relationship.commands.conflict.retries")
                .description("Commands re-run because another append to the same account won the race")
                .register(meters);
    }

    /** Final unless the failure is a lost race, or caused by one. */
    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !isConflict(failure);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        boolean scheduled = super.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
        if (scheduled) {
            retries.increment();
        }
        return scheduled;
    }

    /** Stops the retry thread; a retry still waiting is dropped (its caller has timed out or gone). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A lost race, or a failure caused by one. */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
