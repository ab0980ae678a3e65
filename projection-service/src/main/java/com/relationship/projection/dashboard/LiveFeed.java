package com.relationship.projection.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.churn.ChurnRiskCodec;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds the {@link LiveHub} from the status and churn-risk topics. Every instance reads every
 * partition of both, without a consumer group (nothing to rebalance, no offsets committed): each
 * instance's tabs must see every account. It starts at the topics' ends, because a tab takes its
 * snapshot over REST and only needs what changes after it connected. Committed records only: both
 * topics are written in the read models' Kafka transactions.
 */
public class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafka;
    private final String statusTopic;
    private final String churnRiskTopic;
    private final LiveHub hub;
    private final ChurnRiskCodec churnRisk = new ChurnRiskCodec();
    private final ObjectMapper json = ContractJson.newObjectMapper();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public LiveFeed(KafkaProperties kafka, String statusTopic, String churnRiskTopic, LiveHub hub) {
        this.kafka = kafka;
        this.statusTopic = statusTopic;
        this.churnRiskTopic = churnRiskTopic;
        this.hub = hub;
    }

    @Override
    public void start() {
        consumer = GrouplessConsumers.create(kafka, "dashboard-feed-" + UUID.randomUUID(), Map.of());
        running = true;
        thread = new Thread(this::run, "dashboard-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            assignAtTheEnd();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    offer(record);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            log.error("The dashboard feed stopped; open dashboards get no more live changes until a restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Every partition of both topics, from their ends; waits while a topic does not exist yet. */
    private void assignAtTheEnd() {
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            try {
                for (String topic : List.of(statusTopic, churnRiskTopic)) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
                log.warn("The dashboard feed cannot reach Kafka yet; it keeps trying");
                continue;
            }
            if (partitions.stream().map(TopicPartition::topic).distinct().count() == 2) {
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // resolve the ends now: what comes later is live
                log.info("The dashboard feed reads {} partitions of {} and {}", partitions.size(), statusTopic,
                        churnRiskTopic);
                return;
            }
            sleepQuietly();
        }
    }

    private void offer(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: nothing to show
        }
        try {
            if (record.topic().equals(statusTopic)) {
                String status = new String(record.value(), StandardCharsets.UTF_8);
                JsonNode node = json.readTree(status);
                hub.accountStatus(UUID.fromString(node.get("accountId").asText()),
                        node.get("lastAppliedSequence").asLong(), status);
            } else {
                ChurnRiskChanged change = churnRisk.decode(record.value());
                hub.churnBand(change.accountId(), change.at(), json.writeValueAsString(change));
            }
        } catch (Exception unreadable) {
            // Someone else's record on our topic, or a newer form: the dashboard shows what it can read.
            log.warn("The dashboard feed skipped an unreadable record at {}-{}@{}: {}", record.topic(),
                    record.partition(), record.offset(), unreadable.toString());
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread feed = thread;
        if (feed != null) {
            try {
                feed.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
