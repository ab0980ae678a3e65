package com.relationship.projection.profitability;

import com.relationship.contracts.referencedata.ReferenceDataChanged;
import com.relationship.contracts.referencedata.ReferenceDataCodec;
import com.relationship.projection.infra.GrouplessConsumers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Keeps this instance's copy of the reference data (exchange rates, activity rate cards): every instance
 * reads every partition of the compacted topic from its start, without a consumer group, and keeps the
 * highest version of each key. The profitability figures read it at the moment they are asked for.
 */
public class ReferenceDataFeed implements SmartLifecycle, Supplier<ReferenceData> {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafka;
    private final String topic;
    private final ReferenceDataCodec codec = new ReferenceDataCodec();
    private final AtomicReference<ReferenceData> current = new AtomicReference<>(ReferenceData.NONE);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;

    public ReferenceDataFeed(KafkaProperties kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public ReferenceData get() {
        return current.get();
    }

    @Override
    public void start() {
        consumer = GrouplessConsumers.create(kafka, "reference-data-" + UUID.randomUUID(), Map.of());
        running = true;
        Thread thread = new Thread(this::run, "reference-data-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = assignFromTheStart();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    read(record);
                }
                if (!current.get().readToEnd() && atTheEnd(partitions)) {
                    current.updateAndGet(ReferenceData::readToTheEnd);
                    log.info("Reference data read to the end of {}: {} months of exchange rates, {} rate cards", topic,
                            current.get().rates().size(), current.get().cards().size());
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            log.error("The reference data feed stopped; profitability figures keep the rates read so far", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> assignFromTheStart() {
        while (running) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    List<TopicPartition> partitions = infos.stream()
                            .map(info -> new TopicPartition(topic, info.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    return partitions;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
                log.warn("The reference data feed cannot reach Kafka or {} yet; it keeps trying", topic);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
        return List.of();
    }

    private boolean atTheEnd(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: nothing to keep
        }
        try {
            ReferenceDataChanged data = codec.decode(record.value());
            current.updateAndGet(known -> known.with(data));
        } catch (RuntimeException unreadable) {
            log.warn("Skipped an unreadable reference data record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> open = consumer;
        if (open != null) {
            open.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
