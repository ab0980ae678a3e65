package com.relationship.projection.infra;

import com.relationship.infra.embedded.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTest {

    @Test
    void upWhenTheClusterAnswers() {
        try (KafkaHealthIndicator indicator = indicator(TestInfrastructure.shared().kafkaBootstrapServers())) {
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
        }
    }

    @Test
    void downQuicklyWhenNoBrokerListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KafkaHealthIndicator indicator = indicator("127.0.0.1:" + closedPort)) {
            long started = System.nanoTime();
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static KafkaHealthIndicator indicator(String bootstrapServers) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrapServers));
        ProjectionProperties properties = new ProjectionProperties(null, null, null, null,
                new ProjectionProperties.Health(Duration.ofMillis(800)), null, null);
        return new KafkaHealthIndicator(kafka, properties);
    }
}
