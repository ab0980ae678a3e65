package com.relationship.service.relay;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The events the relay could not publish, per account, until Kafka acknowledges them: what the relay
 * health component and {@code relationship.relay.stuck.seconds} report. An account whose event keeps
 * failing holds back its later events (and its batch), so the oldest failure is the one to look at.
 * A failure nobody retried for a while (its segment moved to another instance) is forgotten.
 */
@Component
class RelayFailures {

    /** Longer than any retry pause of the pooled processor, so a failure that still recurs is never forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(5);

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();
    private final AtomicReference<Failing> last = new AtomicReference<>();

    /**
     * @param accountId the account whose event could not be published
     * @param sequence  its sequence number
     * @param eventId   its stored event id (null when it could not even be read from the store)
     * @param reason    why, as the producer or the store said it
     * @param since     the first failure of this event
     * @param lastAt    the latest failure
     * @param attempts  how many times it failed
     */
    record Failing(String accountId, long sequence, String eventId, String reason, Instant since, Instant lastAt,
                   int attempts) {
    }

    void failed(String accountId, long sequence, String eventId, String reason) {
        Instant now = clock.instant();
        Failing failure = failing.compute(accountId, (account, before) ->
                before != null && before.sequence() == sequence
                        ? new Failing(account, sequence, eventId, reason, before.since(), now, before.attempts() + 1)
                        : new Failing(account, sequence, eventId, reason, now, now, 1));
        last.set(failure);
    }

    /** Kafka acknowledged the account's event at this sequence: an earlier failure of it is over. */
    void acknowledged(String accountId, long sequence) {
        failing.computeIfPresent(accountId, (account, failure) -> failure.sequence() <= sequence ? null : failure);
    }

    /** Current failures, oldest first. */
    List<Failing> current() {
        Instant forgetBefore = clock.instant().minus(FORGET_AFTER);
        failing.values().removeIf(failure -> failure.lastAt().isBefore(forgetBefore));
        return failing.values().stream().sorted(Comparator.comparing(Failing::since)).toList();
    }

    /** How long the oldest current failure has lasted; zero when nothing fails. */
    Duration stuckFor() {
        return current().stream().findFirst()
                .map(oldest -> Duration.between(oldest.since(), clock.instant()))
                .orElse(Duration.ZERO);
    }

    Optional<Failing> last() {
        return Optional.ofNullable(last.get());
    }
}
