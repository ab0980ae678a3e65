package com.relationship.service.infra;

import com.relationship.service.audit.ChainedEventStorageStrategy;
import com.relationship.service.upcasting.EventProperties;
import com.relationship.service.upcasting.PurchaseRecordedUpcaster;
import com.relationship.service.upcasting.StoredRevisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ReadConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.ContractJson;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.StorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * Axon on MongoDB, wired by hand: the axon-mongo extension has no Boot 4 auto-configuration we
 * can rely on, and the defaults it would pick (1 s look-back, 100-event batches) are wrong for us.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventStoreProperties.class, EventProperties.class})
class AxonInfrastructure {

    /** Axon's {@code jackson} serializer picks this mapper up by name; it is the contracts' JSON form. */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return ContractJson.newObjectMapper();
    }

    /** Stored events carry the revision {@link StoredRevisions} gives them (no Axon annotation in the contracts). */
    @Bean
    RevisionResolver revisionResolver() {
        return new StoredRevisions();
    }

    @Bean
    CorrelationDataProvider auditMetadata() {
        return new AuditMetadata();
    }

    @Bean
    CommandTargetResolver accountCommandTargetResolver() {
        return new AccountCommandTargetResolver();
    }

    @Bean
    Cache accountCache(EventStoreProperties properties) {
        return properties.aggregateCache() ? new BoundedAggregateCache(properties.aggregateCacheSize()) : NoCache.INSTANCE;
    }

    /**
     * Short MongoDB timeouts, so a command during an outage answers 503 within seconds instead of
     * waiting the driver's 30 s server selection, and the readiness probe notices as quickly.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer eventStoreTimeouts(EventStoreProperties properties) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) properties.socketTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Events, snapshots and tokens live in the database the Mongo URI names ({@code spring.mongodb.uri}). */
    @Bean
    MongoTemplate axonMongoTemplate(MongoClient mongoClient, MongoConnectionDetails connection) {
        return DefaultMongoTemplate.builder().mongoDatabase(database(mongoClient, connection)).build();
    }

    @Bean
    StorageStrategy eventStorageStrategy(EventStoreProperties properties) {
        return new ChainedEventStorageStrategy(EventEntryConfiguration.getDefault(), properties.lookBack());
    }

    /** The same store, read majority-committed: what the relay publishes from. */
    @Bean
    CommittedEvents committedEvents(MongoClient mongoClient, MongoConnectionDetails connection,
                                    StorageStrategy eventStorageStrategy,
                                    @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer,
                                    EventStoreProperties properties, EventProperties events) {
        MongoTemplate majorityReads = DefaultMongoTemplate.builder()
                .mongoDatabase(database(mongoClient, connection).withReadConcern(ReadConcern.MAJORITY)).build();
        return new CommittedEvents(majorityReads, engine(majorityReads, eventStorageStrategy, eventSerializer,
                serializer, properties, events));
    }

    /**
     * Old stored forms are read as today's by the engine's upcaster chain, so every reader of the
     * store gets them upcast: the aggregate, history and replays, and the relay. Set here, on the
     * engine we build ourselves; Axon's configurer would only hand its chain to an engine it built.
     * Its event streams read majority-committed data ({@link StreamsReadCommitted}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate, StorageStrategy eventStorageStrategy,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, EventStoreProperties properties,
                                          EventProperties events, CommittedEvents committedEvents) {
        return new StreamsReadCommitted(engine(axonMongoTemplate, eventStorageStrategy, eventSerializer, serializer,
                properties, events), committedEvents.engine());
    }

    private static EventStorageEngine engine(MongoTemplate template, StorageStrategy eventStorageStrategy,
                                             Serializer eventSerializer, Serializer serializer,
                                             EventStoreProperties properties, EventProperties events) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .storageStrategy(eventStorageStrategy)
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(new PurchaseRecordedUpcaster(events.defaultCurrency())))
                .snapshotSerializer(serializer)
                .batchSize(properties.batchSize())
                .build();
    }

    static MongoDatabase database(MongoClient mongoClient, MongoConnectionDetails connection) {
        String database = connection.getConnectionString().getDatabase();
        return mongoClient.getDatabase(database != null ? database : "relationship");
    }

    /** Axon's own event store bean, with a cache sized for our tracking tokens ({@link EventStoreProperties#cachedEvents}). */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine, org.axonframework.config.Configuration axon,
                                  EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .cachedEvents(properties.cachedEvents())
                .fetchDelay(properties.fetchDelay().toMillis())
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, EventStoreProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(properties.tokenClaimTimeout())
                .nodeId(properties.effectiveNodeId())
                .build();
    }
}
