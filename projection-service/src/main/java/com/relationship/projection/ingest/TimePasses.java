package com.relationship.projection.ingest;

import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.readmodel.ReadModel;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Time passing, for the read models that change without an event (a bond runs out, silence raises
 * the churn risk): every {@code projection.time.pass-interval}, each read model's accounts that are
 * due ({@link ReadModel#nextChangeAt} has come, or the model's {@link ReadModel#fingerprint} changed)
 * are moved to the clock's now, in a Kafka transaction each, so what the model publishes commits
 * with it.
 * <p>
 * <b>Once per account across instances</b>: an instance moves only the accounts whose events arrive
 * in the partitions its own listener container of that read model holds (the partition of an
 * account is the one Kafka's default partitioner gives its key, the account id). So with two
 * instances each account is moved by one of them, the one that also applies its events; during a
 * rebalance both may move an account for a moment, which compare-and-set writes and the pure
 * {@link ReadModel#advance} (the same now gives the same view) make harmless.
 * <p>
 * <b>Incremental</b>: only the due accounts are read (the {@code nextChangeAt} and {@code fingerprint} indexes, on a
 * real MongoDB and on the embedded server's ordered indexes), in pages by account id; the first pass of the process
 * also looks at every document once, for those written before documents carried a fingerprint.
 */
@Component
public class TimePasses {

    private static final Logger log = LoggerFactory.getLogger(TimePasses.class);
    private static final int PAGE = 500;

    private final ReadModelListeners listeners;
    private final KafkaListenerEndpointRegistry registry;
    private final KafkaAdmin admin;
    private final Clock clock;
    private final String topic;
    private final TransactionTemplate transactions;
    private volatile int partitions;
    /** The read models whose every document a pass of this process has looked at (those with no fingerprint). */
    private final Set<String> sweptEveryDocument = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TimePasses(ReadModelListeners listeners, KafkaListenerEndpointRegistry registry, KafkaAdmin admin,
                      Clock clock, ProjectionProperties properties,
                      ObjectProvider<KafkaTransactionManager<?, ?>> transactionManager) {
        this.listeners = listeners;
        this.registry = registry;
        this.admin = admin;
        this.clock = clock;
        this.topic = properties.topics().events();
        KafkaTransactionManager<?, ?> manager = transactionManager.getIfAvailable();
        this.transactions = manager == null ? null : new TransactionTemplate(manager);
    }

    @Scheduled(fixedDelayString = "${projection.time.pass-interval:1m}",
            initialDelayString = "${projection.time.initial-delay:15s}")
    public void scheduledPass() {
        try {
            pass();
        } catch (RuntimeException e) {
            // MongoDB or Kafka down: the next pass tries again; readiness and the listeners say what is wrong.
            log.warn("The pass over time failed; the next one tries again: {}", e.toString());
        }
    }

    /** One pass over every read model, at the clock's now. */
    public synchronized List<PassReport> pass() {
        Instant now = clock.instant();
        return listeners.pipelines().stream().map(pipeline -> passOver(pipeline, now)).toList();
    }

    private PassReport passOver(ReadModelPipeline<?> pipeline, Instant now) {
        long started = System.nanoTime();
        Set<Integer> owned = ownedPartitions(pipeline);
        int visited = 0;
        int changed = 0;
        int notOurs = 0;
        if (!owned.isEmpty()) {
            int count = partitionCount();
            String fingerprint = pipeline.model().fingerprint();
            boolean everyDocument = !sweptEveryDocument.contains(pipeline.name());
            UUID after = null;
            List<UUID> due;
            do {
                due = pipeline.store().due(now, fingerprint, after, PAGE, everyDocument);
                for (UUID account : due) {
                    if (!owned.contains(partitionOf(account, count))) {
                        notOurs++;
                        continue;
                    }
                    visited++;
                    if (inTransaction(() -> pipeline.advance(account, now))) {
                        changed++;
                    }
                }
                after = due.isEmpty() ? after : due.get(due.size() - 1);
            } while (due.size() == PAGE);
            sweptEveryDocument.add(pipeline.name());
        }
        PassReport report = new PassReport(pipeline.name(), now, owned.size(), visited, changed, notOurs,
                Duration.ofNanos(System.nanoTime() - started));
        if (visited > 0) {
            log.info("Time passed for {}: {}", pipeline.name(), report);
        }
        return report;
    }

    private Set<Integer> ownedPartitions(ReadModelPipeline<?> pipeline) {
        MessageListenerContainer container = registry.getListenerContainer(ReadModelListeners.containerId(pipeline.name()));
        Collection<TopicPartition> assigned = container == null ? null : container.getAssignedPartitions();
        return assigned == null ? Set.of() : assigned.stream().filter(p -> p.topic().equals(topic))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }

    private int partitionCount() {
        if (partitions == 0) {
            Map<String, TopicDescription> topics = admin.describeTopics(topic);
            partitions = topics.get(topic).partitions().size();
        }
        return partitions;
    }

    /** The partition Kafka's default partitioner gives a record keyed by the account id (the relay's key). */
    static int partitionOf(UUID account, int partitions) {
        return Utils.toPositive(Utils.murmur2(account.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions == null ? work.get() : transactions.execute(status -> work.get());
    }

    /**
     * What one pass did for one read model.
     *
     * @param ownedPartitions the partitions of the events topic this instance holds for the read model
     * @param visited         the due accounts in them, moved to {@code now}
     * @param changed         of those, the ones whose view changed (and was published)
     * @param othersDue       due accounts in partitions another instance holds
     */
    public record PassReport(String readModel, Instant now, int ownedPartitions, int visited, int changed,
                             int othersDue, Duration took) {
    }
}
