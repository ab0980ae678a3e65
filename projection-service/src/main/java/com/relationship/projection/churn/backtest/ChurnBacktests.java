package com.relationship.projection.churn.backtest;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingProperties;
import com.mongodb.client.MongoDatabase;
import com.relationship.projection.churn.ChurnCalibrations;
import com.relationship.projection.churn.ChurnFactor;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.ChurnProperties;
import com.relationship.projection.churn.LapseCalibration;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.ingest.ReadModelListeners;
import com.relationship.projection.ingest.TopicToEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backtests run on request (issue 27): each reads the events topic from its first offset to its end
 * now, groups the events by account and runs {@link ChurnBacktest} on them, one at a time on a thread
 * of its own, so the read models go on. Each is kept in the read models' database
 * ({@link BacktestRecords}), so any instance answers it and the latest {@value #KEPT} outlive a restart;
 * the instance running one updates its progress there. A finished backtest that ran the active model
 * calibrates revenue at risk ({@link ChurnCalibrations}).
 */
@Component
public class ChurnBacktests {

    static final int KEPT = 20;
    /** More cutoffs than a decade of months: a request beyond it is refused, not run for hours. */
    static final int MAX_CUTOFFS = 240;
    /** How often a running backtest's progress is saved for the other instances to answer. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ChurnBacktests.class);

    private final KafkaProperties kafka;
    private final String topic;
    private final AccountEventCodec codec;
    private final ChurnModel active;
    private final BondingProperties bonding;
    private final ChurnCalibrations calibrations;
    private final int calibrationMinScored;
    private final BacktestRecords records;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "churn-backtest");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "churn-backtest-progress");
        thread.setDaemon(true);
        return thread;
    });
    /** The runs of this instance not finished yet: their progress is fresher here than in the database. */
    private final Map<String, Run> running = new LinkedHashMap<>();

    public ChurnBacktests(KafkaProperties kafka, ProjectionProperties properties, AccountEventCodec codec,
                          ChurnProperties churn, BondingProperties bonding, ChurnCalibrations calibrations,
                          MongoDatabase projectionDatabase, Clock clock) {
        this.kafka = kafka;
        this.topic = properties.topics().events();
        this.codec = codec;
        this.active = churn.toModel();
        this.bonding = bonding;
        this.calibrations = calibrations;
        this.calibrationMinScored = churn.calibrationMinScored();
        this.records = new BacktestRecords(projectionDatabase, KEPT, clock);
        this.clock = clock;
        heartbeat.scheduleWithFixedDelay(this::saveProgress, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * What the request asks for, checked before anything runs.
     *
     * @param models       model versions: the active one's (with its configured numbers), "1" (version 1's
     *                     defaults) or "2" (version 2's defaults); the active one when left out
     * @param useLateFacts also facts recorded after a cutoff but dated before it; false when left out
     * @param weightRanges the suggested weights' range per factor ({@code {"STAGE": {"min": 5, "max": 20}}});
     *                     a factor left out ranges from 0 to 50
     * @param weightStep   the points the weight search moves at a time; 5 when left out
     */
    public record Request(Instant from, Instant to, Duration step, List<Duration> horizons, List<String> models,
                          Boolean useLateFacts, Map<ChurnFactor, WeightBounds.Range> weightRanges, Integer weightStep) {

        /** Without bounds of its own for the weight search. */
        public Request(Instant from, Instant to, Duration step, List<Duration> horizons, List<String> models,
                       Boolean useLateFacts) {
            this(from, to, step, horizons, models, useLateFacts, null, null);
        }
    }

    /**
     * Its state: RUNNING (with how far the read got), DONE with the report, or FAILED with why.
     *
     * @param calibration once DONE, whether it calibrated revenue at risk, and why not when it did not
     */
    public record Status(String id, String state, Request request, Instant requestedAt, Instant finishedAt,
                         long recordsRead, long recordsToRead, BacktestReport report, String error,
                         String calibration) {
    }

    /** Starts one; answers its status. Refuses a request that cannot run, saying why. */
    public Status start(Request request) {
        ChurnBacktest.Plan plan = plan(request);
        Run run = new Run(UUID.randomUUID().toString(), request, clock.instant());
        records.save(run.status());
        synchronized (running) {
            running.put(run.id, run);
        }
        runner.submit(() -> execute(run, plan));
        return run.status();
    }

    /** Any instance's backtest, with this instance's own progress when it runs it. */
    public Optional<Status> find(String id) {
        synchronized (running) {
            Run run = running.get(id);
            if (run != null) {
                return Optional.of(run.status());
            }
        }
        return records.find(id);
    }

    /** The latest {@value #KEPT} backtests of any instance, newest first. */
    public List<Status> list() {
        List<Status> all = new ArrayList<>(records.latest());
        synchronized (running) {
            all.replaceAll(status -> running.containsKey(status.id()) ? running.get(status.id()).status() : status);
        }
        all.sort(Comparator.comparing(Status::requestedAt).reversed());
        return all;
    }

    private void saveProgress() {
        List<Status> progress;
        synchronized (running) {
            progress = running.values().stream().map(Run::status).toList();
        }
        progress.forEach(status -> {
            try {
                records.save(status);
            } catch (RuntimeException storeDown) {
                log.warn("Could not save the progress of churn backtest {}", status.id(), storeDown);
            }
        });
    }

    private ChurnBacktest.Plan plan(Request request) {
        if (request == null) {
            throw new InvalidBacktest("the request needs a body: from, to and step at least");
        }
        List<Duration> horizons = request.horizons() == null || request.horizons().isEmpty()
                ? List.of(Duration.ofDays(90), Duration.ofDays(180)) : request.horizons();
        List<String> versions = request.models() == null || request.models().isEmpty()
                ? List.of(active.version()) : request.models();
        List<ChurnModel> models = new ArrayList<>();
        for (String version : versions) {
            models.add(model(version));
        }
        ChurnBacktest.Plan plan;
        try {
            plan = new ChurnBacktest.Plan(request.from(), request.to(), request.step(), horizons, models,
                    Boolean.TRUE.equals(request.useLateFacts()), null, new WeightBounds(request.weightRanges(),
                    request.weightStep() == null ? WeightBounds.DEFAULT_STEP : request.weightStep()));
        } catch (IllegalArgumentException cannotRun) {
            throw new InvalidBacktest(cannotRun.getMessage());
        }
        if (plan.cutoffCount() > MAX_CUTOFFS) {
            throw new InvalidBacktest(plan.cutoffCount() + " cutoffs asked for; at most " + MAX_CUTOFFS
                    + ": take a longer step or a shorter span");
        }
        return plan;
    }

    private ChurnModel model(String version) {
        if (active.version().equals(version)) {
            return active;
        }
        return switch (version) {
            case "1" -> ChurnModel.version1();
            case "2" -> ChurnModel.defaults();
            default -> throw new InvalidBacktest("model " + version + " is not known here: ask for the active one ("
                    + active.version() + "), 1 or 2");
        };
    }

    private void execute(Run run, ChurnBacktest.Plan requested) {
        try {
            // The history is known up to now: a horizon ending later cannot be labelled yet.
            ChurnBacktest.Plan plan = new ChurnBacktest.Plan(requested.from(), requested.to(), requested.step(),
                    requested.horizons(), requested.models(), requested.useLateFacts(), clock.instant(),
                    requested.weightBounds());
            List<EnvelopedAccountEvent> events = new ArrayList<>();
            TopicToEnd.read(kafka, topic, "projection-service-backtest-" + run.id,
                    extent -> run.toRead.set(extent.records()), record -> {
                        run.read.incrementAndGet();
                        try {
                            events.add(ReadModelListeners.decode(codec, record.key(), record.value()));
                        } catch (RuntimeException undecodable) {
                            // A record no read model can fold (it is on the dead-letter topic) is left out here too.
                        }
                    });
            BacktestReport report = new ChurnBacktest(bonding.toModel()).run(ChurnBacktest.byAccount(events), plan);
            Instant finished = clock.instant();
            run.finish("DONE", report, null, finished, calibrate(run.id, report, plan, finished));
        } catch (RuntimeException e) {
            log.warn("Churn backtest {} failed", run.id, e);
            run.finish("FAILED", null, e.toString(), clock.instant(), null);
        }
        try {
            records.save(run.status());
        } catch (RuntimeException storeDown) {
            log.warn("Could not keep churn backtest {}; this instance answers it until it restarts", run.id, storeDown);
            return;
        }
        synchronized (running) {
            running.remove(run.id);
        }
    }

    /** Adopts what the report observed of the active model as revenue at risk's calibration; says whether it did. */
    private String calibrate(String id, BacktestReport report, ChurnBacktest.Plan plan, Instant finished) {
        if (!calibrations.enabled()) {
            return "Not used for revenue at risk: projection.churn.calibrate is false.";
        }
        Optional<LapseCalibration> calibration = BacktestCalibration.of(id, report, calibrations.activeFingerprint(),
                plan, calibrationMinScored, finished);
        if (calibration.isEmpty()) {
            return "Not used for revenue at risk: it labelled no account-cutoff of the active model ("
                    + active.version() + " as configured); include it in models, with a horizon that has passed.";
        }
        LapseCalibration adopted = calibration.get();
        if (!calibrations.adopt(adopted)) {
            return "Not used for revenue at risk: a backtest that finished later calibrates it.";
        }
        List<String> bands = new ArrayList<>();
        adopted.bands().forEach((band, b) -> bands.add(band + " " + (b.yearlyLapseChance() == null
                ? "keeps its prior (" + b.scored() + " account-cutoffs, fewer than " + calibrationMinScored + ")"
                : String.format(java.util.Locale.ROOT, "%.1f%% a year (%d of %d lapsed within %d days)",
                        100 * b.yearlyLapseChance(), b.lapses(), b.scored(), adopted.horizon().toDays()))));
        return "Calibrates revenue at risk of the active model (" + active.version() + ") from its "
                + adopted.horizon().toDays() + "-day result: " + String.join("; ", bands) + ".";
    }

    /** A request that cannot run: 400, saying why. */
    public static class InvalidBacktest extends RuntimeException {
        InvalidBacktest(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Run {
        final String id;
        final Request request;
        final Instant requestedAt;
        final AtomicLong read = new AtomicLong();
        final AtomicLong toRead = new AtomicLong();
        volatile String state = "RUNNING";
        volatile BacktestReport report;
        volatile String error;
        volatile Instant finishedAt;
        volatile String calibration;

        Run(String id, Request request, Instant requestedAt) {
            this.id = id;
            this.request = request;
            this.requestedAt = requestedAt;
        }

        void finish(String state, BacktestReport report, String error, Instant at, String calibration) {
            this.report = report;
            this.calibration = calibration;
            this.error = error;
            this.finishedAt = at;
            this.state = state;
        }

        Status status() {
            return new Status(id, state, request, requestedAt, finishedAt, read.get(), toRead.get(), report, error,
                    calibration);
        }
    }
}
