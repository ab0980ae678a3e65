package com.relationship.service.relay;

import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.service.infra.AuditMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Publishes every stored event to Kafka, keyed by account id so an account's events stay in one
 * partition, in order. It runs in a pooled streaming processor that follows the event store
 * (not on the command thread), so Kafka being down never refuses a command: the processor stops
 * at the first event it cannot publish and retries from its last token when Kafka is back.
 * Sends are asynchronous within a batch; {@link RelayAcknowledgements} waits for all of them
 * before the batch's token can be stored. Delivery is at least once: consumers skip an event
 * whose sequence they already applied.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    static final String PENDING_SENDS = KafkaRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final RelayProperties properties;
    private final RelayMetrics metrics;
    private final AccountEventCodec codec = new AccountEventCodec();

    public KafkaRelay(KafkaTemplate<String, byte[]> kafka, RelayProperties properties, RelayMetrics metrics) {
        this.kafka = kafka;
        this.properties = properties;
        this.metrics = metrics;
    }

    @EventHandler
    void on(AccountEvent event, DomainEventMessage<?> message) {
        MetaData metadata = message.getMetaData();
        EnvelopedAccountEvent enveloped = new EnvelopedAccountEvent(message.getIdentifier(), event.accountId(),
                message.getSequenceNumber(), message.getTimestamp(), text(metadata, AuditMetadata.ACTOR),
                text(metadata, AuditMetadata.CORRELATION_ID), text(metadata, AuditMetadata.CAUSATION_ID), event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.topic(), null,
                message.getTimestamp().toEpochMilli(), event.accountId().toString(), codec.encode(enveloped),
                List.of(new RecordHeader("content-type", AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
        CompletableFuture<?> sent = kafka.send(record)
                .thenRun(metrics::relayed);
        pendingSends().add(sent);
    }

    private static List<CompletableFuture<?>> pendingSends() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(PENDING_SENDS,
                key -> new CopyOnWriteArrayList<>());
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
