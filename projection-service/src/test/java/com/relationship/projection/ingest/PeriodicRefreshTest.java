package com.relationship.projection.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A refresh runs every period, and waits the busy period after one that read a backlog. */
class PeriodicRefreshTest {

    @Test
    void aQuietRefreshRunsEveryPeriod() {
        AtomicInteger calls = new AtomicInteger();
        PeriodicRefresh refresh = new PeriodicRefresh("quiet", Duration.ofMillis(5), Duration.ofMinutes(1), () -> {
            calls.incrementAndGet();
            return 3;
        });
        refresh.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 5);
        } finally {
            refresh.stop();
        }
        assertThat(refresh.isRunning()).isFalse();
    }

    @Test
    void aRefreshThatReadABacklogWaitsTheBusyPeriodAndOneThatFailedIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        PeriodicRefresh refresh = new PeriodicRefresh("busy", Duration.ofMillis(5), Duration.ofMinutes(1), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the store is not there yet");
            }
            return PeriodicRefresh.BUSY + 1;
        });
        refresh.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 2);
            // after the busy read it waits a minute, not 5 ms: no third call for a while
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 2);
        } finally {
            refresh.stop();
        }
    }
}
