package com.relationship.projection.ingest;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/** A record that failed only because its consumer lost a rebalance is retried at once, so the consumer can rejoin. */
class KafkaErrorHandlingTest {

    @Test
    void aCommitThatLostARebalanceIsRetriedWithoutBackOff() {
        Exception failure = new ListenerExecutionFailedException("listener failed", new KafkaException("send failed",
                new CommitFailedException("Specified group generation id is not valid")));
        assertThat(KafkaErrorHandling.lostRebalance(failure)).isTrue();
        BackOffExecution execution = KafkaErrorHandling.backOffFor(failure, null).start();
        assertThat(execution.nextBackOff()).isZero();
        assertThat(execution.nextBackOff()).isZero();
    }

    @Test
    void aFencedTransactionIsARebalanceToo() {
        assertThat(KafkaErrorHandling.lostRebalance(new KafkaException("commit", new ProducerFencedException("fenced"))))
                .isTrue();
    }

    @Test
    void anyOtherFailureKeepsTheGrowingBackOff() {
        assertThat(KafkaErrorHandling.lostRebalance(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("MongoDB is away")))).isFalse();
    }
}
