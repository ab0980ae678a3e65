package com.relationship.service.referencedata;

import com.relationship.contracts.Topics;
import com.relationship.contracts.referencedata.ReferenceDataChanged;
import com.relationship.contracts.referencedata.ReferenceDataCodec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts every stored version of reference data on {@link Topics#REFERENCE_DATA}, keyed by its key: a new
 * version at once, after it was stored, and on a schedule whatever a failed or interrupted publish left
 * (an outbox: the store says which versions have reached the topic). A version sent twice carries the
 * same CloudEvent id, and a consumer keeps the highest version of each key, so a re-send changes nothing.
 */
@Component
class ReferenceDataPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataPublisher.class);

    private final ReferenceDataStore store;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock = Clock.systemUTC();
    private final Duration every;
    private final ReferenceDataCodec codec = new ReferenceDataCodec();
    private final Object publishing = new Object();
    private ScheduledExecutorService sweeps;

    ReferenceDataPublisher(ReferenceDataStore store, KafkaTemplate<String, byte[]> kafka,
                           ReferenceDataProperties properties) {
        this.store = store;
        this.kafka = kafka;
        this.every = properties.publishEvery();
    }

    /** Publishes what was just stored, and anything left before it, without holding up the request. */
    void publishSoon() {
        ScheduledExecutorService running = sweeps;
        if (running != null) {
            running.execute(this::sweep);
        }
    }

    /** Publishes the versions not on the topic yet; one Kafka refuses is left for the next sweep. */
    void publishPending() {
        synchronized (publishing) {
            publishEachPending();
        }
    }

    private void publishEachPending() {
        for (ReferenceDataChanged data : store.unpublished()) {
            try {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REFERENCE_DATA, data.key(),
                        codec.encode(data));
                record.headers().add("content-type", ReferenceDataCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                kafka.send(record).get(10, TimeUnit.SECONDS);
                store.published(data, clock.instant());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("Reference data {} version {} not published yet (sent again on the next sweep): {}",
                        data.key(), data.version(), e.toString());
                return; // in order: a later version of the key must not overtake this one
            }
        }
    }

    private void sweep() {
        try {
            publishPending();
        } catch (RuntimeException e) { // MongoDB away: the next sweep tries again
            log.warn("Reference data sweep failed (tried again in {}): {}", every, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        sweeps = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "reference-data-publisher");
            thread.setDaemon(true);
            return thread;
        });
        sweeps.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sweeps != null) {
            sweeps.shutdownNow();
            sweeps = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweeps != null;
    }

    @Configuration(proxyBeanMethods = false)
    static class Topic {
        /** Compacted: a consumer reads the latest version of each key from the start of the topic. */
        @Bean
        NewTopic referenceDataTopic() {
            return TopicBuilder.name(Topics.REFERENCE_DATA).partitions(Topics.PARTITIONS).compact().build();
        }
    }
}
