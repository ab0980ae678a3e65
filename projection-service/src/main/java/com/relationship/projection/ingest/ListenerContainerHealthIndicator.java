package com.relationship.projection.ingest;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part of liveness: DOWN when a read model's listener container, or one of its consumers,
 * is not running while the application is not shutting down (a consumer thread died, or the
 * container stopped itself after a fatal error). Nothing else would notice: the REST API still
 * answers from MongoDB while the read model stops moving, and a restart is what brings it back.
 */
@Component("listenerContainer")
public class ListenerContainerHealthIndicator extends AbstractHealthIndicator
        implements ApplicationListener<ContextClosedEvent> {

    private final KafkaListenerEndpointRegistry registry;
    private final ReadModelListeners listeners;
    private volatile boolean shuttingDown;

    public ListenerContainerHealthIndicator(KafkaListenerEndpointRegistry registry, ReadModelListeners listeners) {
        super("Cannot inspect the listener containers");
        this.registry = registry;
        this.listeners = listeners;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        shuttingDown = true;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Map<String, Object> containers = new LinkedHashMap<>();
        for (ReadModelPipeline<?> pipeline : listeners.pipelines()) {
            String id = ReadModelListeners.containerId(pipeline.name());
            MessageListenerContainer container = registry.getListenerContainer(id);
            if (container == null) {
                up = false;
                containers.put(id, id + " is not registered");
                continue;
            }
            List<? extends MessageListenerContainer> consumers = container instanceof ConcurrentMessageListenerContainer<?, ?> c
                    ? c.getContainers() : List.of(container);
            Map<String, Object> details = new LinkedHashMap<>();
            boolean allRunning = container.isRunning() && !consumers.isEmpty();
            for (int i = 0; i < consumers.size(); i++) {
                MessageListenerContainer consumer = consumers.get(i);
                allRunning &= consumer.isRunning();
                details.put("consumer-" + i, Map.of(
                        "running", consumer.isRunning(),
                        "partitions", consumer.getAssignedPartitions() == null ? List.of()
                                : consumer.getAssignedPartitions().stream().map(Object::toString).sorted().toList()));
            }
            up &= allRunning;
            containers.put(id, Map.of("running", container.isRunning(), "consumers", details));
        }
        (up || shuttingDown ? builder.up() : builder.down())
                .withDetail("shuttingDown", shuttingDown)
                .withDetail("containers", containers);
    }
}
