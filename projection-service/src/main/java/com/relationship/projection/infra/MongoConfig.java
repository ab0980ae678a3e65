package com.relationship.projection.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.projection.status.AccountStatusDocuments;
import com.relationship.projection.status.AccountStatusStore;
import org.bson.Document;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/** The read model's collection in the database named by {@code spring.mongodb.uri}. */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    static final String DEFAULT_DATABASE = "projection";

    @Bean
    MongoClientSettingsBuilderCustomizer projectionMongoTimeouts(ProjectionProperties properties) {
        long millis = properties.store().serverSelectionTimeout().toMillis();
        return settings -> settings.applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
    }

    @Bean
    MongoCollection<Document> accountStatusCollection(MongoClient client, MongoConnectionDetails connection,
                                                      ProjectionProperties properties) {
        String database = connection.getConnectionString().getDatabase();
        return client.getDatabase(database == null ? DEFAULT_DATABASE : database)
                .getCollection(properties.store().collection());
    }

    @Bean
    AccountStatusStore accountStatusStore(MongoCollection<Document> accountStatusCollection, AccountEventCodec codec) {
        return new AccountStatusStore(accountStatusCollection, new AccountStatusDocuments(codec));
    }
}
