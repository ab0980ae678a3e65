package com.relationship.projection.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The changes of this instance's dashboard streams: what the Kafka feed ({@link LiveFeed}) saw,
 * de-duplicated by account and sequence (a status can be published again: a redelivery, a
 * rebuild's swap), numbered, kept in a bounded ring for tabs that reconnect, and offered to every
 * open tab. The funnel is sent as a snapshot ({@code funnel-tick}) at most every
 * {@code funnel-tick}, and only when a status changed: under load a tab gets one funnel per tick,
 * not one per event.
 * <p>
 * Event ids are {@code <boot>-<position>}: a tab that reconnects to an instance that did not send
 * its last id (another instance, or this one restarted) or whose id fell out of the ring is sent
 * {@code resync}, and refetches its snapshot over REST.
 * <p>
 * Limits, so stalled or forgotten tabs cannot pile up: at most {@code streams-per-subject} open
 * streams per token subject and {@code max-streams} in all on this instance ({@link TooManyStreams});
 * a stream ends after {@code stream-lifetime} (or when the sign-in behind it ends, if sooner) and
 * the tab reconnects with a new ticket; the tabs are written by a pool of {@code writer-threads}.
 */
public class LiveHub implements SmartLifecycle {

    public static final String ACCOUNT_STATUS = "account-status";
    public static final String CHURN_BAND = "churn-band";
    public static final String FUNNEL_TICK = "funnel-tick";
    public static final String RESYNC = "resync";

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    /** The hub is not running: the instance is starting or stopping. */
    public static class NotRunning extends IllegalStateException {
        NotRunning() {
            super("the dashboard stream is not running here (the instance is starting or stopping)");
        }
    }

    /** A stream refused: the subject holds its share of streams already, or the instance holds all it may. */
    public static class TooManyStreams extends IllegalStateException {
        private final boolean instanceFull;
        private final Duration retryAfter;

        TooManyStreams(boolean instanceFull, Duration retryAfter, String message) {
            super(message);
            this.instanceFull = instanceFull;
            this.retryAfter = retryAfter;
        }

        /** True when this instance holds {@code max-streams}; false when the subject holds its share. */
        public boolean instanceFull() {
            return instanceFull;
        }

        /** A heartbeat: within it a closed tab's stream is noticed (its write fails) and its place freed. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** One numbered change: what a tab is sent, and what a reconnecting tab is sent again. */
    record Change(long position, String event, String data) {
    }

    /**
     * What was last sent of one account on one channel, to tell a repeat from a change: its order and a 64-bit hash
     * of its JSON, not the JSON itself (100,000 accounts' statuses would hold hundreds of megabytes).
     */
    private record Seen(long order, long dataHash) {
    }

    private final DashboardProperties properties;
    private final Supplier<String> funnel;
    private final Clock clock;
    private final Supplier<SseEmitter> emitters;
    private final String boot;
    private final ArrayDeque<Change> ring = new ArrayDeque<>();
    private final Map<String, Seen> seen = new HashMap<>();
    private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
    private long position;
    private volatile boolean funnelDue;
    private volatile String lastFunnel;
    private volatile boolean running;
    private ScheduledExecutorService timer;
    private ExecutorService writers;

    /**
     * @param funnel the funnel as JSON (as {@code GET /api/v1/dashboard/funnel} answers), asked for at
     *               most once per tick
     */
    public LiveHub(DashboardProperties properties, Supplier<String> funnel, Clock clock) {
        // The heartbeats end a stream at its lifetime; the emitter's own timeout, two beats later, is
        // the backstop for a tab whose writes hang (its request is completed, which fails the write).
        this(properties, funnel, clock, () -> new SseEmitter(
                properties.streamLifetime().plus(properties.heartbeat().multipliedBy(2)).toMillis()));
    }

    /** @param emitters makes each tab's emitter: tests look at what a tab was sent */
    LiveHub(DashboardProperties properties, Supplier<String> funnel, Clock clock, Supplier<SseEmitter> emitters) {
        this.properties = properties;
        this.funnel = funnel;
        this.clock = clock;
        this.emitters = emitters;
        this.boot = Long.toString(System.currentTimeMillis(), 36);
    }

    /**
     * A status from the status topic, as JSON. Sent unless this hub sent the same already, or a
     * status of a later event of the account.
     */
    public boolean accountStatus(UUID accountId, long sequence, String json) {
        boolean sent = changed(ACCOUNT_STATUS, accountId, sequence, json);
        if (sent) {
            funnelDue = true;
        }
        return sent;
    }

    /** A change of churn band from the churn-risk topic, as JSON; {@code at} orders one account's changes. */
    public boolean churnBand(UUID accountId, Instant at, String json) {
        return changed(CHURN_BAND, accountId, at.getEpochSecond() * 1_000_000 + at.getNano() / 1000, json);
    }

    private synchronized boolean changed(String event, UUID accountId, long order, String json) {
        String key = event + ':' + accountId;
        Seen before = seen.get(key);
        long hash = hash(json);
        if (before != null && (order < before.order() || order == before.order() && hash == before.dataHash())) {
            return false;
        }
        seen.put(key, new Seen(order, hash));
        Change change = new Change(++position, event, json);
        ring.addLast(change);
        if (ring.size() > properties.ringSize()) {
            ring.removeFirst();
        }
        for (LiveConnection connection : connections) {
            connection.offer(event(change));
        }
        return true;
    }

    /** FNV-1a over the JSON's characters: a repeat hashes equal; a change colliding is one in 2^64. */
    private static long hash(String json) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < json.length(); i++) {
            hash ^= json.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * A new stream. With the id of the last change a tab saw, it is sent what came after; when that is
     * no longer known here, {@code resync} first. A fresh tab gets the latest funnel, if any.
     *
     * @param subject      whose sign-in the stream rides on: their open streams are counted
     * @param signInUntil when the sign-in behind it ends (null: never); the stream is closed then, or at
     *                     its lifetime if sooner, and the tab comes back with a new ticket
     * @throws TooManyStreams when the subject or this instance holds as many streams as it may
     */
    public synchronized SseEmitter connect(String subject, String lastEventId, Instant signInUntil) {
        if (!running) {
            throw new NotRunning();
        }
        refuseBeyondLimits(subject);
        Instant lifetimeEnds = clock.instant().plus(properties.streamLifetime());
        Instant validUntil = signInUntil != null && signInUntil.isBefore(lifetimeEnds) ? signInUntil : lifetimeEnds;
        SseEmitter emitter = emitters.get();
        LiveConnection connection = new LiveConnection(subject, emitter, properties.tabBuffer(), writers, validUntil,
                connections::remove, () -> resync("this tab fell " + properties.tabBuffer() + " changes behind"));
        connection.offer(SseEmitter.event().reconnectTime(properties.reconnectAfter().toMillis())
                .comment("live " + boot + "-" + position));
        List<Change> replay = replay(lastEventId);
        if (replay == null) {
            connection.offer(resync("the changes since " + lastEventId + " are no longer kept here"));
        } else {
            replay.forEach(change -> connection.offer(event(change)));
        }
        if (lastFunnel != null) {
            connection.offer(SseEmitter.event().name(FUNNEL_TICK).data(lastFunnel, MediaType.APPLICATION_JSON));
        }
        connections.add(connection);
        return emitter;
    }

    private void refuseBeyondLimits(String subject) {
        List<LiveConnection> open = connections.stream().filter(LiveConnection::isOpen).toList();
        if (open.size() >= properties.maxStreams()) {
            throw new TooManyStreams(true, properties.heartbeat(), "This instance has as many dashboard streams open as it may ("
                    + properties.maxStreams() + ", projection.dashboard.max-streams); try again in a moment, when"
                    + " tabs that were closed have been noticed.");
        }
        long mine = open.stream().filter(connection -> connection.subject().equals(subject)).count();
        if (mine >= properties.streamsPerSubject()) {
            throw new TooManyStreams(false, properties.heartbeat(), "'" + subject + "' has " + mine + " dashboard streams open here, as many"
                    + " as one sign-in may (projection.dashboard.streams-per-subject): close a tab, or wait until the"
                    + " closed ones are noticed (within a heartbeat), and connect again.");
        }
    }

    /** The changes after {@code lastEventId}; empty for a fresh tab; null when they cannot be told. */
    private List<Change> replay(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return List.of();
        }
        int dash = lastEventId.lastIndexOf('-');
        if (dash < 0 || !lastEventId.substring(0, dash).equals(boot)) {
            return null;
        }
        long last;
        try {
            last = Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        long oldest = ring.isEmpty() ? position + 1 : ring.peekFirst().position();
        if (last > position || last + 1 < oldest) {
            return null;
        }
        return ring.stream().filter(change -> change.position() > last).toList();
    }

    /** Open streams; for health and tests. */
    public int openStreams() {
        return (int) connections.stream().filter(LiveConnection::isOpen).count();
    }

    /** Ends every open stream (each tab reconnects and resumes from its last id). */
    public void closeAll() {
        connections.forEach(LiveConnection::finish);
    }

    private void heartbeats() {
        Instant now = clock.instant();
        for (LiveConnection connection : connections) {
            if (connection.expiredAt(now)) {
                connection.finish();
            } else {
                connection.heartbeat(SseEmitter.event().comment("heartbeat"));
            }
        }
    }

    private void funnelTick() {
        if (!funnelDue) {
            return;
        }
        funnelDue = false;
        try {
            String counts = funnel.get();
            if (counts.equals(lastFunnel)) {
                return;
            }
            lastFunnel = counts;
            for (LiveConnection connection : connections) {
                connection.offer(SseEmitter.event().name(FUNNEL_TICK).data(counts, MediaType.APPLICATION_JSON));
            }
        } catch (RuntimeException e) {
            funnelDue = true; // MongoDB unreachable for a moment: the next tick tries again
            log.warn("The dashboard's funnel could not be counted; the next tick tries again: {}", e.toString());
        }
    }

    private SseEmitter.SseEventBuilder event(Change change) {
        return SseEmitter.event().id(boot + "-" + change.position()).name(change.event())
                .data(change.data(), MediaType.APPLICATION_JSON);
    }

    private static SseEmitter.SseEventBuilder resync(String reason) {
        return SseEmitter.event().name(RESYNC).data("{\"reason\":\"" + reason.replace("\"", "'") + "\"}",
                MediaType.APPLICATION_JSON);
    }

    @Override
    public void start() {
        AtomicInteger writerNumber = new AtomicInteger();
        // A fixed pool: threads never grow with the tabs. One task per tab at most is queued (a tab's
        // writes run one at a time), so the queue is bounded by max-streams.
        writers = Executors.newFixedThreadPool(properties.writerThreads(), task -> {
            Thread thread = new Thread(task, "dashboard-writer-" + writerNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dashboard-timer");
            thread.setDaemon(true);
            return thread;
        });
        long tick = properties.funnelTick().toMillis();
        timer.scheduleWithFixedDelay(this::funnelTick, tick, tick, TimeUnit.MILLISECONDS);
        long beat = properties.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeats, beat, beat, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Before the web server stops: open streams would otherwise hold the graceful shutdown to its end. */
    @Override
    public void stop() {
        running = false;
        closeAll();
        timer.shutdownNow();
        writers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (phase {@code SmartLifecycle.DEFAULT_PHASE - 1024}). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
