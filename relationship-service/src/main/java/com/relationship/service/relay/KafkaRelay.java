package com.relationship.service.relay;

import com.relationship.contracts.events.AccountEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes every stored event to Kafka, keyed by account id so an account's events stay in one
 * partition, in order. It runs in a pooled streaming processor that follows the event store
 * (not on the command thread), so Kafka being down never refuses a command: the processor stops
 * at the first event it cannot publish and retries from its last token when Kafka is back.
 * The handler only collects the batch; {@link RelayAcknowledgements} hands it to
 * {@link RelayPublisher} at the batch's last event, and the batch's token is stored only once Kafka
 * has acknowledged all of it. Delivery is at least once: consumers skip an event whose sequence they
 * already applied.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String BATCH = KafkaRelay.class.getName() + ".batch";

    @EventHandler
    void on(AccountEvent event, DomainEventMessage<?> message) {
        batch(CurrentUnitOfWork.get()).add(message);
    }

    /** The events of the unit of work's batch handled so far, in the order the event store gave them. */
    static List<DomainEventMessage<?>> batch(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(BATCH, key -> new ArrayList<>());
    }
}
