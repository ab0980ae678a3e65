package com.relationship.service.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.relationship.service.infra.EventStoreProperties;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The relay instances alive right now, and each one's fair share of the relay's segments. Every
 * instance records a heartbeat ({@code {_id: nodeId, seen}}) in collection {@value #COLLECTION} beside
 * the token store, at most every fifth of the claim timeout; an instance unseen for a claim timeout
 * is gone. Axon's pooled processor asks {@link #getMaxSegments} on every coordination round and
 * releases segments above it, so a second instance gets half the segments within seconds, and a
 * survivor may claim all of them once the other's claims and heartbeat have expired. Without it the
 * first instance keeps every segment and the others only stand by.
 * <p>
 * An instance that shuts down removes its heartbeat first (this lifecycle stops before Axon's), so
 * the others raise their share at once and take the segments it releases. The first live node id
 * (in sort order) {@link #leads()}: the one instance that runs the {@link RelayReconciler}.
 */
@Component
class RelayNodes implements MaxSegmentProvider, SmartLifecycle {

    static final String COLLECTION = "relay_nodes";
    private static final Logger log = LoggerFactory.getLogger(RelayNodes.class);

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> tokens;
    private final String nodeId;
    private final Duration aliveFor;
    private final Duration refreshEvery;
    private final int initialSegments;
    private final Clock clock;
    private View view;
    private volatile boolean left;
    private volatile boolean running;

    /** Who is alive and how many segments there are, as of {@code at}. */
    record View(SortedSet<String> live, int segments, Instant at) {

        int share() {
            return (segments + live.size() - 1) / live.size();
        }
    }

    @Autowired
    RelayNodes(MongoClient client, MongoTemplate axonMongoTemplate, EventStoreProperties store,
               @Value("${axon.eventhandling.processors.kafka-relay.initial-segment-count:4}") int initialSegments) {
        this(client, axonMongoTemplate, store.effectiveNodeId(), store.tokenClaimTimeout(), initialSegments,
                Clock.systemUTC());
    }

    RelayNodes(MongoClient client, MongoTemplate axonMongoTemplate, String nodeId, Duration claimTimeout,
               int initialSegments, Clock clock) {
        String database = axonMongoTemplate.trackingTokensCollection().getNamespace().getDatabaseName();
        this.nodes = client.getDatabase(database).getCollection(COLLECTION);
        this.tokens = axonMongoTemplate.trackingTokensCollection();
        this.nodeId = nodeId;
        this.aliveFor = claimTimeout;
        this.refreshEvery = RelayConfiguration.claimExtension(claimTimeout);
        this.initialSegments = initialSegments;
        this.clock = clock;
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        return current().share();
    }

    /** Whether this instance is the one that runs work meant to run once for all of them. */
    boolean leads() {
        return !left && current().live().first().equals(nodeId);
    }

    String nodeId() {
        return nodeId;
    }

    synchronized View current() {
        Instant now = clock.instant();
        if (view == null || !now.isBefore(view.at().plus(refreshEvery))) {
            View previous = view;
            view = look(now);
            if (previous != null && !previous.live().equals(view.live())) {
                log.info("Relay instances now {}: this one ({}) takes up to {} of {} segments", view.live(), nodeId,
                        view.share(), view.segments());
            }
        }
        return view;
    }

    private View look(Instant now) {
        if (!left) {
            nodes.updateOne(new Document("_id", nodeId), new Document("$set", new Document("seen", Date.from(now))),
                    new UpdateOptions().upsert(true));
        }
        SortedSet<String> live = new TreeSet<>();
        live.add(nodeId); // whatever the store says, this instance is running the processor that asks
        Instant cutoff = now.minus(aliveFor);
        for (Document node : nodes.find()) {
            if (node.getDate("seen") != null && node.getDate("seen").toInstant().isAfter(cutoff)) {
                live.add(node.getString("_id"));
            }
        }
        int segments = (int) tokens.countDocuments(new Document("processorName", KafkaRelay.PROCESSING_GROUP));
        return new View(live, segments > 0 ? segments : initialSegments, now);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Leaves the relay group before Axon releases this instance's segments (this phase stops first). */
    @Override
    public void stop() {
        running = false;
        left = true;
        try {
            nodes.deleteOne(new Document("_id", nodeId));
            synchronized (this) {
                view = null;
            }
            log.info("Relay instance {} left; the others take its segments as it releases them", nodeId);
        } catch (RuntimeException unreachable) {
            log.warn("Could not remove relay instance {} from {}; the others take over after {}: {}", nodeId,
                    COLLECTION, aliveFor, unreachable.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
