package com.relationship.service.relay;

import com.relationship.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param topic      where every stored event is published
 * @param ackTimeout how long a batch waits for Kafka's acknowledgements before it is retried
 */
@ConfigurationProperties("relationship.relay")
public record RelayProperties(@DefaultValue(Topics.ACCOUNT_EVENTS) String topic,
                              @DefaultValue("30s") Duration ackTimeout) {
}
