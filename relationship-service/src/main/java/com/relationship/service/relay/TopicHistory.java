package com.relationship.service.relay;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.UnknownAccountEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the events topic holds of each account, read back from the topic itself by every instance:
 * the relay's evidence that every stored event is there. A consumer outside every group reads the
 * whole topic from its beginning at start and then follows it, keeping per account only the lowest
 * sequence not yet seen and, while the account's history on the topic has a hole, the sequences seen
 * above it. It decodes the envelope's sequence alone ({@link AccountEventCodec#sequenceOf}).
 * <p>
 * Two answers rest on it: which sequences of an account are <em>not</em> on the topic
 * ({@link #missing}), and since when everything on the topic has been read ({@link #readAsOf}), so
 * that a caller can tell "not on the topic" from "not read yet". The relay sends an account's events
 * in order into one partition, so a hole (a sequence missing below one that is there) never opens in
 * passing: it is a real gap, such as a registration the relay once skipped.
 */
@Component
class TopicHistory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicHistory.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KafkaProperties kafka;
    private final String topic;
    private final Clock clock = Clock.systemUTC();
    private final AccountEventCodec codec = new AccountEventCodec();
    private final Map<String, Published> accounts = new ConcurrentHashMap<>();
    private final Set<String> withHoles = ConcurrentHashMap.newKeySet();
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Map<TopicPartition, Long> offsets = new HashMap<>(); // the reader thread's own
    private volatile Instant readAsOf;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread reader;

    TopicHistory(KafkaProperties kafka, RelayProperties relay) {
        this.kafka = kafka;
        this.topic = relay.topic();
    }

    /** An account's sequences that are not on the topic: a hole below one that is, or up to {@code upTo}. */
    SortedSet<Long> missing(String account, long upTo) {
        Published published = accounts.get(account);
        if (published == null) {
            TreeSet<Long> all = new TreeSet<>();
            for (long sequence = 0; sequence <= upTo; sequence++) {
                all.add(sequence);
            }
            return all;
        }
        return published.missing(upTo);
    }

    /** The accounts whose history on the topic has a hole now, oldest hole first. */
    List<Hole> holes() {
        List<Hole> holes = new ArrayList<>();
        for (String account : withHoles) {
            Published published = accounts.get(account);
            Optional<Instant> since = published == null ? Optional.empty() : published.holeSince();
            since.ifPresent(at -> holes.add(new Hole(account, published.missing(-1), at)));
        }
        holes.sort(Comparator.comparing(Hole::since));
        return holes;
    }

    /** The holes open for longer than {@code grace}: a repair would have closed a passing one by then. */
    List<Hole> holesOlderThan(Duration grace) {
        Instant before = clock.instant().minus(grace);
        return holes().stream().filter(hole -> hole.since().isBefore(before)).toList();
    }

    /** An account's history on the topic with {@code missing} sequences below one that is there, seen since {@code since}. */
    record Hole(String accountId, SortedSet<Long> missing, Instant since) {
    }

    /** Everything that was on the topic at this instant has been read; empty until the first read to the end. */
    Optional<Instant> readAsOf() {
        return Optional.ofNullable(readAsOf);
    }

    /** Waits until everything on the topic at {@code instant} has been read; false if that took longer than {@code within}. */
    boolean awaitReadAsOf(Instant instant, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (readAsOf == null || readAsOf.isBefore(instant)) {
            if (System.nanoTime() - deadline > 0 || !running) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    long recordsRead() {
        return recordsRead.get();
    }

    /** Records whose envelope has no readable sequence: counted and passed over, never taken as an account's event. */
    long unreadable() {
        return unreadable.get();
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, byte[]> opened = open()) {
                consumer = opened;
                List<TopicPartition> partitions = partitions(opened);
                if (partitions.isEmpty()) {
                    pause(); // not created yet: the relay's first send creates it
                    continue;
                }
                opened.assign(partitions);
                for (TopicPartition partition : partitions) {
                    Long next = offsets.get(partition);
                    if (next == null) {
                        opened.seekToBeginning(List.of(partition));
                    } else {
                        opened.seek(partition, next);
                    }
                }
                readOn(opened, partitions);
            } catch (WakeupException | InterruptException stopped) {
                if (running) {
                    log.warn("Reading back {} was interrupted; starting again from where it was", topic);
                }
            } catch (KafkaException failed) {
                log.warn("Reading back {} failed; trying again in {}: {}", topic, RETRY, failed.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    /** Reads to the end as it was when asked, marks that instant as read, waits for more; again. */
    private void readOn(KafkaConsumer<String, byte[]> opened, List<TopicPartition> partitions) {
        while (running) {
            Instant asked = clock.instant();
            Map<TopicPartition, Long> ends = opened.endOffsets(partitions);
            while (running && partitions.stream().anyMatch(p -> opened.position(p) < ends.get(p))) {
                read(opened, opened.poll(POLL));
            }
            readAsOf = asked;
            read(opened, opened.poll(POLL)); // waits for new records, or half a second
        }
    }

    private void read(KafkaConsumer<String, byte[]> opened, Iterable<ConsumerRecord<String, byte[]>> records) {
        Instant now = clock.instant();
        for (ConsumerRecord<String, byte[]> record : records) {
            recordsRead.incrementAndGet();
            offsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            if (record.key() == null || record.value() == null) {
                unreadable.incrementAndGet();
                continue;
            }
            long sequence;
            try {
                sequence = codec.sequenceOf(record.value());
            } catch (UnknownAccountEventException notAnEvent) {
                unreadable.incrementAndGet();
                continue;
            }
            Published published = accounts.computeIfAbsent(record.key(), key -> new Published());
            if (published.seen(sequence, now)) {
                withHoles.add(record.key());
            } else {
                withHoles.remove(record.key());
            }
        }
    }

    private KafkaConsumer<String, byte[]> open() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // never create the topic with a broker's defaults
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "relay-topic-history");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> opened) {
        List<PartitionInfo> found = opened.partitionsFor(topic);
        return found == null ? List.of()
                : found.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        reader = new Thread(this::follow, "relay-topic-history");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> open = consumer;
        if (open != null) {
            open.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            reader = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /**
     * One account's history on the topic: every sequence below {@code next} is there; while a hole is
     * open, the sequences seen above it. Written by the reader thread, read by the reconciler.
     */
    static final class Published {

        private long next;
        private TreeSet<Long> ahead;
        private Instant holeSince;

        /** Takes one record's sequence in; answers whether the account's history has a hole after it. */
        synchronized boolean seen(long sequence, Instant at) {
            if (sequence == next) {
                next++;
                while (ahead != null && ahead.remove(next)) {
                    next++;
                }
                if (ahead != null && ahead.isEmpty()) {
                    ahead = null;
                    holeSince = null;
                }
            } else if (sequence > next) {
                if (ahead == null) {
                    ahead = new TreeSet<>();
                    holeSince = at;
                }
                ahead.add(sequence);
            }
            return ahead != null;
        }

        /** The sequences not on the topic from 0 up to {@code upTo} or up to the highest there, whichever is higher. */
        synchronized SortedSet<Long> missing(long upTo) {
            long to = Math.max(upTo, ahead == null ? next - 1 : ahead.last());
            TreeSet<Long> missing = new TreeSet<>();
            for (long sequence = next; sequence <= to; sequence++) {
                if (ahead == null || !ahead.contains(sequence)) {
                    missing.add(sequence);
                }
            }
            return missing;
        }

        synchronized Optional<Instant> holeSince() {
            return Optional.ofNullable(holeSince);
        }
    }
}
