package com.relationship.service.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import com.relationship.service.infra.EventStoreProperties;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * How far the relay is behind the event store.
 * <ul>
 *   <li>{@code relationship.relay.events}: events Kafka acknowledged;</li>
 *   <li>{@code relationship.relay.failed.batches}: batches Kafka did not acknowledge, to be sent again;</li>
 *   <li>{@code relationship.relay.lag.events}: stored events newer than the relay's position (its
 *       slowest segment), counted in the event store at most every few seconds;</li>
 *   <li>{@code relationship.relay.lag.seconds}: how old the relay's position is while events are
 *       waiting; 0 when none are;</li>
 *   <li>{@code relationship.relay.stuck.seconds}: how long the oldest event that Kafka keeps refusing
 *       has been failing (it holds back its account's later events); 0 when none is;</li>
 *   <li>{@code relationship.relay.reconciled.events}: stored events the tracking query missed (late
 *       commits) and the relay published from the event store instead;</li>
 *   <li>{@code relationship.relay.repaired.events}: events the relay had passed that the topic did not
 *       hold, published again ({@link TopicRepairs});</li>
 *   <li>{@code relationship.relay.topic.holes}: accounts whose history on the topic has had a hole (a
 *       sequence missing below one that is there) for longer than the token claim timeout; the relay
 *       health component names them;</li>
 *   <li>{@code relationship.relay.topic.hole.seconds}: how long the oldest such hole has been open; 0 when none is.</li>
 * </ul>
 * The position is every segment's stored token, whichever instance holds it; a batch in flight is
 * counted as waiting until its token is stored.
 */
@Component
class RelayMetrics {

    private static final Duration RECOUNT_EVERY = Duration.ofSeconds(5);

    private final Counter relayed;
    private final Counter failedBatches;
    private final Counter reconciled;
    private final Counter repaired;
    private final MongoTemplate eventStore;
    private final Serializer serializer;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Lag> lastCount = new AtomicReference<>();

    record Lag(long events, double seconds, Instant countedAt) {
    }

    public RelayMetrics(MeterRegistry meters, MongoTemplate axonMongoTemplate, Serializer serializer,
                        RelayFailures failures, TopicHistory topic, EventStoreProperties store) {
        this.eventStore = axonMongoTemplate;
        this.serializer = serializer;
        this.relayed = Counter.builder("relationship.relay.events")
                .description("Events published to Kafka and acknowledged").register(meters);
        this.failedBatches = Counter.builder("relationship.relay.failed.batches")
                .description("Relay batches Kafka did not acknowledge; each is sent again").register(meters);
        Gauge.builder("relationship.relay.lag.events", this, metrics -> metrics.lag().events())
                .description("Stored events the relay has not yet published").register(meters);
        Gauge.builder("relationship.relay.lag.seconds", this, metrics -> metrics.lag().seconds())
                .description("Age of the relay's position while events wait; 0 when none do")
                .baseUnit("seconds").register(meters);
        Gauge.builder("relationship.relay.stuck.seconds", failures, f -> f.stuckFor().toMillis() / 1000.0)
                .description("How long the oldest event Kafka keeps refusing has been failing; 0 when none is")
                .baseUnit("seconds").register(meters);
        this.reconciled = Counter.builder("relationship.relay.reconciled.events")
                .description("Stored events the tracking query missed, published from the event store").register(meters);
        this.repaired = Counter.builder("relationship.relay.repaired.events")
                .description("Events the relay had passed that the topic did not hold, published again").register(meters);
        Duration holeGrace = store.tokenClaimTimeout();
        Gauge.builder("relationship.relay.topic.holes", topic, t -> t.holesOlderThan(holeGrace).size())
                .description("Accounts whose history on the events topic has had a hole for longer than the claim timeout")
                .register(meters);
        Gauge.builder("relationship.relay.topic.hole.seconds", topic, t -> t.holes().stream().findFirst()
                        .map(oldest -> Duration.between(oldest.since(), clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .description("How long the oldest hole in an account's history on the events topic has been open; 0 when none is")
                .baseUnit("seconds").register(meters);
    }

    void repaired(int events) {
        repaired.increment(events);
    }

    void relayed() {
        relayed.increment();
    }

    void batchFailed() {
        failedBatches.increment();
    }

    void reconciled() {
        reconciled.increment();
    }

    double failedBatches() {
        return failedBatches.count();
    }

    Lag lag() {
        Lag last = lastCount.get();
        Instant now = clock.instant();
        if (last != null && last.countedAt().plus(RECOUNT_EVERY).isAfter(now)) {
            return last;
        }
        Lag counted = count(now);
        lastCount.set(counted);
        return counted;
    }

    private Lag count(Instant now) {
        Optional<Instant> position = position();
        Document newer = position
                .map(at -> new Document("timestamp", new Document("$gt", formatInstant(at))))
                .orElseGet(Document::new);
        long waiting = eventStore.eventCollection().countDocuments(newer);
        double seconds = waiting == 0 || position.isEmpty() ? 0
                : Math.max(0, Duration.between(position.get(), now).toMillis() / 1000.0);
        return new Lag(waiting, seconds, now);
    }

    /**
     * The timestamp up to which every relay segment has published: the oldest of the segments'
     * stored tokens, read straight from the token store (reading through the TokenStore API would
     * claim the segments). Empty before the relay has stored a position.
     */
    Optional<Instant> position() {
        Instant slowest = null;
        for (Document entry : eventStore.trackingTokensCollection()
                .find(new Document("processorName", KafkaRelay.PROCESSING_GROUP))) {
            Binary token = entry.get("token", Binary.class);
            if (token == null) {
                return Optional.empty();
            }
            TrackingToken stored = new GenericTokenEntry<>(token.getData(), entry.getString("tokenType"),
                    Instant.EPOCH.toString(), null, KafkaRelay.PROCESSING_GROUP, entry.getInteger("segment"),
                    byte[].class).getToken(serializer);
            if (!(WrappedToken.unwrapLowerBound(stored) instanceof MongoTrackingToken mongoToken)) {
                return Optional.empty();
            }
            if (slowest == null || mongoToken.getTimestamp().isBefore(slowest)) {
                slowest = mongoToken.getTimestamp();
            }
        }
        return Optional.ofNullable(slowest);
    }
}
