package com.relationship.service.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * @param lookBack               how far behind its last position the tracking query looks for events
 *                               that became visible late (a Mongo event store has no global
 *                               sequence; Axon's default of 1 s can skip a slow commit forever)
 * @param batchSize              events read per query when loading or replaying
 * @param aggregateCache         keep loaded accounts in memory; only for a single instance (the local
 *                               stack): with several, another instance's append makes the cached copy
 *                               stale, and a stale copy can refuse a command wrongly (decision 0011)
 * @param aggregateCacheSize     how many accounts the aggregate cache holds at most (least recently used
 *                               leave first)
 * @param tokenClaimTimeout      after how long another instance may take over a relay segment
 * @param nodeId                 this instance's name in the token store's claims; must differ between
 *                               instances. Blank: Axon's default, {@code pid@hostname} (the pod or container
 *                               name in a deployment, the pid on one machine)
 * @param serverSelectionTimeout how long a MongoDB call waits for a reachable server before it fails
 *                               (the driver's default, 30 s, would hold a command that long in an outage)
 * @param connectTimeout         how long opening a connection to MongoDB may take
 * @param socketTimeout          how long a MongoDB call waits for the answer to a request it sent; after
 *                               that the outcome of a write is unknown
 * @param cachedEvents           how many of the latest events the event store keeps in memory for the
 *                               relay's stream. Each holds its tracking token, and a Mongo token holds
 *                               every event id of its look-back: during a burst thousands, so Axon's
 *                               default cache of 10,000 events held gigabytes (JFR: 2 GB live, half-second
 *                               collections, while 10,000 events were relayed). The relay reads 100 at a time.
 * @param fetchDelay             how often the event store reads the store for events while it has none new (its
 *                               own commits wake it at once; this is how soon another instance's are seen;
 *                               Axon's default is 1 s)
 */
@ConfigurationProperties("relationship.event-store")
public record EventStoreProperties(@DefaultValue("5s") Duration lookBack,
                                   @DefaultValue("1000") int batchSize,
                                   @DefaultValue("false") boolean aggregateCache,
                                   @DefaultValue("10000") int aggregateCacheSize,
                                   @DefaultValue("10s") Duration tokenClaimTimeout,
                                   @DefaultValue("") String nodeId,
                                   @DefaultValue("2s") Duration serverSelectionTimeout,
                                   @DefaultValue("2s") Duration connectTimeout,
                                   @DefaultValue("10s") Duration socketTimeout,
                                   @DefaultValue("1000") int cachedEvents,
                                   @DefaultValue("100ms") Duration fetchDelay) {
    /** The configured node id, or Axon's own default ({@code pid@hostname}) when blank. */
    public String effectiveNodeId() {
        return nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
    }
}
