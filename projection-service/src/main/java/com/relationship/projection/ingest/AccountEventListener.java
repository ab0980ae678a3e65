package com.relationship.projection.ingest;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.UnknownAccountEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the account events (structured-mode CloudEvents). Each record runs in a Kafka transaction
 * of its own: the listener returns only after the read model is written, and the status publish and
 * the record's offset then commit together, so a crash in between redelivers the event, which the
 * projection recognises as a duplicate (and publishes the stored status again). Unreadable messages
 * and failures go to {@link KafkaErrorHandling}.
 */
@Component
public class AccountEventListener {

    /** MDC keys carried by every log line written while an event is applied. */
    public static final String MDC_CORRELATION_ID = "correlationId";
    public static final String MDC_ACCOUNT_ID = "accountId";
    public static final String MDC_EVENT_ID = "eventId";
    public static final String MDC_SEQUENCE = "sequence";

    private final AccountEventCodec codec;
    private final AccountEventIngestor ingestor;

    public AccountEventListener(AccountEventCodec codec, AccountEventIngestor ingestor) {
        this.codec = codec;
        this.ingestor = ingestor;
    }

    /** The id of the listener container, for {@link org.springframework.kafka.config.KafkaListenerEndpointRegistry}. */
    public static final String CONTAINER_ID = "account-status-projection";

    @KafkaListener(id = CONTAINER_ID, idIsGroup = false, topics = "${projection.topics.events}")
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        EnvelopedAccountEvent event = decode(codec, record.key(), record.value());
        try (MDC.MDCCloseable c = MDC.putCloseable(MDC_CORRELATION_ID, event.correlationId());
             MDC.MDCCloseable a = MDC.putCloseable(MDC_ACCOUNT_ID, event.accountId().toString());
             MDC.MDCCloseable e = MDC.putCloseable(MDC_EVENT_ID, event.eventId());
             MDC.MDCCloseable s = MDC.putCloseable(MDC_SEQUENCE, Long.toString(event.sequence()))) {
            ingestor.ingest(event);
        }
    }

    /**
     * Decodes a message, or says why it cannot be: whatever the decoder throws on these bytes it throws
     * again on every delivery (a missing subject, for one, fails inside it as a NullPointerException),
     * so every failure is poison for the dead-letter topic, never a reason to retry.
     */
    static EnvelopedAccountEvent decode(AccountEventCodec codec, String key, byte[] value) {
        if (value == null || value.length == 0) {
            throw new UnknownAccountEventException("Empty message (key " + key + "): not a CloudEvent");
        }
        try {
            return codec.decode(value);
        } catch (UnknownAccountEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnknownAccountEventException("Cannot decode the message (key " + key + "): " + e, e);
        }
    }
}
