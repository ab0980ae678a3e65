package com.relationship.projection.status;

import com.relationship.contracts.Topics;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ExchangeType;
import com.relationship.contracts.status.StatusHeaders;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.ingest.ProjectionMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StatusPublisherTest {

    @Test
    @SuppressWarnings("unchecked")
    void refusesToPublishStatusesToTheEventsTopic() {
        ProjectionProperties properties = properties(Topics.ACCOUNT_EVENTS);

        assertThatThrownBy(() -> new StatusPublisher(mock(KafkaTemplate.class), properties,
                new ProjectionMetrics(new SimpleMeterRegistry()), com.relationship.projection.ingest.EventTraces.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never writes events");
    }

    /** The headers the AsyncAPI document declares for the status message (api-contracts' StatusHeaders), no more. */
    @Test
    @SuppressWarnings("unchecked")
    void setsExactlyTheHeadersTheContractDeclares() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        UUID account = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");

        new StatusPublisher(kafka, properties(Topics.ACCOUNT_STATUS), new ProjectionMetrics(new SimpleMeterRegistry()),
                com.relationship.projection.ingest.EventTraces.NONE)
                .publish(new AccountStatus(account, "Acme", null, LifecycleStage.PROSPECT, null, null, null, null, null,
                        null, ExchangeType.TRANSACTIONAL, 0, null, null, 0, null, false, null));

        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : sent.getValue().headers()) {
            assertThat(headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)))
                    .as("header %s set once", header.key()).isNull();
        }
        assertThat(headers).containsExactlyEntriesOf(StatusHeaders.all());
        assertThat(sent.getValue().topic()).isEqualTo(Topics.ACCOUNT_STATUS);
        assertThat(sent.getValue().key()).isEqualTo(account.toString());
    }

    private static ProjectionProperties properties(String statusTopic) {
        return new ProjectionProperties(
                new ProjectionProperties.TopicNames(Topics.ACCOUNT_EVENTS, statusTopic, "dlt", false, 1, 1,
                        Topics.CHURN_RISK),
                null, new ProjectionProperties.Publish(Duration.ofSeconds(1)), null, null, null, null);
    }
}
