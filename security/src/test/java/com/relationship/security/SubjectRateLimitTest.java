package com.relationship.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bucket per subject: a burst at once, then the rate, and how long to wait when it is spent. */
class SubjectRateLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SubjectRateLimit limit = new SubjectRateLimit(new SubjectRateLimit.Limit(2, Duration.ofSeconds(1), 3),
            new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            });

    @Test
    void aBurstPassesThenTheSubjectWaitsForTheRateAndOthersDoNot() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("ada")).as("request " + i + " of the burst").isEmpty();
        }
        Duration wait = limit.take("ada").orElseThrow();
        assertThat(wait).isEqualTo(Duration.ofMillis(500)); // 2 a second: one every half second
        assertThat(SubjectRateLimit.retryAfterSeconds(wait)).isEqualTo(1);
        assertThat(limit.take("bob")).as("another subject's bucket is full").isEmpty();

        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limit.take("ada")).isEmpty();
        assertThat(limit.take("ada")).isPresent();
    }
}
