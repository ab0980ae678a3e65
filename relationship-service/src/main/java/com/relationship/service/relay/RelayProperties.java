package com.relationship.service.relay;

import com.relationship.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param topic          where every stored event is published
 * @param ackTimeout     how long a whole batch may wait for Kafka's acknowledgements before it is
 *                       retried; shorter than the token claim timeout (checked at start-up), so no
 *                       other instance takes the segment over in the middle of a batch
 * @param reconcileEvery how often (and once at start) stored events the relay never saw are looked for
 * @param stuckAfter     how long one event may keep failing before the relay health component turns DOWN
 * @param pollInterval   how often the idle relay looks for events the event store has fetched (Axon's
 *                       pooled processor would look every 500 ms; see {@link PromptRelaySource})
 */
@ConfigurationProperties("relationship.relay")
public record RelayProperties(@DefaultValue(Topics.ACCOUNT_EVENTS) String topic,
                              @DefaultValue("5s") Duration ackTimeout,
                              @DefaultValue("30s") Duration reconcileEvery,
                              @DefaultValue("30s") Duration stuckAfter,
                              @DefaultValue("20ms") Duration pollInterval) {
}
