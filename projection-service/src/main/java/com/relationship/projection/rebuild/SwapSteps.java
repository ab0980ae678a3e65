package com.relationship.projection.rebuild;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a swap does outside this service's memory, one call a step: the consumer group's members and
 * offsets in Kafka, the collections' names in MongoDB. A bean of its own so that the swap's order and
 * its recovery read as one method ({@link Rebuilds#swap}), and so a fault test can fail any step.
 */
@Component
class SwapSteps {

    private final KafkaAdmin kafkaAdmin;
    private final MongoDatabase database;
    private final Duration sessionTimeout;

    SwapSteps(KafkaAdmin kafkaAdmin, MongoDatabase projectionDatabase, KafkaProperties kafka) {
        this.kafkaAdmin = kafkaAdmin;
        this.database = projectionDatabase;
        // Plus a heartbeat's margin: the coordinator checks expiries on its own clock.
        this.sessionTimeout = Duration.ofMillis(Long.parseLong(kafka.getConsumer().getProperties()
                .getOrDefault(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "45000"))).plusSeconds(3);
    }

    /**
     * How many members the consumer group still has once this instance's listener has stopped: asked
     * again until none are left or the consumers' session timeout has passed. A listener stopped while
     * it was joining the group (just restarted by an earlier swap, say) may have sent no leave: the
     * coordinator drops it only when its session times out, and until then it is not another instance.
     */
    int membersOnceOursHasLeft(String group) {
        long deadline = System.nanoTime() + sessionTimeout.toNanos();
        int members = members(group);
        while (members > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return members;
            }
            members = members(group);
        }
        return members;
    }

    /** How many members the consumer group has (listeners of other instances). */
    int members(String group) {
        try (Admin admin = admin()) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            return description == null ? 0 : description.members().size();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw kafkaFailed("describe consumer group " + group, e);
        }
    }

    /** The group's committed offsets now. */
    Map<TopicPartition, OffsetAndMetadata> offsets(String group) {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw kafkaFailed("read the offsets of " + group, e);
        }
    }

    void setOffsets(String group, Map<TopicPartition, OffsetAndMetadata> offsets) {
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, offsets).all().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw kafkaFailed("set the offsets of " + group, e);
        }
    }

    /**
     * The group's offsets as they were before {@code touched} were set: those it had set back, those it
     * had none of deleted (a group without an offset starts where auto-offset-reset says, as before).
     */
    void putBackOffsets(String group, Map<TopicPartition, OffsetAndMetadata> before, java.util.Set<TopicPartition> touched) {
        java.util.Set<TopicPartition> had = before.keySet();
        java.util.Set<TopicPartition> none = new java.util.HashSet<>(touched);
        none.removeAll(had);
        try (Admin admin = admin()) {
            if (!before.isEmpty()) {
                admin.alterConsumerGroupOffsets(group, before).all().get(10, TimeUnit.SECONDS);
            }
            if (!none.isEmpty()) {
                admin.deleteConsumerGroupOffsets(group, none).all().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw kafkaFailed("set the offsets of " + group + " back", e);
        }
    }

    void rename(String from, String to) {
        database.getCollection(from).renameCollection(new MongoNamespace(database.getName(), to));
    }

    boolean exists(String collection) {
        return database.listCollectionNames().into(new java.util.ArrayList<>()).contains(collection);
    }

    private Admin admin() {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    private static IllegalStateException kafkaFailed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Kafka did not " + what + ": " + e.getMessage(), e);
    }
}
