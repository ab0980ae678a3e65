package com.relationship.benchmarks;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.backtest.BacktestReport;
import com.relationship.projection.churn.backtest.ChurnBacktest;
import com.relationship.projection.churn.backtest.SyntheticHistories;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The churn backtest at scale (issue 27): 100,000 synthetic accounts (2,000 with {@code --quick}) whose
 * lapses follow the signals, 12 monthly cutoffs, horizons of 90 and 180 days, models 1 and 2. Prints
 * how long generating and backtesting took, the heap it peaked at, and what each model found.
 */
final class Backtest {

    private final int accounts;

    Backtest(boolean quick) {
        this.accounts = quick ? 2_000 : 100_000;
    }

    Results.Table run() {
        long generating = System.nanoTime();
        List<List<EnvelopedAccountEvent>> histories = SyntheticHistories.generate(accounts, 27L, true);
        double generated = seconds(generating);
        long events = histories.stream().mapToLong(List::size).sum();
        ChurnBacktest.Plan plan = plan(false);
        resetPeaks();
        long started = System.nanoTime();
        BacktestReport report = new ChurnBacktest(BondingModel.defaults()).run(histories, plan);
        double took = seconds(started);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BacktestReport.ModelResult result : report.results()) {
            rows.add(row(result));
        }
        String notes = String.format("%,d accounts, %,d events generated in %.1f s; %d cutoffs, 2 models, 2 horizons"
                        + " backtested in %.1f s; heap peak %,d MB (all pools, histories held in memory). Synthetic"
                        + " lapses follow the signals with noise (SyntheticHistories, seed 27); a smoke run's figures"
                        + " are not quoted.", accounts, events, generated, report.cutoffs(), took, peakHeapMegabytes());
        return new Results.Table("backtest", "The churn backtest at " + accounts + " accounts", COLUMNS, rows, notes);
    }

    /** The table's columns, one row per model and horizon (also {@link RestBacktest}'s). */
    static final List<String> COLUMNS = List.of("model", "horizon (days)", "account-cutoffs scored", "lapses", "AUC",
            "HIGH precision", "HIGH lift", "median lead (days)", "AUC with suggested weights");

    /**
     * The plan both backtest benchmarks run: 12 monthly cutoffs from a year into the synthetic histories,
     * horizons of 90 and 180 days, models 1 and 2.
     *
     * @param useLateFacts false here (the synthetic events were recorded when they happened); true for a
     *                     history recorded through REST now with its business time, else nothing was known at a cutoff
     */
    static ChurnBacktest.Plan plan(boolean useLateFacts) {
        return new ChurnBacktest.Plan(SyntheticHistories.START.plus(Duration.ofDays(360)),
                SyntheticHistories.START.plus(Duration.ofDays(360 + 11 * 30)), Duration.ofDays(30),
                List.of(Duration.ofDays(90), Duration.ofDays(180)), List.of(ChurnModel.version1(), ChurnModel.defaults()),
                useLateFacts);
    }

    /** One model at one horizon, in {@link #COLUMNS}. */
    static Map<String, Object> row(BacktestReport.ModelResult result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", result.modelVersion());
        row.put("horizon (days)", result.horizon().toDays());
        row.put("account-cutoffs scored", result.scored());
        row.put("lapses", result.lapses());
        row.put("AUC", result.auc());
        row.put("HIGH precision", result.highPrecision());
        row.put("HIGH lift", result.highLift());
        row.put("median lead (days)", result.medianLeadDays());
        row.put("AUC with suggested weights", result.suggestedAuc() == null ? "–" : result.suggestedAuc());
        return row;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
