package com.relationship.service.relay;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only producer interceptor: makes the relay's record of one chosen event (account, sequence)
 * larger than the topic accepts, so the broker refuses it asynchronously with a
 * RecordTooLargeException, the non-retriable per-record error the idempotent producer does not
 * protect the order from. {@link #cure()} lets it through unchanged again.
 */
public class PoisonedEvents implements ProducerInterceptor<String, byte[]> {

    /** Larger than the test topic's max.message.bytes, smaller than the producer's max.request.size. */
    static final int PADDING = 600_000;

    private static final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private final AccountEventCodec codec = new AccountEventCodec();

    static void poison(String accountId, long sequence) {
        poisoned.add(accountId + "/" + sequence);
    }

    static void cure() {
        poisoned.clear();
    }

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        if (poisoned.isEmpty()) {
            return record;
        }
        EnvelopedAccountEvent event = codec.decode(record.value());
        if (!poisoned.contains(record.key() + "/" + event.sequence())) {
            return record;
        }
        ProducerRecord<String, byte[]> padded = new ProducerRecord<>(record.topic(), record.partition(),
                record.timestamp(), record.key(), record.value(), record.headers());
        padded.headers().add(new RecordHeader("test-padding", new byte[PADDING]));
        return padded;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
