package com.relationship.projection.ingest;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.UnknownAccountEventException;
import com.relationship.projection.infra.ProjectionProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One listener container per read model, each in a consumer group of its own, all on the account
 * events topic (structured-mode CloudEvents). The listener takes what one poll returned (a batch, up
 * to {@code max.poll.records}) and applies it in one Kafka transaction, all together when it can
 * ({@link ReadModelPipeline#ingestBatch}: each account's events folded and written once), otherwise
 * record by record in partition order: what the model publishes for the whole batch and the batch's offsets commit together,
 * so a crash in between redelivers the batch, whose applied events the pipeline recognises as
 * duplicates (and the model publishes their stored views again). One transaction per batch instead of
 * one per record is what lets the read models keep up with a burst (issue 10: a transaction costs
 * several broker round trips, and three read models paid them for every event).
 * <p>
 * A poison record (see {@link KafkaErrorHandling}) is dead-lettered in the middle of its batch, in the
 * batch's transaction, and the records after it are applied. Any other failure rolls the whole batch
 * back; it is retried from its first record with back-off, and the records before the failure come
 * back as duplicates.
 * <p>
 * Consumer groups: {@link com.relationship.projection.readmodel.ReadModel#consumerGroup}, from
 * {@code spring.kafka.consumer.group-id}.
 * Rewinding or rebuilding one read model is resetting its group's offsets; the others do not notice.
 */
@Component
public class ReadModelListeners implements KafkaListenerConfigurer {

    /** MDC keys carried by every log line written while an event is applied. */
    public static final String MDC_CORRELATION_ID = "correlationId";
    public static final String MDC_ACCOUNT_ID = "accountId";
    public static final String MDC_EVENT_ID = "eventId";
    public static final String MDC_SEQUENCE = "sequence";
    public static final String MDC_READ_MODEL = "readModel";

    /** The id of the account status's listener container, for {@link org.springframework.kafka.config.KafkaListenerEndpointRegistry}. */
    public static final String CONTAINER_ID = "account-status-projection";

    private final List<ReadModelPipeline<?>> pipelines;
    private final AccountEventCodec codec;
    private final ObjectProvider<DeadLetters> deadLetters;
    private final String topic;
    private final String baseGroup;

    public ReadModelListeners(List<ReadModelPipeline<?>> pipelines, AccountEventCodec codec,
                              ProjectionProperties properties, KafkaProperties kafka,
                              ObjectProvider<DeadLetters> deadLetters) {
        this.pipelines = pipelines;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.topic = properties.topics().events();
        this.baseGroup = kafka.getConsumer().getGroupId() == null ? "projection-service" : kafka.getConsumer().getGroupId();
    }

    /** The listener container's id of a read model. */
    public static String containerId(String readModel) {
        return readModel + "-projection";
    }

    /** The consumer group of a read model. */
    public String groupOf(String readModel) {
        return pipeline(readModel).orElseThrow().model().consumerGroup(baseGroup);
    }

    /** The pipeline that reads in {@code group}, if any. */
    public Optional<ReadModelPipeline<?>> pipelineOfGroup(String group) {
        return pipelines.stream().filter(p -> groupOf(p.name()).equals(group)).findFirst();
    }

    public Optional<ReadModelPipeline<?>> pipeline(String readModel) {
        return pipelines.stream().filter(p -> p.name().equals(readModel)).findFirst();
    }

    public List<ReadModelPipeline<?>> pipelines() {
        return pipelines;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory handlers = new DefaultMessageHandlerMethodFactory();
        handlers.afterPropertiesSet();
        for (ReadModelPipeline<?> pipeline : pipelines) {
            MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(containerId(pipeline.name()));
            endpoint.setGroupId(groupOf(pipeline.name()));
            endpoint.setTopics(topic);
            endpoint.setBean(new Listener(pipeline, codec, groupOf(pipeline.name()), deadLetters));
            endpoint.setMethod(ON_EVENTS);
            endpoint.setBatchListener(true);
            endpoint.setMessageHandlerMethodFactory(handlers);
            registrar.registerEndpoint(endpoint);
        }
    }

    private static final Method ON_EVENTS;

    static {
        try {
            ON_EVENTS = Listener.class.getMethod("onEvents", List.class);
        } catch (NoSuchMethodException e) {
            throw new BeanInitializationException("Listener#onEvents is missing", e);
        }
    }

    /** The listener of one read model's container. */
    public static final class Listener {

        private static final Logger log = LoggerFactory.getLogger(Listener.class);

        private final ReadModelPipeline<?> pipeline;
        private final AccountEventCodec codec;
        private final String group;
        private final ObjectProvider<DeadLetters> deadLetters;

        Listener(ReadModelPipeline<?> pipeline, AccountEventCodec codec, String group,
                 ObjectProvider<DeadLetters> deadLetters) {
            this.pipeline = pipeline;
            this.codec = codec;
            this.group = group;
            this.deadLetters = deadLetters;
        }

        /**
         * One poll's records, in partition order: the whole batch at once when it is the common case
         * ({@link ReadModelPipeline#ingestBatch}), otherwise, or when that fails, record by record.
         */
        public void onEvents(List<ConsumerRecord<String, byte[]>> records) {
            if (records.size() > 1 && ingestedTogether(records)) {
                return;
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    onEvent(record);
                } catch (RuntimeException e) {
                    if (!KafkaErrorHandling.isPoison(e)) {
                        throw new BatchListenerFailedException(pipeline.name() + ": cannot apply "
                                + KafkaErrorHandling.source(record) + " now; the batch is retried", e, record);
                    }
                    deadLetters.getObject().deadLetter(record, e, group);
                }
            }
        }

        /** False, having written nothing or only what the record-by-record path recognises as applied, to fall back. */
        private boolean ingestedTogether(List<ConsumerRecord<String, byte[]>> records) {
            List<EnvelopedAccountEvent> events = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    events.add(decode(codec, record.key(), record.value()));
                } catch (RuntimeException poison) {
                    return false; // dead-lettered on the record-by-record path
                }
            }
            try (MDC.MDCCloseable m = MDC.putCloseable(MDC_READ_MODEL, pipeline.name())) {
                return pipeline.ingestBatch(events);
            } catch (RuntimeException e) {
                log.warn("{}: a batch of {} records could not be applied together ({}); applying it record by record",
                        pipeline.name(), records.size(), e.toString());
                return false;
            }
        }

        void onEvent(ConsumerRecord<String, byte[]> record) {
            EnvelopedAccountEvent event = decode(codec, record.key(), record.value());
            try (MDC.MDCCloseable c = MDC.putCloseable(MDC_CORRELATION_ID, event.correlationId());
                 MDC.MDCCloseable a = MDC.putCloseable(MDC_ACCOUNT_ID, event.accountId().toString());
                 MDC.MDCCloseable e = MDC.putCloseable(MDC_EVENT_ID, event.eventId());
                 MDC.MDCCloseable s = MDC.putCloseable(MDC_SEQUENCE, Long.toString(event.sequence()));
                 MDC.MDCCloseable m = MDC.putCloseable(MDC_READ_MODEL, pipeline.name())) {
                pipeline.ingest(event);
            }
        }
    }

    /**
     * Decodes a message, or says why it cannot be: whatever the decoder throws on these bytes it throws
     * again on every delivery (a missing subject, for one, fails inside it as a NullPointerException),
     * so every failure is poison for the dead-letter topic, never a reason to retry.
     */
    public static EnvelopedAccountEvent decode(AccountEventCodec codec, String key, byte[] value) {
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
