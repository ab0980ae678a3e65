package com.relationship.projection.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
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
 * A swap, on request, sets the read model's consumer group to the offsets the rebuild read up to and
 * renames the shadow to the live collection (the former one is kept under
 * {@code <collection>_replaced_<time>}), so its listener folds whatever arrived since onto the swapped
 * collection (duplicates of what the shadow holds are dropped by sequence): one step per read model,
 * undone when any part fails, with the read model's writers paused and the shadow's versions above the
 * live ones. Only the latest rebuild can be swapped, and not while it runs: each rebuild writes shadows
 * of its own ({@code <collection>_rebuild_<id>}) and drops the earlier ones that were not swapped in. The group must have no other member: with several instances, stop the others' listeners first.
 * <p>
 * Runs are kept in memory by the instance that ran them, one at a time, on one background thread; a
 * rebuild folds each read model's accounts in memory (a few KB per account) before writing its shadow.
 */
@Component
public class Rebuilds {

    static final int LISTED = 100;
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final String SHADOW_SUFFIX = "_rebuild_";
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
     * Swaps a completed rebuild's shadows in, one read model after the other. Each read model's swap is
     * one step that either happens whole or leaves the read model as it was ({@link #swapOne}); a swap
     * that failed for one read model can be asked again and goes on with the read models not swapped.
     *
     * @throws RebuildProblem 404 for an unknown rebuild; 409 when it is not completed, was swapped
     *                        already, a later rebuild runs or has written the shadows since, or a read
     *                        model's group has other members; 503 when a step failed and was undone
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
        Run latest = new ArrayList<>(runs.values()).get(runs.size() - 1);
        if (latest != run) {
            // A later rebuild drops the shadows of this one when it starts, and reads the live collections
            // a swap would change under it.
            throw RebuildProblem.conflict(latest.state == State.RUNNING
                    ? "Rebuild " + latest.id + " is running (it drops the shadows of " + id + " and compares with the"
                    + " live collections a swap would change under it). Swap " + latest.id + " once it has completed."
                    : "Rebuild " + latest.id + " ran after " + id + " and dropped its shadows: swap " + latest.id
                    + " instead.");
        }
        Instant at = run.swapStartedAt != null ? run.swapStartedAt : clock.instant();
        run.swapStartedAt = at;
        for (String name : run.readModels) {
            if (!run.replaced.containsKey(name)) {
                run.replaced.put(name, swapOne(listeners.pipeline(name).orElseThrow(), run, at));
                Map<Integer, Long> set = new TreeMap<>();
                run.endOffsets.forEach((partition, offset) -> set.put(partition.partition(), offset));
                run.offsetsSet.put(name, set);
            }
        }
        run.swap = new Swap(at, Map.copyOf(run.replaced), Map.copyOf(run.offsetsSet));
        log.info("Rebuild {} swapped in: {}", id, run.swap);
        return run.report();
    }

    /**
     * One read model's swap, whole or not at all. Its writers on this instance are paused (the listener
     * stopped, passes over time and re-drives held), so no read-then-write spans the change of
     * collection. In order: the shadow's versions lifted above the live ones (a compare-and-set that
     * read the live collection on another instance loses against the shadow), the consumer group set to
     * the offsets the rebuild read up to, then the two renames. A failure before the renames leaves the
     * group's offsets as they were; a failed rename is undone and the offsets set back. Only when an undo
     * itself fails is the listener left stopped (the {@code listenerContainer} health says so): better
     * than folding from offsets that do not match the collection.
     */
    private String swapOne(ReadModelPipeline<?> pipeline, Run run, Instant at) {
        Map<TopicPartition, Long> endOffsets = run.endOffsets;
        String name = pipeline.name();
        String group = listeners.groupOf(name);
        String live = pipeline.model().collection();
        String shadow = run.shadowOf(live);
        String backup = live + "_replaced_" + STAMP.format(at);
        MessageListenerContainer container = registry.getListenerContainer(ReadModelListeners.containerId(name));
        if (container != null) {
            container.stop();
        }
        boolean restart = true;
        try (ReadModelPipeline.Paused paused = pipeline.pauseWrites()) {
            int members = steps.membersOnceOursHasLeft(group);
            if (members > 0) {
                throw RebuildProblem.conflict("Read model " + name + " is still consumed by " + members
                        + " member(s) of group " + group + " on other instances: stop their listeners (or scale"
                        + " projection-service to one instance) and swap again. Nothing was swapped for " + name + ".");
            }
            if (!steps.exists(shadow)) {
                throw RebuildProblem.conflict("The shadow collection " + shadow + " is gone (dropped by hand, or swapped"
                        + " in by another instance): rebuild " + name + " again. Nothing was swapped for " + name + ".");
            }
            liftVersionsAboveLive(pipeline.store().collection(), database.getCollection(shadow));
            Map<TopicPartition, OffsetAndMetadata> before = steps.offsets(group);
            Map<TopicPartition, OffsetAndMetadata> position = new HashMap<>();
            endOffsets.forEach((partition, offset) -> position.put(partition, new OffsetAndMetadata(offset)));
            try {
                steps.setOffsets(group, position);
            } catch (RuntimeException offsetsRefused) {
                throw RebuildProblem.swapFailed(name, "Kafka did not take the offsets the rebuild read up to ("
                        + offsetsRefused.getMessage() + "); nothing was renamed and the group's offsets are as before");
            }
            try {
                renameIn(live, shadow, backup);
            } catch (RebuildProblem.Broken broken) {
                throw broken;
            } catch (RuntimeException renameFailed) {
                try {
                    steps.putBackOffsets(group, before, position.keySet());
                } catch (RuntimeException notPutBack) {
                    restart = false;
                    log.error("Swap of {}: the offsets of {} could not be set back to {}; its listener stays stopped",
                            name, group, before, notPutBack);
                    throw RebuildProblem.swapBroken(name, "the collections are as before, but the offsets of " + group
                            + " could not be set back to " + before + " (" + notPutBack.getMessage() + ")");
                }
                throw RebuildProblem.swapFailed(name, "renaming failed (" + renameFailed.getMessage() + "); the"
                        + " collections and the group's offsets are as before");
            }
            return backup;
        } catch (RebuildProblem.Broken broken) {
            restart = false;
            throw broken;
        } finally {
            if (container != null && restart) {
                container.start();
            }
        }
    }

    /** Live to backup, shadow to live; the first undone if the second fails. */
    private void renameIn(String live, String shadow, String backup) {
        steps.rename(live, backup);
        try {
            steps.rename(shadow, live);
        } catch (RuntimeException shadowNotRenamed) {
            try {
                steps.rename(backup, live);
            } catch (RuntimeException notUndone) {
                log.error("Swap: {} could not be renamed back to {}; the read model has no live collection", backup, live,
                        notUndone);
                throw RebuildProblem.swapBroken(live, "the live collection was kept as " + backup + " but the shadow "
                        + shadow + " could not take its name (" + shadowNotRenamed.getMessage() + "), nor could it be"
                        + " renamed back (" + notUndone.getMessage() + "): rename " + backup + " to " + live
                        + " by hand, then start the listener (restart the instance)");
            }
            throw shadowNotRenamed;
        }
    }

    /**
     * A shadow document's version above the live document's, for every account both hold, so a
     * compare-and-set that read the live version (just before the swap, or on another instance) loses
     * against the swapped-in document and reads again, instead of overwriting it.
     */
    private static void liftVersionsAboveLive(MongoCollection<Document> live, MongoCollection<Document> shadow) {
        Map<String, Long> liveVersions = new HashMap<>();
        for (Document doc : live.find().projection(new Document(ReadModelDocuments.VERSION, 1))) {
            liveVersions.put(doc.getString(ReadModelDocuments.ID), versionOf(doc));
        }
        List<WriteModel<Document>> lifts = new ArrayList<>();
        for (Document doc : shadow.find().projection(new Document(ReadModelDocuments.VERSION, 1))) {
            Long liveVersion = liveVersions.get(doc.getString(ReadModelDocuments.ID));
            if (liveVersion != null && versionOf(doc) <= liveVersion) {
                lifts.add(new UpdateOneModel<>(new Document(ReadModelDocuments.ID, doc.getString(ReadModelDocuments.ID)),
                        new Document("$set", new Document(ReadModelDocuments.VERSION, liveVersion + 1))));
                if (lifts.size() == 500) {
                    shadow.bulkWrite(lifts);
                    lifts.clear();
                }
            }
        }
        if (!lifts.isEmpty()) {
            shadow.bulkWrite(lifts);
        }
    }

    private static long versionOf(Document doc) {
        return ((Number) doc.get(ReadModelDocuments.VERSION)).longValue();
    }

    private void execute(Run run) {
        try {
            dropShadowsBefore(run);
            List<ShadowFold<?>> folds = new ArrayList<>();
            for (String name : run.readModels) {
                folds.add(foldOf(listeners.pipeline(name).orElseThrow()));
            }
            readHistory(run, folds);
            Instant now = clock.instant();
            List<ModelReport> models = new ArrayList<>();
            for (ShadowFold<?> fold : folds) {
                models.add(compareAndWrite(fold, run.shadowOf(fold.pipeline().model().collection()), now));
            }
            run.finish(State.COMPLETED, models, null, clock.instant());
            log.info("Rebuild {} completed: {}", run.id, run.report());
        } catch (RuntimeException e) {
            log.error("Rebuild {} failed", run.id, e);
            run.finish(State.FAILED, List.of(), e.toString(), clock.instant());
        }
    }

    /** The shadows of earlier rebuilds that were not swapped in: only the latest rebuild can be. */
    private void dropShadowsBefore(Run run) {
        List<Run> earlier;
        synchronized (this) {
            earlier = runs.values().stream().filter(other -> other != run).toList();
        }
        for (Run other : earlier) {
            for (String name : other.readModels) {
                if (!other.replaced.containsKey(name)) {
                    listeners.pipeline(name).ifPresent(pipeline ->
                            database.getCollection(other.shadowOf(pipeline.model().collection())).drop());
                }
            }
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
    private <V> ModelReport compareAndWrite(ShadowFold<V> fold, String shadowName, Instant now) {
        ReadModelPipeline<V> pipeline = fold.pipeline();
        ReadModel<V> model = pipeline.model();
        ReadModelStore<V> liveStore = pipeline.store();
        ReadModelDocuments<V> documents = liveStore.documents();
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
            // Above the live version, so no compare-and-set of the live document can land on it once swapped.
            write(shadow, batch, documents.toDocument(accountId, shadowState, documents.versionOf(doc) + 1));
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
        volatile Instant swapStartedAt;
        /** The read models swapped so far, with where their former collections were kept, and the offsets set. */
        final Map<String, String> replaced = new LinkedHashMap<>();
        final Map<String, Map<Integer, Long>> offsetsSet = new LinkedHashMap<>();

        /**
         * This run's shadow of a live collection. A name of its own per run: a later rebuild never
         * writes into the shadows of an earlier one, and no name is used twice (the embedded MongoDB
         * keeps a renamed collection's unique index under its old name, so a new collection there
         * under a name a swap renamed away would collide with the old documents).
         */
        String shadowOf(String liveCollection) {
            return liveCollection + SHADOW_SUFFIX + id.substring(0, 8);
        }

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
