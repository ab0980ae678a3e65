package com.relationship.projection.churn.backtest;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingProperties;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.ChurnProperties;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backtests run on request (issue 27): each reads the events topic from its first offset to its end
 * now, groups the events by account and runs {@link ChurnBacktest} on them, one at a time on a thread
 * of its own, so the read models go on. Like the rebuilds, a backtest is answered by the instance
 * that runs it: its Location names it, and this instance keeps the latest {@value #KEPT}.
 */
@Component
public class ChurnBacktests {

    static final int KEPT = 20;
    /** More cutoffs than a decade of months: a request beyond it is refused, not run for hours. */
    static final int MAX_CUTOFFS = 240;
    private static final Logger log = LoggerFactory.getLogger(ChurnBacktests.class);

    private final KafkaProperties kafka;
    private final String topic;
    private final AccountEventCodec codec;
    private final ChurnModel active;
    private final BondingProperties bonding;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "churn-backtest");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();

    public ChurnBacktests(KafkaProperties kafka, ProjectionProperties properties, AccountEventCodec codec,
                          ChurnProperties churn, BondingProperties bonding, Clock clock) {
        this.kafka = kafka;
        this.topic = properties.topics().events();
        this.codec = codec;
        this.active = churn.toModel();
        this.bonding = bonding;
        this.clock = clock;
    }

    /**
     * What the request asks for, checked before anything runs.
     *
     * @param models       model versions: the active one's (with its configured numbers), "1" (version 1's
     *                     defaults) or "2" (version 2's defaults); the active one when left out
     * @param useLateFacts also facts recorded after a cutoff but dated before it; false when left out
     */
    public record Request(Instant from, Instant to, Duration step, List<Duration> horizons, List<String> models,
                          Boolean useLateFacts) {
    }

    /** Its state: RUNNING (with how far the read got), DONE with the report, or FAILED with why. */
    public record Status(String id, String state, Request request, Instant requestedAt, Instant finishedAt,
                         long recordsRead, long recordsToRead, BacktestReport report, String error) {
    }

    /** Starts one; answers its status. Refuses a request that cannot run, saying why. */
    public synchronized Status start(Request request) {
        ChurnBacktest.Plan plan = plan(request);
        Run run = new Run(UUID.randomUUID().toString(), request, clock.instant());
        runs.put(run.id, run);
        while (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
        runner.submit(() -> execute(run, plan));
        return run.status();
    }

    public synchronized Optional<Status> find(String id) {
        return Optional.ofNullable(runs.get(id)).map(Run::status);
    }

    /** This instance's backtests, newest first. */
    public synchronized List<Status> list() {
        List<Status> all = new ArrayList<>(runs.values().stream().map(Run::status).toList());
        all.sort(Comparator.comparing(Status::requestedAt).reversed());
        return all;
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
                    Boolean.TRUE.equals(request.useLateFacts()));
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

    private void execute(Run run, ChurnBacktest.Plan plan) {
        try {
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
            run.finish("DONE", report, null, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Churn backtest {} failed", run.id, e);
            run.finish("FAILED", null, e.toString(), clock.instant());
        }
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

        Run(String id, Request request, Instant requestedAt) {
            this.id = id;
            this.request = request;
            this.requestedAt = requestedAt;
        }

        void finish(String state, BacktestReport report, String error, Instant at) {
            this.report = report;
            this.error = error;
            this.finishedAt = at;
            this.state = state;
        }

        Status status() {
            return new Status(id, state, request, requestedAt, finishedAt, read.get(), toRead.get(), report, error);
        }
    }
}
