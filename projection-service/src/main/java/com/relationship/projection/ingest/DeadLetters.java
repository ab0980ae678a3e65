package com.relationship.projection.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The one way a record becomes a dead letter ({@link KafkaErrorHandling#recoverer}): the account marked
 * stale, the letter on the dead-letter topic with its reason, counted. Called by the container's error
 * handling and by the batch listener for a poison record in the middle of its batch (in the batch's
 * transaction, so letter and offsets commit together).
 */
public final class DeadLetters {

    private final ConsumerRecordRecoverer recoverer;

    DeadLetters(ConsumerRecordRecoverer recoverer) {
        this.recoverer = recoverer;
    }

    /** Dead-letters {@code record}, which the read model reading in {@code group} cannot apply. */
    void deadLetter(ConsumerRecord<?, ?> record, RuntimeException failure, String group) {
        // Named as the container names a listener's failure, so the recoverer finds the read model by its group.
        recoverer.accept(record, new ListenerExecutionFailedException("Listener failed", group, failure));
    }

    ConsumerRecordRecoverer recoverer() {
        return recoverer;
    }
}
