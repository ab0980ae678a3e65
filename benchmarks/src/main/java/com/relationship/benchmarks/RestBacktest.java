package com.relationship.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.backtest.BacktestReport;
import com.relationship.projection.churn.backtest.ChurnBacktest;
import com.relationship.projection.churn.backtest.SyntheticHistories;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The churn backtest on the local stack over a history recorded through REST (issue 27): 1,000 of the
 * {@link Backtest}'s synthetic accounts (100 with {@code --quick}), about 65 events each, are sent as
 * the commands a user would send, each dated by its business time ({@link HistoryCommands}), from 8
 * clients, one account per client at a time so each account's commands go in order (~65,000 commands:
 * 6 minutes at the ~190 commands/s this 2-core machine took them at, 11 at 100). Once the read models
 * show every account at its last answered version, projection-service's
 * {@code POST /api/v1/admin/churn-backtests} runs {@link Backtest}'s plan over the events topic. Prints
 * that report as {@link Backtest} prints its own, the commands sent and refused (per reason: a refusal
 * is data, not an error), the recording rate and the backtest's time, and whether the report equals
 * the in-memory {@link ChurnBacktest}'s over the very same generated histories.
 */
final class RestBacktest {

    /** Reads the report as projection-service wrote it (ISO durations; fields this harness does not know are skipped). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration WAIT = Duration.ofMinutes(15);

    private final int accounts;
    private final int clients = 8;

    RestBacktest(boolean quick) {
        this.accounts = quick ? 100 : 1_000;
    }

    /** What recording the histories through REST came to. */
    private record Recording(long sent, Map<String, Long> latest, Map<String, Refusals> refused, double seconds) {

        long refusedInAll() {
            return refused.values().stream().mapToLong(r -> r.count().get()).sum();
        }
    }

    /** How many commands were refused for one reason, and the first one's detail (what to look at). */
    private record Refusals(AtomicLong count, String firstDetail) {
    }

    Results.Table run() throws Exception {
        List<List<EnvelopedAccountEvent>> histories = SyntheticHistories.generate(accounts, 27L, true);
        // Recorded now with their business time, so at every cutoff these facts were recorded late: the
        // backtest over REST needs useLateFacts; in memory it gives what Backtest's plan gives (compared below).
        ChurnBacktest.Plan plan = Backtest.plan(true);
        try (LocalStackProcess stack = new LocalStackProcess(LocalStackProcess.launcher(),
                Files.createTempDirectory("backtest-rest"), true)) {
            RestClient rest = new RestClient(stack);
            Recording recording = record(stack, rest, histories);
            double caughtUp = rest.secondsUntilApplied(recording.latest(), WAIT);
            RestClient.Finished backtest = rest.runToEnd(stack.readModelAdmin() + "/churn-backtests", request(plan), WAIT);
            BacktestReport overRest = JSON.treeToValue(backtest.report().get("report"), BacktestReport.class);

            ChurnBacktest inMemory = new ChurnBacktest(BondingModel.defaults());
            // The endpoint groups the topic's events by account (ChurnBacktest.byAccount); grouped the same way
            // here, the accounts come in the same order, which the deciles depend on (see the table's notes).
            BacktestReport inEndpointOrder = inMemory.run(ChurnBacktest.byAccount(
                    histories.stream().flatMap(List::stream).toList()), plan);
            BacktestReport asGenerated = inMemory.run(histories, plan);
            InMemory compared = new InMemory(inEndpointOrder, withoutDeciles(asGenerated).equals(withoutDeciles(overRest)),
                    asGenerated.equals(overRest),
                    asGenerated.results().equals(inMemory.run(histories, Backtest.plan(false)).results()));
            return table(histories, recording, caughtUp, backtest.seconds(), overRest, compared);
        }
    }

    /**
     * The in-memory ChurnBacktest over the same generated histories, against the report over REST.
     *
     * @param inEndpointOrder         its report with the accounts in the endpoint's order
     * @param asGeneratedButDeciles   in the order generated, every figure but the deciles' equals the REST report's
     * @param asGeneratedWhole        in the order generated, the whole report equals it
     * @param lateFactsChangedNothing in the order generated, its results equal those with useLateFacts=false (the
     *                                {@code backtest} benchmark's plan)
     */
    private record InMemory(BacktestReport inEndpointOrder, boolean asGeneratedButDeciles, boolean asGeneratedWhole,
                            boolean lateFactsChangedNothing) {
    }

    /** The report without the deciles, the one part that depends on the order the accounts come in. */
    private static List<BacktestReport.ModelResult> withoutDeciles(BacktestReport report) {
        return report.results().stream().map(r -> new BacktestReport.ModelResult(r.modelVersion(), r.modelFingerprint(),
                r.horizon(), r.scored(), r.unobserved(), r.lapses(), r.auc(), r.highPrecision(), r.highRecall(),
                r.highLift(), r.bands(), List.<BacktestReport.DecileCalibration>of(), r.medianLeadDays(),
                r.suggestedWeights(), r.suggestedAuc())).toList();
    }

    /**
     * Each history's events as commands, in order: a client takes the next account and sends all of its
     * commands before it takes another. Every answer is counted; a refused command is not retried.
     */
    private Recording record(LocalStackProcess stack, RestClient rest, List<List<EnvelopedAccountEvent>> histories)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        Map<String, Long> latest = new ConcurrentHashMap<>();
        Map<String, Refusals> refused = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < histories.size(); i = next.getAndIncrement()) {
                    for (EnvelopedAccountEvent event : histories.get(i)) {
                        HistoryCommands.Command command = HistoryCommands.of(event);
                        RestClient.Answer answer = rest.attempt(stack.commands() + command.path(),
                                JSON.writeValueAsString(command.body()));
                        sent.incrementAndGet();
                        if (answer.status() / 100 == 2) {
                            latest.merge(event.accountId().toString(), answer.body().get("version").asLong(), Math::max);
                        } else {
                            String reason = answer.status() + " " + answer.body().path("type").asText("(no type)");
                            refused.computeIfAbsent(reason, r -> new Refusals(new AtomicLong(),
                                    answer.body().path("detail").asText())).count().incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return new Recording(sent.get(), latest, refused, (System.nanoTime() - started) / 1e9);
    }

    /** The plan as projection-service's endpoint takes it (docs/read-models.md, "The backtest"). */
    private static String request(ChurnBacktest.Plan plan) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", plan.from().toString());
        body.put("to", plan.to().toString());
        body.put("step", plan.step().toString());
        body.put("horizons", plan.horizons().stream().map(Duration::toString).toList());
        body.put("models", plan.models().stream().map(ChurnModel::version).toList());
        body.put("useLateFacts", plan.useLateFacts());
        return JSON.writeValueAsString(body);
    }

    private Results.Table table(List<List<EnvelopedAccountEvent>> histories, Recording recording, double caughtUp,
                                double backtestSeconds, BacktestReport overRest, InMemory inMemory) {
        List<String> columns = new ArrayList<>(Backtest.COLUMNS);
        columns.add("same in memory");
        List<BacktestReport.ModelResult> expected = inMemory.inEndpointOrder().results();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BacktestReport.ModelResult result : overRest.results()) {
            Map<String, Object> row = Backtest.row(result);
            row.put("same in memory", expected.contains(result) ? "yes" : "no");
            rows.add(row);
        }
        // Where a figure differs, the in-memory row beside it says which.
        for (BacktestReport.ModelResult result : expected) {
            if (!overRest.results().contains(result)) {
                Map<String, Object> row = Backtest.row(result);
                row.put("model", result.modelVersion() + " (in memory)");
                row.put("same in memory", "–");
                rows.add(row);
            }
        }
        long events = histories.stream().mapToLong(List::size).sum();
        String notes = String.format("%,d synthetic accounts (SyntheticHistories, seed 27, as the backtest benchmark"
                        + " generates them), %,d events, sent as %,d commands through REST with their business time"
                        + " from %d clients (one account per client at a time) in %.1f s, %.1f commands/s; refused: %s."
                        + " The read models showed every account at its last answered version %.1f s after the last"
                        + " answer. POST /api/v1/admin/churn-backtests (%d cutoffs, useLateFacts=true: the history was"
                        + " recorded now, after every cutoff) read the events topic and ran in %.1f s over %,d"
                        + " accounts. The in-memory ChurnBacktest over the same generated histories, grouped by"
                        + " account as the endpoint groups the topic's events: report %s. Taken in the order they were"
                        + " generated: %s%s; that run's results %s those with useLateFacts=false (the backtest"
                        + " benchmark's plan).",
                accounts, events, recording.sent(), clients, recording.seconds(), recording.sent() / recording.seconds(),
                refusals(recording), caughtUp, overRest.cutoffs(), backtestSeconds, overRest.accounts(),
                overRest.equals(inMemory.inEndpointOrder()) ? "equal" : "different",
                inMemory.asGeneratedWhole() ? "report equal"
                        : inMemory.asGeneratedButDeciles() ? "every figure equal but the deciles'" : "report different",
                inMemory.asGeneratedWhole() || !inMemory.asGeneratedButDeciles() ? "" : " (a decile boundary splits the"
                        + " account-cutoffs tied on a score by the order the accounts come in, so a lapse among them"
                        + " moves to the neighbouring tenth)",
                inMemory.lateFactsChangedNothing() ? "equal" : "differ from");
        return new Results.Table("backtest-rest", "The churn backtest over " + accounts
                + " accounts recorded through REST on the local stack", columns, rows, notes);
    }

    /** "0", or how many in all and each reason's count with its first detail, most frequent first. */
    private static String refusals(Recording recording) {
        if (recording.refused().isEmpty()) {
            return "0";
        }
        return recording.refusedInAll() + " (" + recording.refused().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Refusals> e) -> e.getValue().count().get()).reversed())
                .map(e -> e.getKey() + " ×" + e.getValue().count() + ", first: " + e.getValue().firstDetail())
                .collect(Collectors.joining("; ")) + ")";
    }
}
