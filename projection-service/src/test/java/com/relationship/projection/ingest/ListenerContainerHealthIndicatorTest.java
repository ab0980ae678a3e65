package com.relationship.projection.ingest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ListenerContainerHealthIndicatorTest {

    private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final ReadModelListeners listeners = mock(ReadModelListeners.class);
    private final ListenerContainerHealthIndicator indicator = new ListenerContainerHealthIndicator(registry, listeners);

    @BeforeEach
    void oneReadModel() {
        ReadModelPipeline<?> pipeline = mock(ReadModelPipeline.class);
        given(pipeline.name()).willReturn("account-status");
        given(listeners.pipelines()).willReturn(List.of(pipeline));
    }

    @Test
    void upWhileTheContainerRuns() {
        given(registry.getListenerContainer(ReadModelListeners.CONTAINER_ID)).willReturn(container);
        given(container.isRunning()).willReturn(true);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhenTheContainerStoppedWhileTheApplicationIsNotShuttingDown() {
        given(registry.getListenerContainer(ReadModelListeners.CONTAINER_ID)).willReturn(container);
        given(container.isRunning()).willReturn(false);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails().get("containers").toString()).contains("running=false");
    }

    @Test
    void downWhenTheContainerIsMissing() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aContainerStoppedByTheShutdownIsNoReasonToRestart() {
        given(registry.getListenerContainer(ReadModelListeners.CONTAINER_ID)).willReturn(container);
        given(container.isRunning()).willReturn(false);

        indicator.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}
