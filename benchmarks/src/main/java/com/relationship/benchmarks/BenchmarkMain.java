package com.relationship.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [store] [command-path] [audit] [scale] [backtest] [backtest-rest] [--quick] [--out DIR]}: runs the named
 * benchmarks (all there are when none is named), prints a Markdown table for each and writes it with
 * a JSON file of the same figures under {@code DIR} (default {@code benchmarks/target/results}).
 * {@code --quick}: a small load, to check the harness works, not to quote.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        boolean quick = arguments.contains("--quick");
        int outAt = arguments.indexOf("--out");
        Path out = outAt >= 0 ? Path.of(arguments.get(outAt + 1)) : Path.of("benchmarks", "target", "results");
        List<String> named = new ArrayList<>(arguments.stream().filter(a -> !a.startsWith("--")).toList());
        if (outAt >= 0) {
            named.remove(arguments.get(outAt + 1));
        }
        Results results = new Results(out);
        if (named.isEmpty() || named.contains("store")) {
            results.write(new StoreBaselines(quick).run());
        }
        if (named.isEmpty() || named.contains("command-path")) {
            results.write(new CommandPath(quick).run());
        }
        if (named.isEmpty() || named.contains("audit")) {
            results.write(new AuditRates(quick).run());
        }
        if (named.isEmpty() || named.contains("scale")) {
            results.write(new Scale(quick).run());
        }
        if (named.isEmpty() || named.contains("backtest")) {
            results.write(new Backtest(quick).run());
        }
        if (named.isEmpty() || named.contains("backtest-rest")) {
            results.write(new RestBacktest(quick).run());
        }
    }
}
