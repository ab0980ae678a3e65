package com.relationship.service.relay;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a relay batch and holds it until Kafka has acknowledged every event in it. The pooled
 * processor stores the batch's token in the unit of work's prepare-commit phase, a callback it
 * registers before any handler runs; so the publishing must happen while the batch's last message is
 * handled, which is what this interceptor does. A refused or late acknowledgement fails the batch:
 * the token stays where it was and the batch is sent again, in order.
 */
class RelayAcknowledgements implements MessageHandlerInterceptor<EventMessage<?>> {

    private final RelayPublisher publisher;
    private final Duration timeout;
    private final RelayMetrics metrics;

    RelayAcknowledgements(RelayPublisher publisher, Duration timeout, RelayMetrics metrics) {
        this.publisher = publisher;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            Object result = chain.proceed();
            boolean lastOfBatch = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
            if (lastOfBatch) {
                List<DomainEventMessage<?>> events = KafkaRelay.batch(unitOfWork);
                List<DomainEventMessage<?>> toPublish = new ArrayList<>(events);
                events.clear();
                publisher.publish(toPublish, timeout);
            }
            return result;
        } catch (Exception failed) {
            // A send refused outright (Kafka unreachable, a record it cannot take) or an acknowledgement
            // that failed or came too late: either way the batch is retried from its last stored token.
            metrics.batchFailed();
            KafkaRelay.batch(unitOfWork).clear();
            throw failed;
        }
    }
}
