package com.relationship.benchmarks.jmh;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.AccountFacts;
import com.relationship.projection.churn.ChurnInputs;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.ChurnScore;
import com.relationship.projection.churn.ChurnScoring;
import com.relationship.projection.status.AccountStatusProjector;
import com.relationship.projection.status.StatusView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The churn-risk scoring with the documented default models ({@link ChurnScoring#score}): what every
 * event and every pass over time costs each account's churn view, over the facts a history of
 * {@code events} events leaves; and one event through the status read model's whole step
 * ({@link AccountStatusProjector#apply}: the lifecycle fold, the facts, the scores), the unit of the
 * read models' ingest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChurnScoringBenchmark {

    @Param({"20", "1000"})
    public int events;

    private final ChurnScoring scoring = new ChurnScoring(ChurnModel.defaults(), BondingModel.defaults());
    private final AccountStatusProjector projector = new AccountStatusProjector();
    private ChurnInputs inputs;
    private Instant now;
    private StatusView beforeLast;
    private EnvelopedAccountEvent last;

    @Setup
    public void history() {
        List<EnvelopedAccountEvent> history = AccountHistories.of(events);
        AccountFacts facts = null;
        StatusView view = null;
        for (EnvelopedAccountEvent event : history.subList(0, history.size() - 1)) {
            facts = AccountFacts.apply(facts, event);
            view = projector.apply(view, event);
        }
        last = history.get(history.size() - 1);
        facts = AccountFacts.apply(facts, last);
        inputs = facts.inputs();
        now = last.occurredAt().plus(Duration.ofDays(45));
        beforeLast = view;
    }

    @Benchmark
    public ChurnScore score() {
        return scoring.score(inputs, now);
    }

    @Benchmark
    public StatusView applyOneEventToTheStatus() {
        return projector.apply(beforeLast, last);
    }
}
