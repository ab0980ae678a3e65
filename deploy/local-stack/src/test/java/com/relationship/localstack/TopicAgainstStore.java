package com.relationship.localstack;

import com.relationship.contracts.Topics;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events topic read from its start and compared with the event store, account by account (issue
 * 24): which stored events are not on the topic, which records carry another event id than the one
 * stored at their sequence, which are ahead of their account's next sequence, and how many are
 * re-sends. A total would hide one account's missing registration behind another's re-send.
 *
 * @param accounts     accounts compared
 * @param records      records of the compared accounts read
 * @param storedEvents events the store holds for them
 * @param duplicates   re-sends of a record already read (at-least-once delivery)
 * @param outOfOrder   records ahead of their account's next sequence in topic order
 * @param missing      per account, the stored sequences the topic does not hold
 * @param otherId      per account, "sequence: stored id / id on the topic" where they differ
 * @param unknown      records of a compared account at a sequence the store does not hold
 * @param splitAccounts accounts whose records are on more than one partition
 */
record TopicAgainstStore(int accounts, long records, long storedEvents, long duplicates, long outOfOrder,
                         Map<String, List<Long>> missing, Map<String, List<String>> otherId, long unknown,
                         long splitAccounts) {

    /**
     * Reads the topic until it holds every stored event of these accounts ({@code account -> sequence ->
     * event id}), or {@code within} has passed; then compares.
     */
    static TopicAgainstStore read(String kafkaBootstrapServers, Map<String, Map<Long, String>> stored, Duration within) {
        AccountEventCodec codec = new AccountEventCodec();
        Map<String, Map<Long, String>> seen = new HashMap<>();
        Map<String, Long> next = new HashMap<>();
        Map<String, Set<Integer>> partitions = new HashMap<>();
        Map<String, List<String>> otherId = new LinkedHashMap<>();
        long[] counts = new long[4]; // records, duplicates, out of order, unknown
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> all = consumer.partitionsFor(Topics.ACCOUNT_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    Map<Long, String> history = stored.get(record.key());
                    if (history == null) {
                        return;
                    }
                    EnvelopedAccountEvent event = codec.decode(record.value());
                    counts[0]++;
                    partitions.computeIfAbsent(record.key(), k -> new HashSet<>()).add(record.partition());
                    long expected = next.getOrDefault(record.key(), 0L);
                    if (event.sequence() == expected) {
                        next.put(record.key(), expected + 1);
                    } else if (event.sequence() > expected) {
                        counts[2]++;
                    }
                    if (seen.computeIfAbsent(record.key(), k -> new HashMap<>())
                            .putIfAbsent(event.sequence(), event.eventId()) != null) {
                        counts[1]++;
                    }
                    String storedId = history.get(event.sequence());
                    if (storedId == null) {
                        counts[3]++;
                    } else if (!storedId.equals(event.eventId())) {
                        otherId.computeIfAbsent(record.key(), k -> new ArrayList<>())
                                .add(event.sequence() + ": " + storedId + " / " + event.eventId());
                    }
                });
                return stored.entrySet().stream().allMatch(account ->
                        seen.getOrDefault(account.getKey(), Map.of()).keySet().containsAll(account.getValue().keySet()));
            });
        } catch (ConditionTimeoutException notAll) {
            // what is missing is named below, account by account
        }
        Map<String, List<Long>> missing = new LinkedHashMap<>();
        long storedEvents = 0;
        for (Map.Entry<String, Map<Long, String>> account : stored.entrySet()) {
            storedEvents += account.getValue().size();
            Map<Long, String> onTopic = seen.getOrDefault(account.getKey(), Map.of());
            List<Long> absent = account.getValue().keySet().stream().filter(s -> !onTopic.containsKey(s)).sorted().toList();
            if (!absent.isEmpty()) {
                missing.put(account.getKey(), absent);
            }
        }
        long split = partitions.values().stream().filter(p -> p.size() > 1).count();
        return new TopicAgainstStore(stored.size(), counts[0], storedEvents, counts[1], counts[2], missing, otherId, counts[3], split);
    }

    /** Every stored event is on the topic as stored, and the topic has nothing the store lacks. */
    TopicAgainstStore assertEveryStoredEventOnTheTopicAsStored() {
        assertThat(missing).as("stored events not on the events topic, by account").isEmpty();
        assertThat(otherId).as("records under another event id than the stored one, by account").isEmpty();
        assertThat(unknown).as("records at a sequence the store does not hold").isZero();
        return this;
    }

    String summary() {
        return String.format("%d records for %d stored events of %d accounts: %d accounts with a stored event missing"
                        + " from the topic, %d re-sent duplicates, %d out of order, %d accounts with a record under another"
                        + " event id, %d records unknown to the store, %d accounts on more than one partition", records,
                storedEvents, accounts, missing.size(), duplicates, outOfOrder, otherId.size(),
                unknown, splitAccounts);
    }
}
