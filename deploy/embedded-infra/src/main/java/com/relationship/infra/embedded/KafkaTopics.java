package com.relationship.infra.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Idempotent topic creation through the AdminClient, the same for an embedded broker and a container. */
final class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    private KafkaTopics() {
    }

    /** Replication factor 1: every broker this library starts is a single node. */
    static boolean createIfMissing(String bootstrapServers, String name, int partitions, boolean compacted) {
        Map<String, String> configs = compacted
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of();
        return createIfMissing(bootstrapServers, name, new NewTopic(name, partitions, (short) 1).configs(configs));
    }

    private static boolean createIfMissing(String bootstrapServers, String name, NewTopic topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            log.info("Created topic {} ({} partitions, {})", name, topic.numPartitions(), topic.configs());
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("cannot create topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        }
    }

    /**
     * Creates the topic with {@code configs}, or, if it exists, sets those configs on it again (so a
     * topic made before a setting was added gets it too).
     *
     * @return the topic's partition count, which an existing topic keeps whatever {@code partitions} says
     */
    static int ensure(String bootstrapServers, String name, int partitions, Map<String, String> configs) {
        if (createIfMissing(bootstrapServers, name, new NewTopic(name, partitions, (short) 1).configs(configs))) {
            return partitions;
        }
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Collection<AlterConfigOp> set = configs.entrySet().stream()
                .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.incrementalAlterConfigs(Map.of(topic, set)).all().get(30, TimeUnit.SECONDS);
            int existing = admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(name).partitions().size();
            if (existing != partitions) {
                log.warn("Topic {} has {} partitions, not {}: kept as it is (a new count would move keys to other "
                        + "partitions); delete the data directory to start afresh", name, existing, partitions);
            }
            return existing;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot configure topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out configuring topic " + name, e);
        }
    }
}
