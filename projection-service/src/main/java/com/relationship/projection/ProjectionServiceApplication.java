package com.relationship.projection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read side: folds the account events from Kafka into the account status read model in MongoDB,
 * serves it over REST and publishes every change to the compacted status topic.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProjectionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionServiceApplication.class, args);
    }
}
