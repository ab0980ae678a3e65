package com.relationship.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * A rate limit per token subject: a Bucket4j token bucket each, so one caller (a runaway script, a
 * page reloading in a loop) cannot take the service from the others, while a burst up to
 * {@link Limit#burst()} passes at once. Buckets live in this instance's memory: behind a load
 * balancer each instance allows the rate, which is the point (each instance's capacity is what is
 * protected). The least recently seen subjects leave first past {@code maxSubjects}; one that
 * comes back starts with a full bucket.
 */
public final class SubjectRateLimit {

    /**
     * @param requests how many requests a subject may make per {@code per}, sustained
     * @param per      the period of {@code requests}
     * @param burst    how many a subject may make at once, from a full bucket
     */
    public record Limit(long requests, Duration per, long burst) {
        public Limit {
            if (requests < 1 || burst < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a rate limit needs requests and a burst of at least 1 and a"
                        + " positive period; was " + requests + " per " + per + ", burst " + burst);
            }
        }
    }

    private static final int MAX_SUBJECTS = 10_000;

    private final Limit limit;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_SUBJECTS;
        }
    };

    public SubjectRateLimit(Limit limit) {
        this(limit, TimeMeter.SYSTEM_NANOTIME);
    }

    /** @param clock Bucket4j's time source: tests move it */
    public SubjectRateLimit(Limit limit, TimeMeter clock) {
        this.limit = limit;
        this.clock = clock;
    }

    public Limit limit() {
        return limit;
    }

    /**
     * Takes one request from the subject's bucket. Empty when it may go on; otherwise how long until
     * its next request would pass (what {@code Retry-After} says).
     */
    public Optional<Duration> take(String subject) {
        ConsumptionProbe probe = bucket(subject).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whole seconds to wait, at least one: {@code Retry-After} has no fractions. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private synchronized Bucket bucket(String subject) {
        return buckets.computeIfAbsent(subject, ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.requests(), limit.per()))
                .withCustomTimePrecision(clock)
                .build());
    }
}
