package com.relationship.projection.ingest;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the {@code projection} health component reports beside the meters, so an operator sees which
 * account and why: the inconsistencies seen (a different event at a sequence already seen), the
 * writes repaired, and the accounts whose write the store keeps refusing although nobody else writes
 * them. Kept in memory, per instance, since start; the meters carry the same counts for alerting.
 */
@Component
public class ProjectionAlerts {

    private static final int KEEP = 10;

    private final Clock clock;
    private final AtomicLong inconsistencies = new AtomicLong();
    private final AtomicLong repairs = new AtomicLong();
    private final Deque<String> lastInconsistencies = new ArrayDeque<>();
    private final Map<UUID, StuckWrite> stuck = new ConcurrentHashMap<>();

    public ProjectionAlerts() {
        this(Clock.systemUTC());
    }

    ProjectionAlerts(Clock clock) {
        this.clock = clock;
    }

    void inconsistency(String description) {
        inconsistencies.incrementAndGet();
        synchronized (lastInconsistencies) {
            lastInconsistencies.addFirst(clock.instant() + " " + description);
            while (lastInconsistencies.size() > KEEP) {
                lastInconsistencies.removeLast();
            }
        }
    }

    void repaired() {
        repairs.incrementAndGet();
    }

    void stuck(UUID accountId, long sequence) {
        stuck.merge(accountId, new StuckWrite(sequence, clock.instant(), 1),
                (was, now) -> new StuckWrite(sequence, was.since(), was.attempts() + 1));
    }

    void written(UUID accountId) {
        if (!stuck.isEmpty()) {
            stuck.remove(accountId);
        }
    }

    public long inconsistencies() {
        return inconsistencies.get();
    }

    public long repairs() {
        return repairs.get();
    }

    public List<String> lastInconsistencies() {
        synchronized (lastInconsistencies) {
            return List.copyOf(lastInconsistencies);
        }
    }

    public Map<UUID, StuckWrite> stuckWrites() {
        return Map.copyOf(stuck);
    }

    /** A write refused {@code attempts} times since {@code since}, last for {@code sequence}. */
    public record StuckWrite(long sequence, Instant since, int attempts) {
    }
}
