package com.relationship.projection.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.util.Map;

/**
 * A consumer outside every consumer group: it assigns its partitions itself, commits nothing and
 * never takes part in a rebalance, and reads committed records only (the topics it reads are written
 * in transactions). For reads of a whole topic (a rebuild, a re-drive's end) and for every instance's
 * own view of a topic (the dashboard's feed).
 */
public final class GrouplessConsumers {

    private GrouplessConsumers() {
    }

    public static KafkaConsumer<String, byte[]> create(KafkaProperties kafka, String clientId, Map<String, Object> more) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.putAll(more);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
