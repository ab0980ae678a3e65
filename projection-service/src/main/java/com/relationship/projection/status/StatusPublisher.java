package com.relationship.projection.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.StatusHeaders;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.ingest.EventTraces;
import com.relationship.projection.ingest.ProjectionMetrics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a status to the compacted status topic (key = account id, value = the {@link AccountStatus}
 * JSON of {@link ContractJson}, the headers of {@link StatusHeaders}, which the AsyncAPI document
 * declares), so the event's offset is committed only after both the read model and the topic have
 * it: inside a Kafka transaction (the listener's) the commit is that acknowledgement,
 * and fails the whole record if the send failed, so it does not wait here; without a transaction it
 * waits for the broker's acknowledgement.
 */
@Component
public class StatusPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final String topic;
    private final Duration ackTimeout;
    private final ProjectionMetrics metrics;
    private final EventTraces traces;

    /** @param traces the trace of the event the status changed for, carried on as a {@code traceparent} header */
    public StatusPublisher(KafkaTemplate<String, byte[]> kafka, ProjectionProperties properties,
                           ProjectionMetrics metrics, EventTraces traces) {
        this.traces = traces;
        if (properties.topics().status().equals(properties.topics().events())) {
            throw new IllegalStateException("projection.topics.status must not be the events topic "
                    + properties.topics().events() + ": the read side never writes events");
        }
        this.kafka = kafka;
        this.topic = properties.topics().status();
        this.ackTimeout = properties.publish().ackTimeout();
        this.metrics = metrics;
    }

    public void publish(AccountStatus status) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, status.accountId().toString(), toJson(status));
        StatusHeaders.all().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        traces.inject(record.headers());
        if (kafka.inTransaction()) {
            kafka.send(record).whenComplete((result, e) -> {
                if (e == null) {
                    metrics.published();
                }
            });
            return;
        }
        try {
            kafka.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            metrics.published();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusPublishException("Interrupted while publishing the status of " + status.accountId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StatusPublishException("The status topic " + topic + " did not acknowledge the status of "
                    + status.accountId() + " within " + ackTimeout, e);
        }
    }

    private byte[] toJson(AccountStatus status) {
        try {
            return json.writeValueAsBytes(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the status of " + status.accountId(), e);
        }
    }

    /** Transient: the event is retried, and its redelivery re-publishes the stored status. */
    public static class StatusPublishException extends RuntimeException {
        public StatusPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
