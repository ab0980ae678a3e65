package com.relationship.service.web;

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
 */
@ConfigurationProperties("relationship.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxRequestBody,
                            @DefaultValue("24h") Duration idempotencyKeyTtl,
                            @DefaultValue("2s") Duration idempotencyWait,
                            @DefaultValue("60s") Duration idempotencyStaleAfter,
                            @DefaultValue("4") int conflictRetries,
                            @DefaultValue("20ms") Duration conflictBackoff) {
}
