package com.relationship.projection.ingest;

import com.relationship.contracts.events.UnknownAccountEventException;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.status.InconsistentEventStreamException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when an event cannot be applied:
 * <ul>
 *     <li><b>poison</b> (not a CloudEvent, an unknown type or revision, a stream that cannot be folded):
 *     logged at ERROR with the reason, counted, and published to the dead-letter topic with Spring
 *     Kafka's exception headers; then the offset moves on. Retrying cannot help;</li>
 *     <li>anything else (MongoDB or Kafka down, write conflicts): retried with exponential back-off
 *     <b>without limit</b>, so the partition waits rather than skips an event. The maximum interval
 *     stays well below {@code max.poll.interval.ms}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class KafkaErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka, ProjectionProperties properties,
                                          ProjectionMetrics metrics) {
        String deadLetterTopic = properties.topics().deadLetter();
        // Partition -1: let the producer pick by key, so the dead-letter topic needs no particular partition count.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(deadLetterTopic, -1));
        ConsumerRecordRecoverer recoverer = (record, e) -> {
            Throwable reason = poisonReason(e);
            log.error("Dead-lettering {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), deadLetterTopic, reason.getMessage());
            metrics.deadLettered(reason);
            deadLetters.accept(record, e);
        };
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnknownAccountEventException.class, InconsistentEventStreamException.class);
        return handler;
    }

    /** Our own "cannot read this" exception in the chain (its message says why), else the root cause. */
    static Throwable poisonReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownAccountEventException || t instanceof InconsistentEventStreamException) {
                return t;
            }
        }
        return NestedExceptionUtils.getMostSpecificCause(e);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "projection.topics.create", matchIfMissing = true)
    static class Topics {

        @Bean
        KafkaAdmin.NewTopics projectionTopics(ProjectionProperties properties) {
            NewTopic status = TopicBuilder.name(properties.topics().status())
                    .partitions(properties.topics().statusPartitions()).compact().build();
            NewTopic deadLetter = TopicBuilder.name(properties.topics().deadLetter())
                    .partitions(properties.topics().deadLetterPartitions()).build();
            return new KafkaAdmin.NewTopics(status, deadLetter);
        }
    }
}
