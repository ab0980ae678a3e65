package com.relationship.service.web;

import com.relationship.service.account.AccountRuleViolation;
import com.relationship.service.account.Rule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a lost race on the account is re-run, a bounded number of times; a refusal never is. */
class ConflictRetriesTest {

    private final ConflictRetries retries = new ConflictRetries(new ApiProperties(DataSize.ofKilobytes(64),
            Duration.ofHours(24), Duration.ofSeconds(2), Duration.ofSeconds(60), 3, Duration.ofMillis(1),
            new ApiProperties.CommandRate(500, Duration.ofSeconds(1), 1000)),
            new SimpleMeterRegistry());
    private final GenericCommandMessage<String> command = new GenericCommandMessage<>("command");

    @Test
    void aConflictIsRetriedUpToTheLimit() throws InterruptedException {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        CountDownLatch ran = new CountDownLatch(3);
        for (int attempt = 1; attempt <= 3; attempt++) {
            failures.add(null);
            assertThat(retries.scheduleRetry(command, new ConcurrencyException("lost the race"), failures,
                    ran::countDown)).isTrue();
        }
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        failures.add(null);
        assertThat(retries.scheduleRetry(command, new ConcurrencyException("again"), failures, ran::countDown))
                .isFalse();
    }

    @Test
    void aWrappedConflictIsRetried() {
        assertThat(retries.scheduleRetry(command, new IllegalStateException(new ConcurrencyException("x")),
                List.<Class<? extends Throwable>[]>of(new Class[0]), () -> { })).isTrue();
        // As the store raises it: the lost race carries the duplicate-key error that revealed it.
        assertThat(retries.scheduleRetry(command, new ConcurrencyException("lost the race",
                        new com.mongodb.MongoException("E11000 duplicate key")),
                List.<Class<? extends Throwable>[]>of(new Class[0]), () -> { })).isTrue();
    }

    @Test
    void aRefusalOrAStoreFailureIsNotRetried() {
        assertThat(retries.scheduleRetry(command, new AccountRuleViolation(Rule.NOT_LAPSED, "no", null, null),
                List.<Class<? extends Throwable>[]>of(new Class[0]), () -> { })).isFalse();
        assertThat(retries.scheduleRetry(command, new com.mongodb.MongoTimeoutException("slow"),
                List.<Class<? extends Throwable>[]>of(new Class[0]), () -> { })).isFalse();
    }
}
