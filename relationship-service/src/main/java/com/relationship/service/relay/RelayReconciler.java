package com.relationship.service.relay;

import com.relationship.service.infra.CommittedEvents;
import com.relationship.service.infra.EventStoreProperties;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * Finds stored events the relay will never see and publishes them: an event whose insert became
 * visible only after the tracking query had moved more than the look-back past its timestamp (a GC
 * pause between creating and storing it, a slow commit). Once at start and then every
 * {@code relationship.relay.reconcile-every}, it compares each account's highest stored sequence
 * among events older than the relay's position minus the look-back (events the tracking query has
 * passed for good) with the highest sequence Kafka acknowledged ({@link RelayPositions}), and
 * publishes what is missing, in order. An account's missing event followed by a later one is caught
 * earlier still, by the relay itself ({@link RelayPublisher}); this covers an account's last event.
 * Then it compares what the topic holds with every account's position ({@link TopicRepairs}) and
 * publishes again, in order, any event below it that is not there: a hole, such as a registration a
 * relay once skipped, or a record the topic lost. The first pass, at start, repairs what is already broken.
 * <p>
 * With several instances only the one that {@link RelayNodes#leads() leads} reconciles: one pass
 * per interval for all of them, and it uses every segment's position, whoever holds it.
 * <p>
 * It reads the whole event collection once per run (the embedded MongoDB has no index to serve it):
 * lengthen the interval for a large store. It reads only majority-committed events
 * ({@link CommittedEvents}), as the relay does, so it never publishes what a failover could roll back.
 */
@Component
class RelayReconciler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayReconciler.class);
    /** The longest a pass waits for the topic to be read back (at start: the whole topic, ~4 s per million records). */
    private static final Duration TOPIC_WAIT = Duration.ofMinutes(1);

    private final CommittedEvents eventStore;
    private final RelayPositions positions;
    private final RelayPublisher publisher;
    private final RelayMetrics metrics;
    private final RelayProperties relay;
    private final EventStoreProperties store;
    private final RelayNodes nodes;
    private final TopicRepairs repairs;
    private ScheduledExecutorService scheduler;

    RelayReconciler(CommittedEvents committedEvents, RelayPositions positions, RelayPublisher publisher,
                    RelayMetrics metrics, RelayProperties relay, EventStoreProperties store, RelayNodes nodes,
                    TopicRepairs repairs) {
        this.nodes = nodes;
        this.repairs = repairs;
        this.eventStore = committedEvents;
        this.positions = positions;
        this.publisher = publisher;
        this.metrics = metrics;
        this.relay = relay;
        this.store = store;
    }

    /** One pass (on the leading instance only: the others would publish the same events again); answers how many events it published. */
    int reconcile() {
        if (!nodes.leads()) {
            return 0;
        }
        return publishWhatTheRelayPassed() + repairTopic();
    }

    /** The first half of a pass: each account's stored events the tracking query has passed for good, up to the last. */
    private int publishWhatTheRelayPassed() {
        Optional<Instant> position = metrics.position();
        if (position.isEmpty()) {
            return 0; // the relay has not stored a position yet: everything stored is still ahead of it
        }
        Instant passed = position.get().minus(store.lookBack());
        String keptSince = positions.keptSince();
        Map<String, Long> relayed = positions.all();
        Map<String, Long> publishedBefore = new HashMap<>();
        int published = 0;
        for (Stored account : highestStoredBefore(passed)) {
            Long relayedUpTo = relayed.get(account.accountId());
            if (relayedUpTo == null && account.latestTimestamp().compareTo(keptSince) < 0) {
                publishedBefore.put(account.accountId(), account.sequence()); // relayed before positions were kept
            } else if (relayedUpTo == null || account.sequence() > relayedUpTo) {
                log.warn("Account {} has stored events up to {} that the relay never published (it published up to"
                        + " {}): publishing them", account.accountId(), account.sequence(), relayedUpTo);
                try {
                    published += publisher.catchUp(account.accountId(), account.sequence(), relay.ackTimeout());
                } catch (RelayPublisher.RelayFailedException failed) {
                    // Recorded for the relay health component; the other accounts are still reconciled.
                    log.warn("Reconciling account {} failed; it is tried again next time: {}", account.accountId(),
                            failed.getMessage());
                }
            }
        }
        if (!publishedBefore.isEmpty()) {
            log.info("{} accounts were relayed before relay positions were kept; recording their positions",
                    publishedBefore.size());
            positions.advance(publishedBefore);
        }
        return published;
    }

    /** The second half of a pass: what the topic lacks below each account's position, published again. */
    private int repairTopic() {
        Duration wait = relay.reconcileEvery().compareTo(TOPIC_WAIT) < 0 ? relay.reconcileEvery() : TOPIC_WAIT;
        try {
            TopicRepair repair = repairs.repair(wait);
            if (repair.accountsRepaired() > 0 || !repair.failed().isEmpty()) {
                log.warn("The events topic lacked events of {} accounts; published {} again, {} failed (tried again"
                        + " next pass): {}", repair.accountsRepaired(), repair.eventsPublished(), repair.failed().size(),
                        repair.repaired());
            }
            return (int) repair.eventsPublished();
        } catch (TopicRepairs.TopicNotReadYet notYet) {
            log.warn("Topic check skipped this pass: {}", notYet.getMessage());
            return 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** An account's highest stored sequence among the events the tracking query has passed, and the latest timestamp. */
    private record Stored(String accountId, long sequence, String latestTimestamp) {
    }

    private List<Stored> highestStoredBefore(Instant passed) {
        List<Stored> highest = new ArrayList<>();
        List<Document> pipeline = List.of(
                new Document("$match", new Document("timestamp", new Document("$lt", formatInstant(passed)))),
                new Document("$group", new Document("_id", "$aggregateIdentifier")
                        .append("sequence", new Document("$max", "$sequenceNumber"))
                        .append("latest", new Document("$max", "$timestamp"))));
        for (Document account : eventStore.eventCollection().aggregate(pipeline)) {
            highest.add(new Stored(account.getString("_id"), ((Number) account.get("sequence")).longValue(),
                    account.getString("latest")));
        }
        return highest;
    }

    private void runSafely() {
        try {
            int published = reconcile();
            if (published > 0) {
                log.warn("Reconciliation published {} events the relay had missed", published);
            }
        } catch (RuntimeException failed) {
            log.warn("Reconciliation failed; it runs again in {}: {}", relay.reconcileEvery(), failed.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relay-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        long every = relay.reconcileEvery().toMillis();
        scheduler.scheduleWithFixedDelay(this::runSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
