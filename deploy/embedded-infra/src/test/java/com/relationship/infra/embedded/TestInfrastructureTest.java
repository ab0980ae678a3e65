package com.relationship.infra.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInfrastructureTest {

    @Test
    void embeddedIsTheDefaultKind() {
        assertThat(TestInfrastructure.Kind.parse(null)).isEqualTo(TestInfrastructure.Kind.EMBEDDED);
        assertThat(TestInfrastructure.Kind.parse("")).isEqualTo(TestInfrastructure.Kind.EMBEDDED);
        assertThat(TestInfrastructure.Kind.parse(" Containers ")).isEqualTo(TestInfrastructure.Kind.CONTAINERS);
    }

    @Test
    void anUnknownKindIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> TestInfrastructure.Kind.parse("docker"))
                .hasMessageContaining("'embedded' or 'containers'");
    }

    @Test
    void theSharedInstanceIsStartedOnceAndServesBothMongoAndKafka() throws Exception {
        Infrastructure infrastructure = TestInfrastructure.shared();
        assertThat(TestInfrastructure.shared()).isSameAs(infrastructure);

        try (MongoClient client = MongoClients.create(infrastructure.mongoUri("relationship"))) {
            client.getDatabase("relationship").getCollection("probe").insertOne(new Document("_id", 1));
            assertThat(client.getDatabase("relationship").getCollection("probe").countDocuments()).isEqualTo(1);
        }
        assertThat(infrastructure.createTopic("probe", 1, false)).isTrue();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains("probe");
        }
    }
}
