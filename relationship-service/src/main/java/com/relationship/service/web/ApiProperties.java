package com.relationship.service.web;

import com.relationship.security.SubjectRateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Limits and retry settings of the command API ({@code relationship.api.*}); the defaults need no
 * configuration.
 *
 * @param maxRequestBody        largest command body accepted (413 beyond): with the per-field caps it
 *                              keeps every event far below Kafka's 1 MiB record limit
 * @param idempotencyKeyTtl     how long an {@code Idempotency-Key} is remembered (a TTL index on
 *                              {@code idempotency_keys.createdAt}; also enforced when a key is read,
 *                              as mongo-java-server ignores TTL indexes)
 * @param idempotencyWait       how long a request waits for another in-flight request with its key
 *                              before it answers 409 "in progress, retry"
 * @param idempotencyStaleAfter after how long an attempt that never finished (its instance died) is
 *                              taken over by a retry
 * @param conflictRetries       how many times a command that lost a concurrent append is re-run on
 *                              the reloaded account before it answers 409 concurrent-modification
 * @param conflictBackoff       the pause before the first such retry (doubled each time)
 * @param commandRate           how many commands one token subject may send ({@link CommandRateLimitFilter});
 *                              past it 429 with {@code Retry-After}
 */
@ConfigurationProperties("relationship.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxRequestBody,
                            @DefaultValue("24h") Duration idempotencyKeyTtl,
                            @DefaultValue("2s") Duration idempotencyWait,
                            @DefaultValue("60s") Duration idempotencyStaleAfter,
                            @DefaultValue("4") int conflictRetries,
                            @DefaultValue("20ms") Duration conflictBackoff,
                            @DefaultValue CommandRate commandRate) {

    /**
     * {@code relationship.api.command-rate.*}: by default 500 a second with bursts of 1,000, well above
     * what one instance stores (about 120 a second on the local stack), so it stops a runaway caller,
     * not a busy one.
     *
     * @param requests commands per {@code per}, sustained
     * @param per      the period of {@code requests}
     * @param burst    commands at once, from a full bucket
     */
    public record CommandRate(@DefaultValue("500") long requests, @DefaultValue("1s") Duration per,
                              @DefaultValue("1000") long burst) {

        SubjectRateLimit.Limit limit() {
            return new SubjectRateLimit.Limit(requests, per, burst);
        }
    }
}
