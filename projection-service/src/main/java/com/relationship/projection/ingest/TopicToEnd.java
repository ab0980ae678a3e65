package com.relationship.projection.ingest;

import com.relationship.projection.infra.GrouplessConsumers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a whole topic once, from its first offset up to its end when the read starts, outside any
 * consumer group (nothing is committed) and committed records only. For the operations that look at
 * everything a topic holds: a dead-letter re-drive, a rebuild.
 */
public final class TopicToEnd {

    private TopicToEnd() {
    }

    /**
     * @param records the number of records up to the end (for progress)
     * @param end     the end offset of each partition when the read started
     */
    public record Extent(long records, Map<TopicPartition, Long> end) {
    }

    /**
     * @param started told the extent before the first record
     * @param each    every record up to the end, in partition order
     */
    public static Extent read(KafkaProperties kafka, String topic, String clientId, Consumer<Extent> started,
                              Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = GrouplessConsumers.create(kafka, clientId,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Extent extent = new Extent(partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum(), Map.copyOf(end));
            started.accept(extent);
            List<TopicPartition> remaining = new ArrayList<>(partitions.stream().filter(p -> end.get(p) > begin.get(p)).toList());
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    // A record written after the read started is not part of what it looks at.
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
                remaining.removeIf(p -> consumer.position(p) >= end.get(p));
            }
            return extent;
        }
    }
}
