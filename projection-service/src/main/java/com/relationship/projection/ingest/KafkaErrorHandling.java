package com.relationship.projection.ingest;

import com.relationship.contracts.events.UnknownAccountEventException;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.readmodel.DeadLetterMark;
import com.relationship.projection.readmodel.InconsistentEventStreamException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.SeekUtils;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What happens when an event cannot be applied:
 * <ul>
 *     <li><b>poison</b> (not a CloudEvent, empty, no subject, an unknown type or revision, a bad payload,
 *     a stream that cannot be folded, a different event at a sequence already seen): logged at ERROR
 *     with the reason, counted, the account marked stale (when the subject or key names one), and
 *     published to the dead-letter topic with Spring Kafka's exception headers and ours
 *     ({@value #REASON_HEADER}, {@value #ACCOUNT_HEADER}, ...); then the offset moves on. Retrying
 *     cannot help; a re-drive after an upgrade can ({@link DeadLetterRedrive}). An event dead-lettered
 *     at sequence n leaves a gap: the account's later events park behind it until the re-drive;</li>
 *     <li>anything else (MongoDB or Kafka down, write conflicts): retried with exponential back-off
 *     <b>without limit</b>, so the partition waits rather than skips an event. The maximum interval
 *     stays well below {@code max.poll.interval.ms}.</li>
 * </ul>
 * The listeners take batches ({@link ReadModelListeners}): a poison record is dead-lettered by the
 * listener itself ({@link DeadLetters}) in the batch's transaction, and the rest of the batch goes on.
 * Any other failure rolls the batch back (with Kafka transactions, the default:
 * {@code spring.kafka.producer.transaction-id-prefix}) and the after-rollback processor retries it; without
 * transactions the container's error handler retries from the failed record.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaErrorHandling {

    public static final String REASON_HEADER = "projection-dlt-reason";
    public static final String REASON_TYPE_HEADER = "projection-dlt-reason-type";
    public static final String ACCOUNT_HEADER = "projection-dlt-account-id";
    public static final String SEQUENCE_HEADER = "projection-dlt-sequence";
    public static final String EVENT_ID_HEADER = "projection-dlt-event-id";
    /** The read model that could not apply the message (each has its own consumer group, so each letters its own copy). */
    public static final String READ_MODEL_HEADER = "projection-dlt-read-model";

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);
    private static final Class<?>[] POISON = {UnknownAccountEventException.class,
            InconsistentEventStreamException.class, ConflictingEventException.class};

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, byte[]> kafka, ProjectionProperties properties,
                            ProjectionMetrics metrics, ObjectProvider<ReadModelListeners> listeners) {
        return new DeadLetters(recoverer(kafka, properties, metrics, listeners));
    }

    @Bean
    @ConditionalOnProperty("spring.kafka.producer.transaction-id-prefix")
    DefaultAfterRollbackProcessor<Object, Object> kafkaAfterRollbackProcessor(
            KafkaTemplate<String, byte[]> kafka, ProjectionProperties properties, DeadLetters deadLetters) {
        DefaultAfterRollbackProcessor<Object, Object> processor = new BatchAfterRollback(
                deadLetters.recoverer(), backOff(properties), kafka);
        return classify(processor, properties);
    }

    /**
     * A rolled-back batch is sought back to its first record and retried after the growing back-off,
     * without limit (a poison record never gets here: the listener dead-letters it in its batch). One
     * that lost a rebalance is retried at once, as {@link #backOffFor} does for a record: the consumer
     * rejoins the group only by polling again. Spring Kafka's batch path takes the processor's own
     * back-off, not the back-off function, hence this override.
     */
    static final class BatchAfterRollback extends DefaultAfterRollbackProcessor<Object, Object> {

        BatchAfterRollback(ConsumerRecordRecoverer recoverer, BackOff backOff, KafkaTemplate<String, byte[]> kafka) {
            super(recoverer, backOff, kafka, true);
        }

        @Override
        public void processBatch(ConsumerRecords<Object, Object> records, List<ConsumerRecord<Object, Object>> recordList,
                                 Consumer<Object, Object> consumer, MessageListenerContainer container,
                                 Exception exception, boolean recoverable, ContainerProperties.EOSMode eosMode) {
            if (lostRebalance(exception)) {
                SeekUtils.doSeeksToBegin(List.copyOf(recordList), consumer, logger);
                return;
            }
            super.processBatch(records, recordList, consumer, container, exception, recoverable, eosMode);
        }
    }

    /**
     * Only without transactions: with a transaction manager and no error handler the container hands
     * every failure to the after-rollback processor, while an error handler bean would run first (and
     * Spring Kafka's default one gives up after ten attempts).
     */
    @Bean
    @Conditional(WithoutTransactions.class)
    DefaultErrorHandler kafkaErrorHandler(ProjectionProperties properties, DeadLetters deadLetters) {
        return classify(new DefaultErrorHandler(deadLetters.recoverer(), backOff(properties)), properties);
    }

    static class WithoutTransactions extends NoneNestedConditions {
        WithoutTransactions() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("spring.kafka.producer.transaction-id-prefix")
        static class TransactionIdPrefixSet {
        }
    }

    private static <T extends FailedRecordProcessor> T classify(T processor, ProjectionProperties properties) {
        for (Class<?> poison : POISON) {
            @SuppressWarnings("unchecked")
            Class<? extends Exception> type = (Class<? extends Exception>) poison;
            processor.addNotRetryableExceptions(type);
        }
        processor.setBackOffFunction((record, failure) -> backOffFor(failure, properties));
        return processor;
    }

    /**
     * A record whose offset commit lost a rebalance (another instance joined or left the group, so this
     * consumer's generation is stale, or its transaction was fenced) is tried again at once: the back-off
     * runs on the consumer thread, which can rejoin the group only by polling again, so a growing
     * back-off (up to 30 s a try) held the partitions of a killed instance for a minute and more. The
     * fold is idempotent, so applying the record again under the new generation is safe.
     */
    static BackOff backOffFor(Throwable failure, ProjectionProperties properties) {
        return lostRebalance(failure) ? REJOIN_AT_ONCE : backOff(properties);
    }

    private static final BackOff REJOIN_AT_ONCE = new FixedBackOff(0, FixedBackOff.UNLIMITED_ATTEMPTS);

    static boolean lostRebalance(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommitFailedException || cause instanceof RebalanceInProgressException
                    || cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff backOff(ProjectionProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        return backOff;
    }

    private static ConsumerRecordRecoverer recoverer(KafkaTemplate<String, byte[]> kafka, ProjectionProperties properties,
                                                     ProjectionMetrics metrics, ObjectProvider<ReadModelListeners> listeners) {
        String deadLetterTopic = properties.topics().deadLetter();
        // Partition -1: let the producer pick by key, so the dead-letter topic needs no particular partition count.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(deadLetterTopic, -1));
        deadLetters.setHeadersFunction((record, e) -> headers(EnvelopeProbe.of(record), poisonReason(e),
                pipelineOf(listeners.getObject(), e).name()));
        Clock clock = Clock.systemUTC();
        return (record, e) -> {
            Throwable reason = poisonReason(e);
            EnvelopeProbe probe = EnvelopeProbe.of(record);
            ReadModelPipeline<?> pipeline = pipelineOf(listeners.getObject(), e);
            log.error("{}: dead-lettering {}-{}@{} (key {}, account {}, sequence {}) to {}: {}", pipeline.name(),
                    record.topic(), record.partition(), record.offset(), record.key(), probe.accountId(),
                    probe.sequence(), deadLetterTopic, reason.getMessage());
            if (probe.accountId() != null) {
                // First, so a failure here (MongoDB down) retries the record instead of losing the mark.
                pipeline.markStale(probe.accountId(), new DeadLetterMark(source(record), probe.sequence(),
                        probe.eventId(), reason.getMessage(), clock.instant()));
            }
            deadLetters.accept(record, e);
            metrics.deadLettered(pipeline.name(), reason);
        };
    }

    /**
     * The read model whose listener failed: the failure names its consumer group. Only the status
     * model's container exists without one (a container not made by {@link ReadModelListeners}), so
     * that is the fallback.
     */
    static ReadModelPipeline<?> pipelineOf(ReadModelListeners listeners, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ListenerExecutionFailedException failed && failed.getGroupId() != null) {
                Optional<ReadModelPipeline<?>> pipeline = listeners.pipelineOfGroup(failed.getGroupId());
                if (pipeline.isPresent()) {
                    return pipeline.get();
                }
            }
        }
        return listeners.pipelines().get(0);
    }

    /** Identifies a letter: where its original was read. */
    static String source(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static Headers headers(EnvelopeProbe probe, Throwable reason, String readModel) {
        Headers headers = new RecordHeaders();
        add(headers, READ_MODEL_HEADER, readModel);
        add(headers, REASON_HEADER, reason.getMessage());
        add(headers, REASON_TYPE_HEADER, reason.getClass().getSimpleName());
        add(headers, ACCOUNT_HEADER, probe.accountId() == null ? null : probe.accountId().toString());
        add(headers, SEQUENCE_HEADER, probe.sequence() == null ? null : probe.sequence().toString());
        add(headers, EVENT_ID_HEADER, probe.eventId());
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Retrying cannot help: one of our "cannot read or fold this" exceptions is in the chain. */
    static boolean isPoison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> poison : POISON) {
                if (poison.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Our own "cannot read this" exception in the chain (its message says why), else the root cause. */
    static Throwable poisonReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> poison : POISON) {
                if (poison.isInstance(t)) {
                    return t;
                }
            }
        }
        return NestedExceptionUtils.getMostSpecificCause(e);
    }

    /**
     * The topics this service writes. The dead-letter topic keeps everything ({@code retention.ms=-1}):
     * a letter is the only copy of an event the read model has not applied until it is re-driven. The
     * events topic is never created here (the write side owns it).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "projection.topics.create", matchIfMissing = true)
    static class Topics {

        @Bean
        KafkaAdmin.NewTopics projectionTopics(ProjectionProperties properties) {
            NewTopic status = TopicBuilder.name(properties.topics().status())
                    .partitions(properties.topics().statusPartitions()).compact().build();
            NewTopic deadLetter = TopicBuilder.name(properties.topics().deadLetter())
                    .partitions(properties.topics().deadLetterPartitions())
                    .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
            NewTopic churnRisk = TopicBuilder.name(properties.topics().churnRisk())
                    .partitions(properties.topics().statusPartitions()).compact().build();
            return new KafkaAdmin.NewTopics(status, deadLetter, churnRisk);
        }
    }
}
