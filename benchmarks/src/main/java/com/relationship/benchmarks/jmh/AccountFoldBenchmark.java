package com.relationship.benchmarks.jmh;

import com.relationship.account.AccountState;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one fold ({@link AccountState#evolve}) over a whole history, as the aggregate's event
 * sourcing, eligibility and every as-of answer run it: microseconds per history of {@code events}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccountFoldBenchmark {

    @Param({"20", "1000"})
    int events;

    private List<EnvelopedAccountEvent> history;

    @Setup
    public void history() {
        history = AccountHistories.of(events);
    }

    @Benchmark
    public AccountState foldTheWholeHistory() {
        EnvelopedAccountEvent registration = history.get(0);
        AccountState state = AccountState.registered((AccountRegistered) registration.event(), registration.occurredAt());
        for (int i = 1; i < history.size(); i++) {
            EnvelopedAccountEvent event = history.get(i);
            state = state.evolve(event.event(), event.sequence(), event.occurredAt());
        }
        return state;
    }
}
