package com.relationship.service.relay;

import com.relationship.service.infra.EventStoreProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
class RelayConfiguration {

    /**
     * A relay error must stop the relay, not be logged and skipped (Axon's default for event
     * handlers): the batch is retried, so no event is lost on its way to Kafka. A segment's claim is
     * extended at least every fifth of the claim timeout, and by the coordinator too while a batch
     * waits for Kafka, so a batch (which waits at most the ack timeout) always ends inside its claim.
     * Each instance claims at most its share of the segments ({@link RelayNodes}).
     */
    @Bean
    ConfigurerModule relayProcessing(RelayProperties relay, EventStoreProperties store, ObjectProvider<RelayPublisher> publisher,
                                     RelayMetrics metrics, ObjectProvider<RelayNodes> nodes,
                                     ObjectProvider<PromptRelaySource> source) {
        Duration claimExtension = claimExtension(store.tokenClaimTimeout());
        requireAckWithinClaim(relay.ackTimeout(), store.tokenClaimTimeout(), claimExtension);
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerPooledStreamingEventProcessorConfiguration(KafkaRelay.PROCESSING_GROUP,
                        (c, builder) -> builder.messageSource(source.getObject())
                                .claimExtensionThreshold(claimExtension.toMillis())
                                .enableCoordinatorClaimExtension()
                                // a fair share per live instance, so segments spread (RelayNodes)
                                .maxSegmentProvider(nodes.getObject()))
                .registerHandlerInterceptor(KafkaRelay.PROCESSING_GROUP,
                        c -> new RelayAcknowledgements(publisher.getObject(), relay.ackTimeout(), metrics));
    }

    /** The event store, read with an availability callback (closed with the context, stopping its ticks). */
    @Bean
    PromptRelaySource relaySource(EventStore eventStore, RelayProperties relay) {
        return new PromptRelaySource(eventStore, relay.pollInterval());
    }

    static Duration claimExtension(Duration claimTimeout) {
        return claimTimeout.dividedBy(5);
    }

    /**
     * Fails start-up when a batch could outlive its segment's claim: another instance could then take
     * the segment over and publish the same events while this one is still sending them, out of step.
     */
    static void requireAckWithinClaim(Duration ackTimeout, Duration claimTimeout, Duration claimExtension) {
        if (ackTimeout.plus(claimExtension).compareTo(claimTimeout) >= 0) {
            throw new IllegalStateException("relationship.relay.ack-timeout (" + ackTimeout + ") must be shorter than"
                    + " relationship.event-store.token-claim-timeout (" + claimTimeout + ") minus the claim extension"
                    + " interval (" + claimExtension + ", a fifth of the claim timeout): otherwise another instance"
                    + " may take a relay segment over in the middle of a batch. Lower the ack timeout or raise the"
                    + " claim timeout.");
        }
    }
}
