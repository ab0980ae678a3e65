package com.relationship.service.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-runs a command that lost a race to append to its account (another instance, or a stale cached
 * copy, wrote the same sequence number first: the store's unique index refuses the second, and Axon
 * raises a {@link ConcurrencyException} and drops the cached copy). The retry loads the account again
 * and decides again, so nothing is lost and no rule is skipped. Nothing else is retried: a refusal is
 * final, and a failure of the store may have stored the event (that is what Idempotency-Key is for).
 * Axon's own schedulers treat every non-Axon exception as transient, which would re-run refusals.
 */
final class ConflictRetries implements RetryScheduler, AutoCloseable {

    private final int maxRetries;
    private final long backoffMillis;
    private final Counter retries;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-conflict-retry");
        thread.setDaemon(true);
        return thread;
    });

    ConflictRetries(ApiProperties properties, MeterRegistry meters) {
        this.maxRetries = properties.conflictRetries();
        this.backoffMillis = properties.conflictBackoff().toMillis();
        this.retries = Counter.builder("relationship.commands.conflict.retries")
                .description("Commands re-run because another append to the same account won the race")
                .register(meters);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        int done = failures.size();
        if (!isConflict(lastFailure) || done > maxRetries) {
            return false;
        }
        retries.increment();
        executor.schedule(dispatchTask, backoffMillis << Math.min(done - 1, 10), TimeUnit.MILLISECONDS);
        return true;
    }

    /** Stops the retry thread; a retry still waiting is dropped (its caller has timed out or gone). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
