package com.relationship.projection.infra;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.relationship.projection.readmodel.AppliedEventLedger;
import org.bson.Document;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/** The read models' database, named by {@code spring.mongodb.uri}, with the configured write concern. */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    static final String DEFAULT_DATABASE = "projection";

    @Bean
    MongoClientSettingsBuilderCustomizer projectionMongoTimeouts(ProjectionProperties properties) {
        long millis = properties.store().serverSelectionTimeout().toMillis();
        return settings -> settings.applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
    }

    /** The database every read model's collection is in. */
    @Bean
    MongoDatabase projectionDatabase(MongoClient client, MongoConnectionDetails connection,
                                     ProjectionProperties properties) {
        return database(client, connection, properties);
    }

    @Bean
    MongoCollection<Document> accountStatusCollection(MongoDatabase projectionDatabase, ProjectionProperties properties) {
        return projectionDatabase.getCollection(properties.store().collection());
    }

    @Bean
    AppliedEventLedger appliedEventLedger(MongoClient client, MongoConnectionDetails connection,
                                          ProjectionProperties properties) {
        return new AppliedEventLedger(database(client, connection, properties)
                .getCollection(properties.store().ledgerCollection()));
    }

    /**
     * The database of the URI with the configured write concern on every write: the offset of an event
     * is committed after its write returns, so the write must not be one a failover can roll back. The
     * embedded mongo-java-server ignores write concerns.
     */
    private static MongoDatabase database(MongoClient client, MongoConnectionDetails connection,
                                          ProjectionProperties properties) {
        String database = connection.getConnectionString().getDatabase();
        return client.getDatabase(database == null ? DEFAULT_DATABASE : database)
                .withWriteConcern(writeConcern(properties.store()));
    }

    static WriteConcern writeConcern(ProjectionProperties.Store store) {
        String w = store.writeConcern().trim();
        WriteConcern concern = w.chars().allMatch(Character::isDigit) ? new WriteConcern(Integer.parseInt(w))
                : new WriteConcern(w);
        return concern.withJournal(store.journal())
                .withWTimeout(store.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
