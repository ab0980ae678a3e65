package com.relationship.projection.infra;

import com.relationship.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The projection service's own settings ({@code projection.*}); Kafka and MongoDB connections are
 * Boot's {@code spring.kafka.*} and {@code spring.mongodb.*}.
 */
@ConfigurationProperties("projection")
public record ProjectionProperties(@DefaultValue TopicNames topics, @DefaultValue Store store,
                                   @DefaultValue Publish publish, @DefaultValue Retry retry,
                                   @DefaultValue Health health, @DefaultValue Metrics metrics,
                                   @DefaultValue Time time) {

    /**
     * @param events                the account events consumed
     * @param status                the compacted topic the statuses are published to
     * @param deadLetter            where unreadable events go, with the reason in the headers
     * @param create                create the status and dead-letter topics at start-up if missing (off
     *                              where operations own the topics)
     * @param statusPartitions      partitions of the status topic when it is created: {@link Topics#PARTITIONS},
     *                              as everywhere topics are created (local stack, deploy/k8s/create-topics.sh).
     *                              Never raise it on a live topic: Spring's KafkaAdmin would add partitions,
     *                              and that remaps keys of a compacted topic
     * @param deadLetterPartitions  partitions of the dead-letter topic when it is created: the same. Letters
     *                              are keyed by account, so one account's letters are in one partition and
     *                              a re-drive reads them in the order they were written
     * @param churnRisk             the compacted topic changes of churn band are published to (created with
     *                              {@code statusPartitions} partitions)
     */
    public record TopicNames(@DefaultValue(Topics.ACCOUNT_EVENTS) String events,
                             @DefaultValue(Topics.ACCOUNT_STATUS) String status,
                             @DefaultValue(Topics.ACCOUNT_EVENTS + ".DLT") String deadLetter,
                             @DefaultValue("true") boolean create,
                             @DefaultValue("" + Topics.PARTITIONS) int statusPartitions,
                             @DefaultValue("" + Topics.PARTITIONS) int deadLetterPartitions,
                             @DefaultValue(Topics.CHURN_RISK) String churnRisk) {
    }

    /**
     * @param collection             the read model's collection, in the database of {@code spring.mongodb.uri}
     * @param ledgerCollection       the event id of every (account, sequence) seen, to tell a redelivery
     *                               from a different event at an applied sequence
     * @param maxWriteAttempts       compare-and-set attempts per event before the record is retried as a whole
     * @param serverSelectionTimeout how long a Mongo call waits for a server before failing (the driver's
     *                               default, 30 s, would hold health checks and requests that long)
     * @param writeConcern           {@code w} of every read-model write: {@code majority} (default) or a
     *                               number of members. A write returns only once it would survive a
     *                               failover, so the offset committed after it never outruns it
     * @param journal                {@code j}: the write is in the journal on disk before it returns
     * @param writeTimeout           {@code wtimeout}: how long a write waits for the members; a timeout
     *                               fails the event, which is retried
     */
    public record Store(@DefaultValue("account_status") String collection,
                        @DefaultValue("account_event_ids") String ledgerCollection,
                        @DefaultValue("5") int maxWriteAttempts,
                        @DefaultValue("3s") Duration serverSelectionTimeout,
                        @DefaultValue("majority") String writeConcern,
                        @DefaultValue("true") boolean journal,
                        @DefaultValue("10s") Duration writeTimeout) {
    }

    /** @param ackTimeout how long to wait for the broker to acknowledge a status before retrying the event */
    public record Publish(@DefaultValue("10s") Duration ackTimeout) {
    }

    /**
     * Back-off for transient failures (MongoDB or Kafka down): doubles up to the maximum, never gives up.
     *
     * @param initialInterval the first wait before a failed batch is tried again
     * @param maxInterval     the longest wait between tries, however long the failure lasts
     */
    public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("30s") Duration maxInterval) {
    }

    /**
     * @param passInterval how often time passes for the read models that change without an event
     *                     ({@code TimePasses}: bonds running out, silence raising the churn risk)
     * @param initialDelay the first pass after start
     */
    public record Time(@DefaultValue("1m") Duration passInterval, @DefaultValue("15s") Duration initialDelay) {
    }

    /** @param kafkaTimeout how long the Kafka readiness check waits for the cluster to answer */
    public record Health(@DefaultValue("2s") Duration kafkaTimeout) {
    }

    /** @param parkedRefresh how often the parked-events gauge is recounted from MongoDB */
    public record Metrics(@DefaultValue("30s") Duration parkedRefresh) {
    }
}
