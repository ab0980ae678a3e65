package com.relationship.projection.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ListenerContainerHealthIndicatorTest {

    private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final ListenerContainerHealthIndicator indicator = new ListenerContainerHealthIndicator(registry);

    @Test
    void upWhileTheContainerRuns() {
        given(registry.getListenerContainer(AccountEventListener.CONTAINER_ID)).willReturn(container);
        given(container.isRunning()).willReturn(true);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhenTheContainerStoppedWhileTheApplicationIsNotShuttingDown() {
        given(registry.getListenerContainer(AccountEventListener.CONTAINER_ID)).willReturn(container);
        given(container.isRunning()).willReturn(false);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails()).containsEntry("running", false);
    }

    @Test
    void downWhenTheContainerIsMissing() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aContainerStoppedByTheShutdownIsNoReasonToRestart() {
        given(registry.getListenerContainer(AccountEventListener.CONTAINER_ID)).willReturn(container);
        given(container.isRunning()).willReturn(false);

        indicator.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}
