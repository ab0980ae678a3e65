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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Re-drives the dead-letter topic after an upgrade: reads every letter on it (read_committed, from
 * the beginning to the end it has now, without a consumer group: nothing is committed), decodes the
 * original message again and applies it as the listener would, with the account's stale mark for
 * the letter removed in the same write. A letter that still cannot be applied stays where it is and
 * is reported; one already applied counts as such. Re-driving twice is harmless: the projection
 * recognises what it applied by sequence and event id.
 * <p>
 * Letters are applied as they are read, one poll at a time, never gathered first: the topic keeps
 * every letter ever written (retention -1), so it only grows, and a re-drive must not need memory
 * for all of it. The report lists the first {@value #LISTED} letters that still fail and counts the
 * rest. A letter written twice (a redelivery before the first copy's offset was committed) is
 * examined twice; its second copy finds the first applied, or fails the same way.
 * <p>
 * Each letter is applied in a Kafka transaction of its own (the status publish needs one when the
 * producer is transactional); afterwards the account's stored status is published once more, so a
 * live event of the same account applied meanwhile by the listener is the latest value on the
 * status topic whichever publish landed last.
 */
@Component
public class DeadLetterRedrive {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    /** How many letters that still fail a report lists; it counts them all. */
    static final int LISTED = 100;

    /** Hands each letter of the dead-letter topic, up to its end now, to the consumer, as it is read. */
    @FunctionalInterface
    interface Letters {
        void read(Consumer<ConsumerRecord<String, byte[]>> each);
    }

    private final Letters letters;
    private final String topic;
    private final AccountEventCodec codec;
    private final ReadModelListeners listeners;
    private final ProjectionMetrics metrics;
    private final TransactionTemplate transactions;

    @Autowired
    public DeadLetterRedrive(KafkaProperties kafka, ProjectionProperties properties, AccountEventCodec codec,
                             ReadModelListeners listeners, ProjectionMetrics metrics,
                             ObjectProvider<KafkaTransactionManager<?, ?>> transactionManager) {
        this(each -> TopicToEnd.read(kafka, properties.topics().deadLetter(),
                        "projection-service-redrive-" + UUID.randomUUID(), extent -> {
                        }, each::accept),
                properties.topics().deadLetter(), codec, listeners, metrics, transactionManager.getIfAvailable());
    }

    DeadLetterRedrive(Letters letters, String topic, AccountEventCodec codec, ReadModelListeners listeners,
                      ProjectionMetrics metrics, KafkaTransactionManager<?, ?> transactionManager) {
        this.letters = letters;
        this.topic = topic;
        this.codec = codec;
        this.listeners = listeners;
        this.metrics = metrics;
        this.transactions = transactionManager == null ? null : new TransactionTemplate(transactionManager);
    }

    /** The counts of one re-drive, as its letters go by. */
    private static final class Tally {
        int examined;
        int applied;
        int parked;
        int alreadyApplied;
        int failing;
        final List<StillFailing> listed = new ArrayList<>();
    }

    public synchronized RedriveReport redrive() {
        Tally tally = new Tally();
        letters.read(record -> {
            tally.examined++;
            redrive(record, tally);
        });
        RedriveReport report = new RedriveReport(topic, tally.examined, tally.applied, tally.parked,
                tally.alreadyApplied, tally.listed, tally.failing - tally.listed.size());
        log.info("Re-drive of {}: {}", topic, report);
        return report;
    }

    private void redrive(ConsumerRecord<String, byte[]> record, Tally tally) {
        String source = sourceOf(record);
        try {
            EnvelopedAccountEvent event = ReadModelListeners.decode(codec, record.key(), record.value());
            ReadModelPipeline<?> pipeline = pipelineOf(record);
            EventOrdering.Kind kind = inTransaction(() -> pipeline.ingest(event, source));
            inTransaction(() -> {
                pipeline.publishStored(event.accountId());
                return null;
            });
            switch (kind) {
                case APPLIED -> tally.applied++;
                case PARKED -> tally.parked++;
                case DUPLICATE -> tally.alreadyApplied++;
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
            if (tally.failing++ < LISTED) {
                tally.listed.add(new StillFailing(source, probe.accountId(), probe.sequence(), reason.getMessage()));
            }
            metrics.redriven("still-failing");
            log.warn("Dead letter {} still cannot be applied: {}", source, reason.getMessage());
        }
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
     * @param examined             letters on the topic (each read model letters its own copy)
     * @param applied              applied now, with any events parked behind them
     * @param parked               readable now, but parked behind an earlier event still missing
     * @param alreadyApplied       already in the read model (an earlier re-drive, or a redelivery)
     * @param stillFailing         still unreadable or unfoldable, the first 100; they stay on the topic
     * @param stillFailingNotListed how many more still fail than are listed
     */
    public record RedriveReport(String topic, int examined, int applied, int parked, int alreadyApplied,
                                List<StillFailing> stillFailing, int stillFailingNotListed) {
    }

    /** A letter that still cannot be applied, and why. */
    public record StillFailing(String source, UUID accountId, Long sequence, String reason) {
    }
}
