package com.relationship.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.Topics;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.churn.ChurnRiskCodec;
import com.relationship.contracts.value.AccountValueCodec;
import com.relationship.contracts.value.AccountValueTierChanged;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.UnknownAccountEventException;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.StatusHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How a Java team reads the public account topics (docs/topics.md): copy it and replace the printing
 * with what your service does. It needs only api-contracts (the records, {@link AccountEventCodec},
 * {@link ChurnRiskCodec}, {@link AccountValueCodec}, {@link Topics}) and the Kafka client.
 * <ul>
 *   <li>{@code relationship.account-events.v1}: every event as a CloudEvent, decoded with the codec
 *       the relay encodes with, and handed to {@link WhatHappened}, an {@code AccountEventVisitor}: when
 *       api-contracts gains an event type, this example stops compiling until it says what to do with it.</li>
 *   <li>{@code relationship.account-status.v1}: each account's latest {@link AccountStatus}, plain JSON.</li>
 *   <li>{@code relationship.churn-risk.v1}: each change of an account's churn band, a CloudEvent.</li>
 *   <li>{@code relationship.account-value.v1}: each change of an account's value tier, a CloudEvent.</li>
 * </ul>
 * Delivery is at least once: a re-sent event has the same {@code sequence}, and is skipped.
 * <pre>
 * java -jar examples/java-consumer/target/java-consumer.jar [bootstrap servers] [consumer group]
 * </pre>
 * (defaults {@code 127.0.0.1:9092}, the local stack's broker, and {@code java-consumer-example}); Ctrl-C stops it.
 */
public final class RelationshipTopicsConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AccountEventCodec events = new AccountEventCodec();
    private final ChurnRiskCodec churnRisk = new ChurnRiskCodec();
    private final AccountValueCodec accountValue = new AccountValueCodec();
    /** The contracts' JSON form: exact decimals, ISO instants, unknown fields ignored (fields are only ever added). */
    private final ObjectMapper json = ContractJson.newObjectMapper();
    /**
     * The last sequence applied per account. A real consumer keeps it with its own data and writes it
     * in the same transaction as what it did with the event, so a re-send after a crash is skipped too.
     */
    private final Map<UUID, Long> applied = new HashMap<>();
    /** What it read, for its last line (and the example's test). */
    private final Map<String, Integer> eventTypes = new TreeMap<>();
    private int duplicates;
    private int unreadable;
    private int statuses;
    private int churnChanges;
    private int tierChanges;

    public RelationshipTopicsConsumer(String bootstrapServers, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()); // the account id
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // The status, churn-risk and value records are published in Kafka transactions: read only committed ones.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Commit only what was handled (poll), so a crash re-reads it rather than losing it.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the beginning: the events topic keeps every event, the compacted topics
        // every account's latest record.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.ACCOUNT_EVENTS, Topics.ACCOUNT_STATUS, Topics.CHURN_RISK, Topics.ACCOUNT_VALUE));
    }

    public static void main(String[] args) {
        String bootstrapServers = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String groupId = args.length > 1 ? args[1] : "java-consumer-example";
        RelationshipTopicsConsumer example = new RelationshipTopicsConsumer(bootstrapServers, groupId);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            example.consumer.wakeup(); // the blocked poll throws WakeupException
            try {
                main.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (example) {
            while (true) {
                example.poll(Duration.ofSeconds(1));
            }
        } catch (WakeupException stopping) {
            System.out.println(example.summary());
        }
    }

    /** One poll: handles every record it brought, then commits their offsets. */
    public void poll(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (record.topic()) {
                case Topics.ACCOUNT_EVENTS -> onEvent(record.value());
                case Topics.ACCOUNT_STATUS -> onStatus(record);
                case Topics.CHURN_RISK -> onChurnRisk(record.value());
                case Topics.ACCOUNT_VALUE -> onTierChange(record.value());
                default -> throw new IllegalStateException("not subscribed to " + record.topic());
            }
        }
        if (!records.isEmpty()) {
            consumer.commitSync();
        }
    }

    private void onEvent(byte[] message) {
        EnvelopedAccountEvent event;
        try {
            event = events.decode(message);
        } catch (UnknownAccountEventException e) {
            // A type or revision this api-contracts does not know yet: upgrade it. Skipping loses the
            // event for this consumer; a real one stops, or parks the message until it is upgraded.
            unreadable++;
            System.out.println("cannot read: " + e.getMessage());
            return;
        }
        // An account's events come in order (key = account id, one partition) with no gaps, at least once.
        if (event.sequence() <= applied.getOrDefault(event.accountId(), -1L)) {
            duplicates++;
            return;
        }
        String what = event.event().accept(new WhatHappened());
        System.out.printf("%s #%d %s: %s (by %s%s)%n", event.accountId(), event.sequence(), event.type(), what,
                event.actor(), event.traceparent() == null ? "" : ", trace " + event.traceparent());
        applied.put(event.accountId(), event.sequence());
        eventTypes.merge(event.type(), 1, Integer::sum);
    }

    private void onStatus(ConsumerRecord<String, byte[]> record) {
        // The schema header names the value's form, so a reader can tell it without parsing it.
        Header schema = record.headers().lastHeader(StatusHeaders.SCHEMA);
        if (schema == null || !AccountStatus.SCHEMA.equals(new String(schema.value(), StandardCharsets.UTF_8))) {
            unreadable++;
            System.out.println("status of " + record.key() + " in a form this api-contracts does not know");
            return;
        }
        AccountStatus status;
        try {
            status = json.readValue(record.value(), AccountStatus.class);
        } catch (IOException e) {
            throw new UncheckedIOException("status of " + record.key(), e);
        }
        System.out.printf("%s status: %s, churn risk %s (%d), as of event #%d%n", status.accountId(), status.stage(),
                status.churnBand(), status.churnScore(), status.lastAppliedSequence());
        statuses++;
    }

    private void onChurnRisk(byte[] message) {
        ChurnRiskChanged change = churnRisk.decode(message);
        System.out.printf("%s churn risk: %s -> %s (score %d, model %s)%n", change.accountId(), change.previousBand(),
                change.band(), change.score(), change.modelVersion());
        churnChanges++;
    }

    private void onTierChange(byte[] message) {
        AccountValueTierChanged change = accountValue.decode(message);
        System.out.printf("%s value tier: %s -> %s (score %s, rank %s of %d): %s%n", change.accountId(),
                change.previousTier(), change.tier(), change.score(), change.rank(), change.rankedAccounts(),
                change.cause().reason());
        tierChanges++;
    }

    /**
     * Polls until it has handled everything the topics held when it joined, for a run that should end
     * (a backfill, the example's test); a service polls forever instead.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}
     */
    public Summary readToEnd(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<TopicPartition, Long> ends = null;
        while (Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(200));
            Set<TopicPartition> assigned = consumer.assignment();
            if (assigned.isEmpty()) {
                continue; // still joining the group
            }
            if (ends == null) {
                ends = consumer.endOffsets(assigned); // with read_committed: the last committed offsets
            }
            if (ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                return summary();
            }
        }
        throw new IllegalStateException("not at the end of the topics after " + timeout + ": " + summary());
    }

    public Summary summary() {
        return new Summary(Map.copyOf(eventTypes), duplicates, unreadable, statuses, churnChanges, tierChanges);
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** What was read: events by type, re-sends skipped, unreadable messages, statuses, churn and tier changes. */
    public record Summary(Map<String, Integer> eventTypes, int duplicates, int unreadable, int statuses,
                          int churnChanges, int tierChanges) {
        @Override
        public String toString() {
            return "read " + eventTypes.values().stream().mapToInt(Integer::intValue).sum() + " events of "
                    + eventTypes.size() + " types, skipped " + duplicates + " re-sends, " + unreadable
                    + " unreadable; " + statuses + " statuses, " + churnChanges + " churn-risk changes, " + tierChanges
                    + " value-tier changes";
        }
    }
}
