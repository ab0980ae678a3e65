package com.relationship.projection.value;

import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.Topics;
import com.relationship.projection.churn.ChurnView;
import com.relationship.projection.ingest.PeriodicRefresh;
import com.relationship.projection.ingest.ReadModelPipeline;
import com.relationship.projection.status.StatusView;
import com.relationship.projection.profitability.ProfitabilityProperties;
import com.relationship.projection.readmodel.MongoLease;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The value tiers as published: the ledger every instance follows, the publisher one instance runs at a time, and
 * the topic they publish on.
 */
@Configuration(proxyBeanMethods = false)
class ValueTiersConfig {

    /** The collection the publisher's lease is kept in. */
    static final String LEASES = "projection_leases";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    TierLedger tierLedger(MongoDatabase projectionDatabase, ProfitabilityProperties profitability) {
        return new TierLedger(projectionDatabase, profitability.ranking().lookBack());
    }

    /**
     * When an account's tier changes its contact cadence, the read models that score churn with it (the churn risk
     * and the status's standing) make it due, so their next pass over time scores it with the new cadence.
     */
    @Bean
    TierPublisher tierPublisher(ValueRanking ranking, TierLedger ledger, MongoDatabase projectionDatabase,
                                KafkaTemplate<String, byte[]> kafka, ValueProperties value,
                                ReadModelPipeline<ChurnView> churnPipeline, ReadModelPipeline<StatusView> accountStatusPipeline,
                                Clock clock) {
        if (value.topic().equals(Topics.ACCOUNT_EVENTS)) {
            throw new IllegalStateException("projection.value.topic must not be the events topic " + Topics.ACCOUNT_EVENTS
                    + ": the read side never writes events");
        }
        // The lease runs on the wall clock of every instance, whatever clock the read models are given.
        MongoLease lease = new MongoLease(projectionDatabase.getCollection(LEASES), "value-tiers",
                ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID(), value.publisherLease(),
                Clock.systemUTC());
        return new TierPublisher(ranking, ledger, lease, kafka, value.topic(), ACK_TIMEOUT, accounts -> {
            churnPipeline.store().markDue(accounts, clock.instant());
            accountStatusPipeline.store().markDue(accounts, clock.instant());
        }, value.tierSettle(), System::nanoTime);
    }

    /** Every poll: follow the ledger; as the lease's holder, publish what the last ranking changed. */
    @Bean
    PeriodicRefresh tierPublishing(TierPublisher publisher, ValueProperties value, ProfitabilityProperties profitability) {
        return new PeriodicRefresh("value-tiers", value.poll(), profitability.ranking().busyPoll(), publisher::cycle);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "projection.topics.create", matchIfMissing = true)
    static class ValueTopic {

        /** Compacted, keyed by account, with the partitions of every topic (api-contracts {@code Topics.PARTITIONS}). */
        @Bean
        NewTopic accountValueTopic(ValueProperties value) {
            return TopicBuilder.name(value.topic()).partitions(Topics.PARTITIONS).compact().build();
        }
    }
}
