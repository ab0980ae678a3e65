package com.relationship.service.relay;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * Publishes again what an account's history on the events topic lacks though the relay had passed
 * it: for each account, every sequence up to its acknowledged position ({@link RelayPositions}) that
 * the topic does not hold ({@link TopicHistory}), and every hole below a sequence it does, in order.
 * That repairs an account whose registration a relay once skipped (the read models hold its later
 * events parked behind the gap and apply them once it arrives), and an acknowledged record the topic
 * has lost since.
 * <p>
 * The positions are read first and the topic after: an acknowledged event was on the topic before its
 * position was raised, so once the topic has been read as of the moment after the positions were,
 * "not read back" means "not on the topic", never "not read yet".
 */
@Component
class TopicRepairs {

    /** How many repaired (and failed) accounts a report lists; it counts the rest. */
    static final int LISTED = 1_000;

    private final TopicHistory history;
    private final RelayPositions positions;
    private final RelayPublisher publisher;
    private final RelayProperties relay;
    private final Clock clock = Clock.systemUTC();

    TopicRepairs(TopicHistory history, RelayPositions positions, RelayPublisher publisher, RelayProperties relay) {
        this.history = history;
        this.positions = positions;
        this.publisher = publisher;
        this.relay = relay;
    }

    /**
     * One pass; one at a time (the reconciler's and an admin's would publish the same events twice).
     *
     * @throws TopicNotReadYet when the topic could not be read back to the present within {@code waitForTopic}
     */
    synchronized TopicRepair repair(Duration waitForTopic) throws InterruptedException {
        Instant started = clock.instant();
        Map<String, Long> relayed = positions.all();
        Instant positionsRead = clock.instant();
        if (!history.awaitReadAsOf(positionsRead, waitForTopic)) {
            throw new TopicNotReadYet(relay.topic(), waitForTopic, history.readAsOf().orElse(null));
        }
        Set<String> accounts = new LinkedHashSet<>(relayed.keySet());
        history.holes().forEach(hole -> accounts.add(hole.accountId()));
        List<TopicRepair.RepairedAccount> repaired = new ArrayList<>();
        List<TopicRepair.UnrepairedAccount> failed = new ArrayList<>();
        long accountsRepaired = 0;
        long published = 0;
        for (String account : accounts) {
            SortedSet<Long> missing = history.missing(account, relayed.getOrDefault(account, -1L));
            if (missing.isEmpty()) {
                continue;
            }
            try {
                published += publisher.republish(account, missing, relay.ackTimeout());
                accountsRepaired++;
                if (repaired.size() < LISTED) {
                    repaired.add(new TopicRepair.RepairedAccount(account, missing));
                }
            } catch (RelayPublisher.RelayFailedException notPublished) {
                if (failed.size() < LISTED) {
                    failed.add(new TopicRepair.UnrepairedAccount(account, missing, notPublished.getMessage()));
                }
            }
        }
        return new TopicRepair(started, clock.instant(), history.readAsOf().orElseThrow(), accounts.size(),
                history.recordsRead(), repaired, accountsRepaired, published, failed);
    }

    /**
     * The topic has not been read back to the present in time: nothing can be told missing yet. Answered
     * 503 {@code /problems/topic-not-read-yet}: it carries its own problem.
     */
    static class TopicNotReadYet extends ErrorResponseException {
        TopicNotReadYet(String topic, Duration waited, Instant readAsOf) {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem("The events topic " + topic + " has not been read back to the"
                    + " present within " + waited + (readAsOf == null ? " (not yet read to its end once since start)"
                    : " (read as of " + readAsOf + ")") + ": is Kafka reachable? Nothing was compared or published;"
                    + " try again once the relay health component shows a recent topicReadAsOf."), null);
        }

        private static ProblemDetail problem(String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setType(URI.create("/problems/topic-not-read-yet"));
            problem.setTitle("Events topic not read yet");
            return problem;
        }

        @Override
        public String getMessage() {
            return getBody().getDetail();
        }
    }
}
