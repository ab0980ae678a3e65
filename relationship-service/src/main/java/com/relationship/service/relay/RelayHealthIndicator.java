package com.relationship.service.relay;

import com.relationship.service.infra.EventStoreProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relay's own health component ({@code relay}), apart from readiness: commands are accepted
 * while Kafka is away, so the relay being behind must not take the instance out of service. It is
 * DOWN while an event has kept failing for longer than {@code relationship.relay.stuck-after}
 * (Kafka away, or an event Kafka refuses, holding back its account's later events), or while an
 * account's history on the topic has had a hole for longer than the token claim timeout (a stored
 * event the topic lacks below one it holds: {@link TopicHistory}), and shows the relay's position and
 * lag, the failing events, the last failure and the accounts with a hole.
 */
@Component("relay")
class RelayHealthIndicator extends AbstractHealthIndicator {

    private static final int HOLES_LISTED = 20;

    private final RelayMetrics metrics;
    private final RelayFailures failures;
    private final RelayProperties properties;
    private final TopicHistory topic;
    private final EventStoreProperties store;

    RelayHealthIndicator(RelayMetrics metrics, RelayFailures failures, RelayProperties properties, TopicHistory topic,
                         EventStoreProperties store) {
        super("The relay's state could not be read");
        this.metrics = metrics;
        this.failures = failures;
        this.properties = properties;
        this.topic = topic;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<RelayFailures.Failing> failing = failures.current();
        boolean stuck = failures.stuckFor().compareTo(properties.stuckAfter()) >= 0;
        List<TopicHistory.Hole> holes = topic.holesOlderThan(store.tokenClaimTimeout());
        (stuck || !holes.isEmpty() ? builder.down() : builder.up())
                .withDetail("stuck", stuck)
                .withDetail("topicHoles", holes.stream().limit(HOLES_LISTED).map(RelayHealthIndicator::describe).toList())
                .withDetail("topicHolesCount", holes.size())
                .withDetail("topicRecordsRead", topic.recordsRead())
                .withDetail("failing", failing.stream().map(RelayHealthIndicator::describe).toList())
                .withDetail("failedBatches", (long) metrics.failedBatches());
        failures.last().ifPresent(last -> builder.withDetail("lastFailure", describe(last)));
        topic.readAsOf().ifPresent(at -> builder.withDetail("topicReadAsOf", at.toString()));
        metrics.position().ifPresent(position -> builder.withDetail("position", position.toString()));
        RelayMetrics.Lag lag = metrics.lag();
        builder.withDetail("lagEvents", lag.events()).withDetail("lagSeconds", lag.seconds());
    }

    private static Map<String, Object> describe(TopicHistory.Hole hole) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("accountId", hole.accountId());
        detail.put("missing", hole.missing().stream().limit(HOLES_LISTED).toList());
        detail.put("openSince", hole.since().toString());
        return detail;
    }

    private static Map<String, Object> describe(RelayFailures.Failing failure) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("accountId", failure.accountId());
        detail.put("sequence", failure.sequence());
        if (failure.eventId() != null) {
            detail.put("eventId", failure.eventId());
        }
        detail.put("reason", failure.reason());
        detail.put("failingSince", failure.since().toString());
        detail.put("lastFailedAt", failure.lastAt().toString());
        detail.put("attempts", failure.attempts());
        return detail;
    }
}
