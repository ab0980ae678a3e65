package com.relationship.projection.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the contacts' data keys are ({@code projection.personal-data.*}, docs/personal-data.md).
 *
 * @param keyStoreDatabase the MongoDB database, on the server of {@code spring.mongodb.uri}, whose
 *                         {@code data_keys} collection holds the contacts' data keys: relationship-service's
 *                         event-store database (the one its {@code spring.mongodb.uri} names). Give this
 *                         service a database user that may only read that collection there
 */
@ConfigurationProperties("projection.personal-data")
public record PersonalDataProperties(@DefaultValue("relationship") String keyStoreDatabase) {
}
