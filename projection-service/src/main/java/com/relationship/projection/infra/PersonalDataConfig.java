package com.relationship.projection.infra;

import com.mongodb.client.MongoClient;
import com.relationship.projection.readmodel.InconsistentEventStreamException;
import com.relationship.security.personaldata.KeyStore;
import com.relationship.security.personaldata.MongoKeyStore;
import com.relationship.security.personaldata.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.UnaryOperator;

/**
 * The contacts' data keys, read where relationship-service keeps them (docs/personal-data.md): the
 * committee opens a contact's sealed name, title, email and phone when it folds their ContactAdded, the
 * timeline when an auditor reads it. This service only reads keys: it creates and destroys none.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfig {

    @Bean
    KeyStore keyStore(MongoClient client, PersonalDataProperties properties) {
        return new MongoKeyStore(client.getDatabase(properties.keyStoreDatabase()));
    }

    @Bean
    PersonalData personalData(KeyStore keyStore) {
        return new PersonalData(keyStore);
    }

    /**
     * How a read model's fold opens a sealed datum: its plaintext, or {@code "[erased]"}. One altered since
     * it was sealed never opens, on any delivery: poison for the dead-letter topic, not a failure to retry
     * (a key store that cannot be reached is one, and is retried).
     */
    static UnaryOperator<String> opener(PersonalData personalData) {
        return sealed -> {
            try {
                return personalData.open(sealed);
            } catch (PersonalData.Tampered altered) {
                throw new InconsistentEventStreamException(altered.getMessage());
            }
        };
    }
}
