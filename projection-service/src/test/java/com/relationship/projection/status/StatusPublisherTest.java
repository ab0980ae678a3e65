package com.relationship.projection.status;

import com.relationship.contracts.Topics;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.ingest.ProjectionMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

class StatusPublisherTest {

    @Test
    @SuppressWarnings("unchecked")
    void refusesToPublishStatusesToTheEventsTopic() {
        ProjectionProperties properties = new ProjectionProperties(
                new ProjectionProperties.TopicNames(Topics.ACCOUNT_EVENTS, Topics.ACCOUNT_EVENTS, "dlt", false, 1, 1,
                        Topics.CHURN_RISK),
                null, new ProjectionProperties.Publish(Duration.ofSeconds(1)), null, null, null, null);

        assertThatThrownBy(() -> new StatusPublisher(mock(KafkaTemplate.class), properties,
                new ProjectionMetrics(new SimpleMeterRegistry())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never writes events");
    }
}
