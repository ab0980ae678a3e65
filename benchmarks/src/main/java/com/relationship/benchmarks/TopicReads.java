package com.relationship.benchmarks;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToIntFunction;

/** The raw consume baselines: a plain consumer reading a topic of the stack from its first offset to its end. */
final class TopicReads {

    /** What a read took, in seconds from the first poll, and how many records it handled. */
    record Read(double seconds, long records) {
        double perSecond() {
            return records / seconds;
        }
    }

    private TopicReads() {
    }

    /**
     * Reads {@code topic} whole, {@code maxPollRecords} a poll, handing each poll's records to
     * {@code handle}, which answers how many it handled (nothing else is done with them).
     */
    static Read whole(LocalStackProcess stack, String topic, int maxPollRecords,
                      ToIntFunction<ConsumerRecords<String, byte[]>> handle) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.seekToBeginning(partitions);
            long started = System.nanoTime();
            long handled = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                handled += handle.applyAsInt(consumer.poll(Duration.ofMillis(200)));
            }
            return new Read((System.nanoTime() - started) / 1e9, handled);
        }
    }
}
