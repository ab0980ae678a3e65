package com.relationship.service.infra;

import com.mongodb.client.MongoClient;
import com.relationship.security.personaldata.KeyStore;
import com.relationship.security.personaldata.MongoKeyStore;
import com.relationship.security.personaldata.PersonalData;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contacts' data keys (docs/personal-data.md): in the {@value MongoKeyStore#COLLECTION} collection of
 * the event store's database, so that the store and its keys are one MongoDB to run; projection-service
 * reads the same collection ({@code projection.personal-data.key-store-database}). A KMS or Vault
 * replaces this bean with its own {@link KeyStore}.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    KeyStore keyStore(MongoClient mongoClient, MongoConnectionDetails connection) {
        return new MongoKeyStore(AxonInfrastructure.database(mongoClient, connection));
    }

    @Bean
    PersonalData personalData(KeyStore keyStore) {
        return new PersonalData(keyStore);
    }
}
