package com.relationship.service.relay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.config.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
public class RelayConfiguration {

    /**
     * A relay error must stop the relay, not be logged and skipped (Axon's default for event
     * handlers): the batch is retried, so no event is lost on its way to Kafka.
     */
    @Bean
    ConfigurerModule relayProcessing(RelayProperties properties, RelayMetrics metrics) {
        return configurer -> {
            configurer.onInitialize(config -> config.onStart(() -> countStoredEvents(config, metrics)));
            configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(KafkaRelay.PROCESSING_GROUP,
                        c -> new RelayAcknowledgements(properties.ackTimeout(), metrics));
        };
    }

    /** Counts the events this instance stores, for the relay's lag in events. */
    private static void countStoredEvents(Configuration config, RelayMetrics metrics) {
        config.eventBus().registerDispatchInterceptor(messages -> {
            metrics.stored();
            return (index, message) -> message;
        });
    }
}
