package com.relationship.service.audit;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import com.relationship.service.audit.IntegrityCheck.BrokenAccount;
import com.relationship.service.audit.IntegrityCheck.State;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verifies every account's hash chain in one pass over the event store (issue 9, auditors): the
 * events are read once, sorted by account and sequence, and each account's run of documents goes
 * through the same {@link ChainVerifier} as {@code GET /accounts/{id}/integrity}. That sort is the
 * order of the store's unique (aggregateIdentifier, sequenceNumber) index, in MongoDB and in the
 * local stack's embedded store alike, so the store streams it from the index without sorting, and
 * the check holds one batch of documents and one account's chain at a time, whatever the store's size.
 *
 * <p>One check at a time, on a thread of its own, never a request's. Checks are kept in this
 * instance's memory (the latest {@value #KEPT}), not in the store: a restart forgets them, and with
 * several instances a check is seen, and the one-at-a-time rule holds, on the instance that runs it
 * only. Events appended while a check runs may or may not be read by it; the service only appends,
 * so that can only leave newer events out, never make an intact chain look broken.
 */
@Component
class IntegrityChecks implements DisposableBean {

    /** How many broken accounts a check lists; it counts the rest. */
    public static final int BROKEN_LISTED = 1_000;
    /** How many checks are remembered, the running one included. */
    public static final int KEPT = 20;
    private static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(IntegrityChecks.class);

    private final MongoTemplate store;
    private final EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "integrity-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Run> checks = new ArrayDeque<>(); // newest first; guarded by this
    private Run running; // guarded by this

    public IntegrityChecks(MongoTemplate axonMongoTemplate) {
        this.store = axonMongoTemplate;
    }

    /**
     * Starts a check of every account, answering it as it stands (RUNNING, nothing counted yet).
     *
     * @throws IntegrityCheckRunning when one is still running: a second pass would only halve the
     *                               speed of both, and the running one will answer the same question
     */
    public synchronized IntegrityCheck start(String startedBy) {
        if (running != null) {
            throw new IntegrityCheckRunning(running.view());
        }
        Run run = new Run(UUID.randomUUID(), startedBy);
        worker.execute(() -> verifyAll(run));
        running = run;
        checks.addFirst(run);
        while (checks.size() > KEPT) {
            checks.removeLast();
        }
        return run.view();
    }

    public synchronized Optional<IntegrityCheck> find(UUID checkId) {
        return checks.stream().filter(run -> run.id.equals(checkId)).findFirst().map(Run::view);
    }

    /** The checks this instance remembers, newest first. */
    public synchronized List<IntegrityCheck> latest() {
        return checks.stream().map(Run::view).toList();
    }

    private void verifyAll(Run run) {
        State outcome = State.FAILED;
        String failure;
        try {
            failure = readAll(run);
            if (failure == null) {
                outcome = State.COMPLETED;
            }
        } catch (MongoException unavailable) {
            log.error("Integrity check {} stopped: the event store could not be read", run.id, unavailable);
            failure = "The event store stopped answering during the check; the counts are what was verified"
                    + " before that. Start it again once the store is back.";
        } catch (RuntimeException failed) {
            log.error("Integrity check {} failed", run.id, failed);
            failure = "The check failed unexpectedly; the counts are what was verified before that. The service"
                    + " log has the cause under check id " + run.id + ".";
        }
        synchronized (this) { // whoever sees it ended can start the next one
            run.end(outcome, failure);
            running = null;
        }
    }

    /** Reads the store once, account after account; answers why it stopped early, or null once all is read. */
    private String readAll(Run run) {
        run.eventsInStore(store.eventCollection().estimatedDocumentCount());
        String account = null;
        ChainVerifier chain = null;
        long accountEvents = 0;
        try (MongoCursor<Document> events = store.eventCollection().find()
                .sort(Sorts.ascending(fields.aggregateIdentifierProperty(), fields.sequenceNumberProperty()))
                .batchSize(BATCH).iterator()) {
            while (events.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    return "The service stopped before the check had read every account; start it again.";
                }
                Document stored = events.next();
                String next = stored.getString(fields.aggregateIdentifierProperty());
                if (chain == null || !Objects.equals(next, account)) {
                    if (chain != null) {
                        run.verified(account, chain, accountEvents);
                    }
                    account = next;
                    chain = new ChainVerifier(fields);
                    accountEvents = 0;
                }
                accountEvents++;
                chain.accept(stored); // after a break it only skips: the account's other events are still read
            }
        }
        if (chain != null) {
            run.verified(account, chain, accountEvents);
        }
        return null;
    }

    /** Stops a running check; it ends FAILED. */
    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** One check's progress: written by the check's thread, read by requests, both under its lock. */
    private static final class Run {

        private final UUID id;
        private final String startedBy;
        private final Instant startedAt = Instant.now();
        private final long startedNanos = System.nanoTime();
        private final List<BrokenAccount> brokenListed = new ArrayList<>();
        private State state = State.RUNNING;
        private Long eventsInStore;
        private long events;
        private long intact;
        private long broken;
        private Instant finishedAt;
        private long finishedNanos;
        private String failure;

        Run(UUID id, String startedBy) {
            this.id = id;
            this.startedBy = startedBy;
        }

        synchronized void eventsInStore(long estimate) {
            eventsInStore = estimate;
        }

        /** Counted per account, all its events at once, so that every count in a view agrees with the others. */
        synchronized void verified(String account, ChainVerifier chain, long accountEvents) {
            events += accountEvents;
            if (chain.intact()) {
                intact++;
                return;
            }
            broken++;
            if (brokenListed.size() < BROKEN_LISTED) {
                brokenListed.add(new BrokenAccount(account, chain.brokenAt(), chain.reason()));
            }
        }

        synchronized void end(State outcome, String why) {
            state = outcome;
            failure = why;
            finishedAt = Instant.now();
            finishedNanos = System.nanoTime();
            IntegrityCheck done = view();
            log.info("Integrity check {} {}: {} accounts ({} intact, {} broken), {} events, {} events/s", id,
                    outcome.name().toLowerCase(), done.accountsVerified(), intact, broken, events,
                    done.eventsPerSecond());
        }

        synchronized IntegrityCheck view() {
            long nanos = (state == State.RUNNING ? System.nanoTime() : finishedNanos) - startedNanos;
            long perSecond = nanos <= 0 ? 0 : Math.round(events * 1e9 / nanos);
            return new IntegrityCheck(id, state, startedBy, startedAt, finishedAt, eventsInStore, intact + broken,
                    events, intact, broken, List.copyOf(brokenListed), broken - brokenListed.size(), perSecond,
                    failure);
        }
    }
}
