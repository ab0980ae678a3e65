package com.relationship.service.relay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
public class RelayConfiguration {

    /**
     * A relay error must stop the relay, not be logged and skipped (Axon's default for event
     * handlers): the batch is retried, so no event is lost on its way to Kafka.
     */
    @Bean
    ConfigurerModule relayProcessing(RelayProperties properties, RelayMetrics metrics) {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(KafkaRelay.PROCESSING_GROUP,
                        c -> new RelayAcknowledgements(properties.ackTimeout(), metrics));
    }
}
