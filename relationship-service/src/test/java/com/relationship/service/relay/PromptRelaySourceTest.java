package com.relationship.service.relay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PromptRelaySourceTest {

    private final AtomicBoolean delegateClosed = new AtomicBoolean();
    private final StreamableMessageSource<TrackedEventMessage<?>> store = token -> new BlockingStream<>() {
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("no events in this test");
        }

        @Override
        public void close() {
            delegateClosed.set(true);
        }
    };

    @Test
    void tellsTheCoordinatorToLookAgainUntilTheStreamIsClosed() {
        try (PromptRelaySource source = new PromptRelaySource(store, Duration.ofMillis(10))) {
            BlockingStream<TrackedEventMessage<?>> stream = source.openStream((TrackingToken) null);
            AtomicInteger looks = new AtomicInteger();

            assertThat(stream.setOnAvailableCallback(looks::incrementAndGet))
                    .as("Axon's coordinator polls every 500 ms when the stream answers false").isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> looks.get() >= 3);

            stream.close();
            int afterClose = looks.get();
            await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> true);
            assertThat(looks.get()).isLessThanOrEqualTo(afterClose + 1);
            assertThat(delegateClosed).isTrue();
        }
    }

    @Test
    void aNewCallbackReplacesTheOldOne() {
        try (PromptRelaySource source = new PromptRelaySource(store, Duration.ofMillis(10))) {
            BlockingStream<TrackedEventMessage<?>> stream = source.openStream((TrackingToken) null);
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            stream.setOnAvailableCallback(first::incrementAndGet);
            stream.setOnAvailableCallback(second::incrementAndGet);
            int firstBefore = first.get();

            await().atMost(Duration.ofSeconds(5)).until(() -> second.get() >= 3);
            assertThat(first.get()).isLessThanOrEqualTo(firstBefore + 1);
            stream.close();
        }
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new PromptRelaySource(store, Duration.ZERO))
                .hasMessageContaining("relationship.relay.poll-interval");
    }
}
