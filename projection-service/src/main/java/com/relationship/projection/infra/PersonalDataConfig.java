package com.relationship.projection.infra;

import com.mongodb.client.MongoClient;
import com.relationship.security.personaldata.KeyStore;
import com.relationship.security.personaldata.MongoKeyStore;
import com.relationship.security.personaldata.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contacts' data keys, read where relationship-service keeps them (docs/personal-data.md): the
 * committee and the timeline keep a contact's name, title, email and phone sealed and open them only in
 * an answer (the committee's, an auditor's timeline). This service only reads keys: it creates and destroys none.
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
}
