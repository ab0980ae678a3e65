package com.relationship.projection.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.ingest.ReadModelListeners;
import com.relationship.projection.ingest.ReadModelPipeline;
import com.relationship.projection.ingest.TopicToEnd;
import com.relationship.projection.readmodel.DeadLetterMark;
import com.relationship.projection.readmodel.ProjectionState;
import com.relationship.projection.readmodel.ReadModel;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.projection.rebuild.RebuildReport.Difference;
import com.relationship.projection.rebuild.RebuildReport.ModelReport;
import com.relationship.projection.rebuild.RebuildReport.State;
import com.relationship.projection.rebuild.RebuildReport.Swap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds read models from the full event history into shadow collections and proves them equal to
 * the live ones (issue 9, "Rebuilds proven equal to live"). The history is read from the events topic,
 * from its first offset: the topic keeps every event forever (retention -1), it is what the live
 * pipelines read, so a rebuild folds exactly the messages they folded, and projection-service needs no
 * access to relationship-service's event store. Nothing is published; the live read models go on
 * while a rebuild runs.
 * <p>
 * A swap, on request, renames the shadow to the live collection (the former one is kept under
 * {@code <collection>_replaced_<time>}), and sets the read model's consumer group to the offsets the
 * rebuild read up to, so its listener folds whatever arrived since onto the swapped collection
 * (duplicates of what the shadow holds are dropped by sequence). The group must have no other member:
 * with several instances, stop the others' listeners first.
 * <p>
 * Runs are kept in memory by the instance that ran them, one at a time, on one background thread; a
 * rebuild folds each read model's accounts in memory (a few KB per account) before writing its shadow.
 */
@Component
public class Rebuilds {

    static final int LISTED = 100;
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final String SHADOW_SUFFIX = "_rebuild";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final ReadModelListeners listeners;
    private final KafkaProperties kafka;
    private final String topic;
    private final AccountEventCodec codec;
    private final MongoDatabase database;
    private final Clock clock;
    private final KafkaListenerEndpointRegistry registry;
    private final SwapSteps steps;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();

    public Rebuilds(ReadModelListeners listeners, KafkaProperties kafka, ProjectionProperties properties,
                    AccountEventCodec codec, MongoDatabase projectionDatabase, Clock clock,
                    KafkaListenerEndpointRegistry registry, SwapSteps steps) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.topic = properties.topics().events();
        this.codec = codec;
        this.database = projectionDatabase;
        this.clock = clock;
        this.registry = registry;
        this.steps = steps;
    }

    /**
     * Starts rebuilding {@code readModels} (every read model when empty) in the background.
     *
     * @throws RebuildProblem 400 for an unknown read model, 409 while another rebuild runs
     */
    public synchronized RebuildReport start(List<String> readModels) {
        List<String> known = listeners.pipelines().stream().map(ReadModelPipeline::name).toList();
        List<String> names = readModels == null || readModels.isEmpty() ? known : List.copyOf(readModels);
        for (String name : names) {
            if (!known.contains(name)) {
                throw RebuildProblem.unknownReadModel(name, known);
            }
        }
        Optional<Run> running = runs.values().stream().filter(r -> r.state == State.RUNNING).findFirst();
        if (running.isPresent()) {
            throw RebuildProblem.conflict("Rebuild " + running.get().id + " is still running: follow it at"
                    + " GET /api/v1/admin/rebuilds/" + running.get().id + " and start another once it is done.");
        }
        Run run = new Run(UUID.randomUUID().toString(), names, clock.instant());
        runs.put(run.id, run);
        worker.submit(() -> execute(run));
        return run.report();
    }

    public synchronized Optional<RebuildReport> find(String id) {
        return Optional.ofNullable(runs.get(id)).map(Run::report);
    }

    /** Every rebuild this instance ran, newest first. */
    public synchronized List<RebuildReport> list() {
        List<RebuildReport> all = new ArrayList<>(runs.values().stream().map(Run::report).toList());
        java.util.Collections.reverse(all);
        return all;
    }

    /**
     * Swaps a completed rebuild's shadows in, one read model after the other.
     *
     * @throws RebuildProblem 404 for an unknown rebuild, 409 when it is not completed, was swapped
     *                        already, or a read model's group has other members
     */
    public synchronized RebuildReport swap(String id) {
        Run run = runs.get(id);
        if (run == null) {
            throw RebuildProblem.notFound(id);
        }
        if (run.state != State.COMPLETED) {
            throw RebuildProblem.conflict("Rebuild " + id + " is " + run.state + ": only a completed rebuild can be"
                    + " swapped in.");
        }
        if (run.swap != null) {
            throw RebuildProblem.conflict("Rebuild " + id + " was swapped in already, at " + run.swap.at() + ".");
        }
        Map<String, String> replaced = new LinkedHashMap<>();
        Map<String, Map<Integer, Long>> offsets = new LinkedHashMap<>();
        Instant at = clock.instant();
        for (String name : run.readModels) {
            ReadModelPipeline<?> pipeline = listeners.pipeline(name).orElseThrow();
            replaced.put(name, swapOne(pipeline, run.endOffsets, at));
            Map<Integer, Long> set = new TreeMap<>();
            run.endOffsets.forEach((partition, offset) -> set.put(partition.partition(), offset));
            offsets.put(name, set);
        }
        run.swap = new Swap(at, replaced, offsets);
        log.info("Rebuild {} swapped in: {}", id, run.swap);
        return run.report();
    }

    private String swapOne(ReadModelPipeline<?> pipeline, Map<TopicPartition, Long> endOffsets, Instant at) {
        String name = pipeline.name();
        String group = listeners.groupOf(name);
        String live = pipeline.model().collection();
        String backup = live + "_replaced_" + STAMP.format(at);
        MessageListenerContainer container = registry.getListenerContainer(ReadModelListeners.containerId(name));
        if (container != null) {
            container.stop();
        }
        try {
            int members = steps.members(group);
            if (members > 0) {
                throw RebuildProblem.conflict("Read model " + name + " is still consumed by " + members
                        + " member(s) of group " + group + " on other instances: stop their listeners (or scale"
                        + " projection-service to one instance) and swap again. Nothing was swapped for " + name + ".");
            }
            steps.rename(live, backup);
            steps.rename(live + SHADOW_SUFFIX, live);
            Map<TopicPartition, OffsetAndMetadata> position = new HashMap<>();
            endOffsets.forEach((partition, offset) -> position.put(partition, new OffsetAndMetadata(offset)));
            steps.setOffsets(group, position);
            return backup;
        } finally {
            if (container != null) {
                container.start();
            }
        }
    }

    private void execute(Run run) {
        try {
            List<ShadowFold<?>> folds = new ArrayList<>();
            for (String name : run.readModels) {
                folds.add(foldOf(listeners.pipeline(name).orElseThrow()));
            }
            readHistory(run, folds);
            Instant now = clock.instant();
            List<ModelReport> models = new ArrayList<>();
            for (ShadowFold<?> fold : folds) {
                models.add(compareAndWrite(fold, now));
            }
            run.finish(State.COMPLETED, models, null, clock.instant());
            log.info("Rebuild {} completed: {}", run.id, run.report());
        } catch (RuntimeException e) {
            log.error("Rebuild {} failed", run.id, e);
            run.finish(State.FAILED, List.of(), e.toString(), clock.instant());
        }
    }

    private static <V> ShadowFold<V> foldOf(ReadModelPipeline<V> pipeline) {
        return new ShadowFold<>(pipeline);
    }

    /** Reads the events topic from its first offset up to its end when the rebuild started, feeding every fold. */
    private void readHistory(Run run, List<ShadowFold<?>> folds) {
        TopicToEnd.read(kafka, topic, "projection-service-rebuild-" + run.id, extent -> {
            run.endOffsets = extent.end();
            run.toRead.set(extent.records());
        }, record -> {
            run.read.incrementAndGet();
            EnvelopedAccountEvent event;
            try {
                event = ReadModelListeners.decode(codec, record.key(), record.value());
            } catch (RuntimeException undecodable) {
                run.undecodable.incrementAndGet();
                return;
            }
            for (ShadowFold<?> fold : folds) {
                fold.accept(event);
            }
        });
    }

    /**
     * Compares the shadow of one read model with its live collection and writes it, with the live
     * account's outstanding dead letters carried along (a letter stays until it is re-driven).
     */
    private <V> ModelReport compareAndWrite(ShadowFold<V> fold, Instant now) {
        ReadModelPipeline<V> pipeline = fold.pipeline();
        ReadModel<V> model = pipeline.model();
        ReadModelStore<V> liveStore = pipeline.store();
        ReadModelDocuments<V> documents = liveStore.documents();
        String shadowName = model.collection() + SHADOW_SUFFIX;
        MongoCollection<Document> shadow = database.getCollection(shadowName);
        shadow.drop();
        liveStore.on(shadow).ensureIndexes();
        Map<UUID, ProjectionState<V>> rebuilt = new HashMap<>(fold.states());
        List<Document> batch = new ArrayList<>();
        long compared = 0;
        long equal = 0;
        long atOtherSequence = 0;
        long onlyLive = 0;
        List<UUID> onlyLiveIds = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        long differing = 0;
        for (Document doc : liveStore.collection().find()) {
            UUID accountId = UUID.fromString(doc.getString(ReadModelDocuments.ID));
            ProjectionState<V> live = documents.stateOf(doc);
            ProjectionState<V> shadowState = rebuilt.remove(accountId);
            if (shadowState == null) {
                onlyLive++;
                listed(onlyLiveIds, accountId);
                continue;
            }
            for (DeadLetterMark letter : live.deadLetters()) {
                shadowState = shadowState.withDeadLetter(letter);
            }
            shadowState = movedTo(model, shadowState, now);
            write(shadow, batch, documents.toDocument(accountId, shadowState, 1));
            if (live.view() != null && shadowState.view() != null
                    && live.lastAppliedSequence() != shadowState.lastAppliedSequence()) {
                atOtherSequence++;
                continue;
            }
            compared++;
            // The shadow was moved to now already; the live view is moved here, once.
            Object liveSays = live.view() == null ? null : model.comparable(model.advance(live.view(), now));
            Object rebuiltSays = shadowState.view() == null ? null : model.comparable(shadowState.view());
            String liveDigest = ViewDigest.of(liveSays);
            String rebuiltDigest = ViewDigest.of(rebuiltSays);
            if (liveDigest.equals(rebuiltDigest)) {
                equal++;
            } else {
                differing++;
                if (differences.size() < LISTED) {
                    differences.add(new Difference(accountId, live.lastAppliedSequence(), liveDigest, rebuiltDigest));
                }
                log.warn("Rebuild of {}: account {} differs at sequence {}:\n live    {}\n rebuilt {}", model.name(),
                        accountId, live.lastAppliedSequence(), ViewDigest.json(liveSays), ViewDigest.json(rebuiltSays));
            }
        }
        List<UUID> onlyShadowIds = new ArrayList<>();
        for (Map.Entry<UUID, ProjectionState<V>> left : rebuilt.entrySet()) {
            listed(onlyShadowIds, left.getKey());
            write(shadow, batch, documents.toDocument(left.getKey(), movedTo(model, left.getValue(), now), 1));
        }
        if (!batch.isEmpty()) {
            shadow.insertMany(batch);
        }
        return new ModelReport(model.name(), model.collection(), shadowName, fold.refused(), compared, equal, differing,
                differences, atOtherSequence, onlyLive, onlyLiveIds, rebuilt.size(), onlyShadowIds);
    }

    /** The shadow as time has moved it to the comparison's instant, as the live views were moved by the passes. */
    private static <V> ProjectionState<V> movedTo(ReadModel<V> model, ProjectionState<V> state, Instant now) {
        return state.view() == null ? state : state.withView(model.advance(state.view(), now));
    }

    private static void write(MongoCollection<Document> shadow, List<Document> batch, Document doc) {
        batch.add(doc);
        if (batch.size() >= 500) {
            shadow.insertMany(batch);
            batch.clear();
        }
    }

    private static void listed(List<UUID> ids, UUID id) {
        if (ids.size() < LISTED) {
            ids.add(id);
        }
    }

    /** One rebuild's progress, written by the worker and read by requests. */
    private final class Run {
        final String id;
        final List<String> readModels;
        final Instant startedAt;
        final long startedNanos = System.nanoTime();
        volatile long finishedNanos;
        final AtomicLong read = new AtomicLong();
        final AtomicLong toRead = new AtomicLong();
        final AtomicLong undecodable = new AtomicLong();
        volatile Map<TopicPartition, Long> endOffsets = Map.of();
        volatile State state = State.RUNNING;
        volatile Instant finishedAt;
        volatile List<ModelReport> models = List.of();
        volatile String failure;
        volatile Swap swap;

        Run(String id, List<String> readModels, Instant startedAt) {
            this.id = id;
            this.readModels = readModels;
            this.startedAt = startedAt;
        }

        void finish(State finalState, List<ModelReport> reports, String why, Instant at) {
            models = List.copyOf(reports);
            failure = why;
            finishedAt = at;
            finishedNanos = System.nanoTime();
            state = finalState;
        }

        RebuildReport report() {
            // Measured on the monotonic clock: the service's Clock may be fixed (tests) or moved.
            double seconds = ((finishedAt != null ? finishedNanos : System.nanoTime()) - startedNanos) / 1e9;
            Double rate = seconds > 0 && read.get() > 0 ? Math.round(read.get() / seconds * 10) / 10.0 : null;
            return new RebuildReport(id, state, readModels, "topic " + topic + " from its first offset", startedAt,
                    finishedAt, read.get(), toRead.get(), undecodable.get(), rate, models, failure, swap);
        }
    }
}
