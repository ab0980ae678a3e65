package com.relationship.infra.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/** Skipped, not failed, where no Docker engine runs (as on the team's build machines). */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTest {

    @Test
    void startsAReplicaSetMongoAndAKafkaBroker() {
        try (ContainerInfrastructure infrastructure = ContainerInfrastructure.start();
             MongoClient client = MongoClients.create(infrastructure.mongoUri("relationship"))) {
            client.getDatabase("relationship").getCollection("probe").insertOne(new Document("_id", 1));

            assertThat(client.getDatabase("relationship").getCollection("probe").countDocuments()).isEqualTo(1);
            assertThat(infrastructure.createTopic("probe", 3, true)).isTrue();
        }
    }
}
