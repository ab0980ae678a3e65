package com.relationship.projection.ingest;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.UnknownAccountEventException;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.readmodel.EventOrdering;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Re-drives the dead-letter topic after an upgrade: reads every letter on it (read_committed, from
 * the beginning to the end it has now, without a consumer group: nothing is committed), decodes the
 * original message again and applies it as the listener would, with the account's stale mark for
 * the letter removed in the same write. A letter that still cannot be applied stays where it is and
 * is reported; one already applied counts as such. Re-driving twice is harmless: the projection
 * recognises what it applied by sequence and event id.
 * <p>
 * Each letter is applied in a Kafka transaction of its own (the status publish needs one when the
 * producer is transactional); afterwards the account's stored status is published once more, so a
 * live event of the same account applied meanwhile by the listener is the latest value on the
 * status topic whichever publish landed last.
 */
@Component
public class DeadLetterRedrive {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    private final KafkaProperties kafka;
    private final String topic;
    private final AccountEventCodec codec;
    private final ReadModelListeners listeners;
    private final ProjectionMetrics metrics;
    private final TransactionTemplate transactions;

    public DeadLetterRedrive(KafkaProperties kafka, ProjectionProperties properties, AccountEventCodec codec,
                             ReadModelListeners listeners, ProjectionMetrics metrics,
                             ObjectProvider<KafkaTransactionManager<?, ?>> transactionManager) {
        this.kafka = kafka;
        this.topic = properties.topics().deadLetter();
        this.codec = codec;
        this.listeners = listeners;
        this.metrics = metrics;
        KafkaTransactionManager<?, ?> manager = transactionManager.getIfAvailable();
        this.transactions = manager == null ? null : new TransactionTemplate(manager);
    }

    public synchronized RedriveReport redrive() {
        Map<String, ConsumerRecord<String, byte[]>> letters = readLetters();
        int applied = 0;
        int parked = 0;
        int alreadyApplied = 0;
        List<StillFailing> failing = new ArrayList<>();
        for (Map.Entry<String, ConsumerRecord<String, byte[]>> letter : letters.entrySet()) {
            String source = sourceOf(letter.getValue());
            ConsumerRecord<String, byte[]> record = letter.getValue();
            try {
                EnvelopedAccountEvent event = ReadModelListeners.decode(codec, record.key(), record.value());
                ReadModelPipeline<?> pipeline = pipelineOf(record);
                EventOrdering.Kind kind = inTransaction(() -> pipeline.ingest(event, source));
                inTransaction(() -> {
                    pipeline.publishStored(event.accountId());
                    return null;
                });
                switch (kind) {
                    case APPLIED -> applied++;
                    case PARKED -> parked++;
                    case DUPLICATE -> alreadyApplied++;
                    default -> throw new IllegalStateException("Unknown outcome " + kind);
                }
                metrics.redriven(kind.name().toLowerCase(Locale.ROOT));
                log.info("Re-drove dead letter {} into {} (account {}, sequence {}): {}", source, pipeline.name(),
                        event.accountId(), event.sequence(), kind);
            } catch (RuntimeException e) {
                if (!KafkaErrorHandling.isPoison(e)) {
                    throw e; // MongoDB or Kafka down: the caller retries the whole re-drive
                }
                Throwable reason = KafkaErrorHandling.poisonReason(e);
                EnvelopeProbe probe = EnvelopeProbe.of(record);
                failing.add(new StillFailing(source, probe.accountId(), probe.sequence(), reason.getMessage()));
                metrics.redriven("still-failing");
                log.warn("Dead letter {} still cannot be applied: {}", source, reason.getMessage());
            }
        }
        RedriveReport report = new RedriveReport(topic, letters.size(), applied, parked, alreadyApplied, failing);
        log.info("Re-drive of {}: {}", topic, report);
        return report;
    }

    /**
     * The read model that dead-lettered the letter ({@link KafkaErrorHandling#READ_MODEL_HEADER}); letters
     * written before there was more than one read model have no header and are the status's.
     */
    private ReadModelPipeline<?> pipelineOf(ConsumerRecord<String, byte[]> letter) {
        String name = readModelOf(letter);
        return listeners.pipeline(name).orElseThrow(() -> new UnknownAccountEventException("The letter names read model "
                + name + ", which this service does not have"));
    }

    private String readModelOf(ConsumerRecord<String, byte[]> letter) {
        Header header = letter.headers().lastHeader(KafkaErrorHandling.READ_MODEL_HEADER);
        return header == null ? listeners.pipelines().get(0).name() : new String(header.value(), StandardCharsets.UTF_8);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions == null ? work.get() : transactions.execute(status -> work.get());
    }

    /** Every letter now on the topic, by read model and the source it was read from (the last copy of a letter written twice). */
    private Map<String, ConsumerRecord<String, byte[]>> readLetters() {
        Map<String, ConsumerRecord<String, byte[]>> letters = new LinkedHashMap<>();
        TopicToEnd.read(kafka, topic, "projection-service-redrive-" + UUID.randomUUID(), extent -> {
        }, record -> {
            // One letter per original and read model: each model letters its own copy.
            String key = readModelOf(record) + " " + sourceOf(record);
            letters.remove(key);
            letters.put(key, record);
        });
        return letters;
    }

    /** The source of the original, from Spring Kafka's dead-letter headers (as {@link KafkaErrorHandling#source}). */
    private static String sourceOf(ConsumerRecord<String, byte[]> letter) {
        Header topic = letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Header partition = letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Header offset = letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        if (topic == null || partition == null || offset == null) {
            return letter.topic() + "-" + letter.partition() + "@" + letter.offset();
        }
        return new String(topic.value(), StandardCharsets.UTF_8) + "-" + ByteBuffer.wrap(partition.value()).getInt()
                + "@" + ByteBuffer.wrap(offset.value()).getLong();
    }

    /**
     * What a re-drive did.
     *
     * @param examined       letters on the topic (each original once)
     * @param applied        applied now, with any events parked behind them
     * @param parked         readable now, but parked behind an earlier event still missing
     * @param alreadyApplied already in the read model (an earlier re-drive, or a redelivery)
     * @param stillFailing   still unreadable or unfoldable; they stay on the topic
     */
    public record RedriveReport(String topic, int examined, int applied, int parked, int alreadyApplied,
                                List<StillFailing> stillFailing) {
    }

    /** A letter that still cannot be applied, and why. */
    public record StillFailing(String source, UUID accountId, Long sequence, String reason) {
    }
}
