package com.relationship.service.api;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Everything on an events topic, per account, in the order a consumer reads it: what the ordering
 * tests compare as lists (a set would hide a reordering).
 */
public final class EventsOnTopic {

    /** One record as a consumer sees it. */
    public record Seen(long sequence, String eventId) {
    }

    private final Map<String, List<Seen>> byAccount;

    private EventsOnTopic(Map<String, List<Seen>> byAccount) {
        this.byAccount = byAccount;
    }

    /** Reads the whole topic from the beginning to its current end. */
    public static EventsOnTopic read(String bootstrapServers, String topic) {
        AccountEventCodec codec = new AccountEventCodec();
        Map<String, List<Seen>> byAccount = new HashMap<>();
        eachRecord(bootstrapServers, topic, record -> {
            EnvelopedAccountEvent event = codec.decode(record.value());
            byAccount.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(new Seen(event.sequence(), event.eventId()));
        });
        return new EventsOnTopic(byAccount);
    }

    /** One account's records as they are on the topic (headers included), in topic order, re-sends included. */
    public static List<ConsumerRecord<String, byte[]>> records(String bootstrapServers, String topic, String accountId) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        eachRecord(bootstrapServers, topic, record -> {
            if (accountId.equals(record.key())) {
                found.add(record);
            }
        });
        return found;
    }

    private static void eachRecord(String bootstrapServers, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(5)) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    /** The account's records in topic order, re-sends included. */
    public List<Seen> of(String accountId) {
        return byAccount.getOrDefault(accountId, List.of());
    }

    /** The account's sequences in the order they first appear: a gapless 0..n when nothing was skipped or reordered. */
    public List<Long> firstAppearances(String accountId) {
        return of(accountId).stream().map(Seen::sequence).distinct().toList();
    }

    /**
     * The account's sequences that appear with more than one event id: a different event at the same
     * place, never an exact re-send. Empty when every duplicate is a re-send.
     */
    public List<Long> conflictingDuplicates(String accountId) {
        Map<Long, String> first = new LinkedHashMap<>();
        List<Long> conflicts = new ArrayList<>();
        for (Seen seen : of(accountId)) {
            String before = first.putIfAbsent(seen.sequence(), seen.eventId());
            if (before != null && !before.equals(seen.eventId())) {
                conflicts.add(seen.sequence());
            }
        }
        return conflicts;
    }

    /** How many records on the topic are re-sends of one already there. */
    public long resends(String accountId) {
        return of(accountId).size() - firstAppearances(accountId).size();
    }
}
