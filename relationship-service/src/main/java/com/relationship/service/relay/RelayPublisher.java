package com.relationship.service.relay;

import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.service.account.BusinessTime;
import com.relationship.service.infra.AuditMetadata;
import com.relationship.service.infra.CommittedEvents;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to Kafka keeping each account's order, whatever fails:
 * <ul>
 *   <li>An account's next event is sent only once Kafka has acknowledged the one before it, so an event
 *       the producer or broker refuses (too large, unserialisable) can never be overtaken by a later
 *       one: the idempotent producer keeps order only for errors it retries itself. Different accounts
 *       go out together, one event each per round.</li>
 *   <li>At the first refusal nothing more is sent: the whole call fails, and the caller (the relay
 *       batch, or the reconciler) retries from the same place.</li>
 *   <li>Before an account's events, any stored event after its acknowledged position
 *       ({@link RelayPositions}) that is not among them is read from the event store and sent first:
 *       a commit that became visible after the tracking query had moved past it. An account without a
 *       position starts at sequence 0, never above it: its registration may come in a later batch than
 *       its next events, or in none.</li>
 * </ul>
 */
@Component
class RelayPublisher {

    private static final Logger log = LoggerFactory.getLogger(RelayPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final RelayProperties properties;
    private final RelayMetrics metrics;
    private final RelayPositions positions;
    private final CommittedEvents store;
    private final RelayFailures failures;
    private final AccountEventCodec codec = new AccountEventCodec();

    RelayPublisher(KafkaTemplate<String, byte[]> kafka, RelayProperties properties, RelayMetrics metrics,
                   RelayPositions positions, CommittedEvents committedEvents, RelayFailures failures) {
        this.kafka = kafka;
        this.properties = properties;
        this.metrics = metrics;
        this.positions = positions;
        this.store = committedEvents;
        this.failures = failures;
    }

    /** Publishes these events (and any stored event of their accounts they skip over), within the time given. */
    void publish(List<? extends DomainEventMessage<?>> events, Duration within) {
        Map<String, List<DomainEventMessage<?>>> byAccount = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            byAccount.computeIfAbsent(event.getAggregateIdentifier(), account -> new ArrayList<>()).add(event);
        }
        Map<String, Long> relayed = positions.of(byAccount.keySet());
        Map<String, Deque<DomainEventMessage<?>>> chains = new LinkedHashMap<>();
        byAccount.forEach((account, batch) -> {
            batch.sort(Comparator.comparingLong(DomainEventMessage::getSequenceNumber));
            // An account without a position starts at its first event, read from the store if the batch lacks
            // it: the tracking query can carry an account's later events before its registration.
            long from = relayed.containsKey(account) ? relayed.get(account) + 1 : 0;
            chains.put(account, chain(account, batch, from, batch.get(batch.size() - 1).getSequenceNumber()));
        });
        send(chains, within);
    }

    /** Publishes the account's stored events after its acknowledged position, up to {@code upTo}. */
    int catchUp(String account, long upTo, Duration within) {
        long from = positions.of(List.of(account)).getOrDefault(account, -1L) + 1;
        if (from > upTo) {
            return 0;
        }
        Deque<DomainEventMessage<?>> chain = chain(account, List.of(), from, upTo);
        int size = chain.size();
        send(new LinkedHashMap<>(Map.of(account, chain)), within);
        return size;
    }

    /**
     * Publishes again, in order, the account's stored events at these sequences: events the topic does
     * not hold though the relay had passed them ({@link TopicHistory}). Answers how many it sent.
     */
    int republish(String account, SortedSet<Long> missing, Duration within) {
        if (missing.isEmpty()) {
            return 0;
        }
        Map<Long, DomainEventMessage<?>> stored = stored(account, missing.first(), missing.last());
        Deque<DomainEventMessage<?>> chain = new ArrayDeque<>();
        for (long sequence : missing) {
            DomainEventMessage<?> event = stored.get(sequence);
            if (event == null) {
                throw failed(account, sequence, null, "event " + sequence + " of account " + account + " is not on the"
                        + " topic and not readable from the event store", null);
            }
            chain.add(event);
        }
        log.warn("Publishing events {} of account {} again: the topic does not hold them", missing, account);
        send(new LinkedHashMap<>(Map.of(account, chain)), within); // empties the chain as Kafka acknowledges it
        metrics.repaired(missing.size());
        return missing.size();
    }

    /**
     * The account's events to send, in order: re-sends of events at or before its position as they
     * came, then every sequence from {@code from} to {@code to}, read from the store where missing.
     */
    private Deque<DomainEventMessage<?>> chain(String account, List<DomainEventMessage<?>> batch, long from, long to) {
        Deque<DomainEventMessage<?>> chain = new ArrayDeque<>();
        Map<Long, DomainEventMessage<?>> bySequence = new HashMap<>();
        for (DomainEventMessage<?> event : batch) {
            if (event.getSequenceNumber() < from) {
                chain.add(event);
            } else {
                bySequence.putIfAbsent(event.getSequenceNumber(), event);
            }
        }
        Map<Long, DomainEventMessage<?>> stored = bySequence.size() == to - from + 1 ? Map.of() : stored(account, from, to);
        for (long sequence = from; sequence <= to; sequence++) {
            DomainEventMessage<?> event = bySequence.get(sequence);
            if (event == null) {
                event = stored.get(sequence);
                if (event == null) {
                    throw failed(account, sequence, null, "event " + sequence + " of account " + account
                            + " is not readable from the event store (yet), and its later events must wait for it",
                            null);
                }
                log.warn("Relaying event {} of account {} that the tracking query missed (a late commit)", sequence,
                        account);
                metrics.reconciled();
            }
            chain.add(event);
        }
        return chain;
    }

    /** Read majority-committed, as the tracking query reads: nothing a failover could roll back is published. */
    private Map<Long, DomainEventMessage<?>> stored(String account, long from, long to) {
        Map<Long, DomainEventMessage<?>> stored = new HashMap<>();
        store.readEvents(account, from).asStream()
                .takeWhile(event -> event.getSequenceNumber() <= to)
                .forEach(event -> stored.put(event.getSequenceNumber(), event));
        return stored;
    }

    /** Sends one event per account per round, each round waiting for its acknowledgements. */
    private void send(Map<String, Deque<DomainEventMessage<?>>> chains, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, Long> acknowledged = new HashMap<>();
        try {
            chains.values().removeIf(Deque::isEmpty);
            while (!chains.isEmpty()) {
                Map<String, CompletableFuture<?>> round = new LinkedHashMap<>();
                RelayFailedException refused = null;
                for (Map.Entry<String, Deque<DomainEventMessage<?>>> chain : chains.entrySet()) {
                    DomainEventMessage<?> head = chain.getValue().peekFirst();
                    if (System.nanoTime() - deadline > 0) {
                        refused = failed(head, "the batch did not finish within " + within, null);
                        break;
                    }
                    try {
                        CompletableFuture<?> ack = kafka.send(record(head));
                        round.put(chain.getKey(), ack);
                        if (ack.isCompletedExceptionally()) {
                            break; // refused at once (no metadata, too large): each further send would wait as long
                        }
                    } catch (RuntimeException unsendable) {
                        refused = failed(head, "Kafka refused the event: " + reason(unsendable), unsendable);
                        break;
                    }
                }
                awaitAll(round.values(), deadline);
                for (Map.Entry<String, CompletableFuture<?>> sent : round.entrySet()) {
                    String account = sent.getKey();
                    DomainEventMessage<?> head = chains.get(account).peekFirst();
                    CompletableFuture<?> ack = sent.getValue();
                    if (ack.isDone() && !ack.isCompletedExceptionally()) {
                        acknowledged.put(account, head.getSequenceNumber());
                        metrics.relayed();
                        failures.acknowledged(account, head.getSequenceNumber());
                        chains.get(account).pollFirst();
                    } else if (ack.isDone()) {
                        Throwable cause = ack.handle((ignored, error) -> error).join();
                        RelayFailedException failure = failed(head, "Kafka refused the event: " + reason(cause), cause);
                        refused = refused == null ? failure : refused;
                    } else {
                        RelayFailedException failure = failed(head, "Kafka did not acknowledge the event within "
                                + within, null);
                        refused = refused == null ? failure : refused;
                    }
                }
                if (refused != null) {
                    throw refused;
                }
                chains.values().removeIf(Deque::isEmpty);
            }
        } finally {
            positions.advance(acknowledged);
        }
    }

    private static void awaitAll(Iterable<CompletableFuture<?>> sends, long deadline) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        sends.forEach(all::add);
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException settled) {
            // looked at one by one by the caller
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The innermost cause says what is wrong (RecordTooLargeException, ...); the wrappers only that a send failed. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private RelayFailedException failed(DomainEventMessage<?> event, String reason, Throwable cause) {
        return failed(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getIdentifier(), reason, cause);
    }

    private RelayFailedException failed(String account, long sequence, String eventId, String reason,
                                        Throwable cause) {
        failures.failed(account, sequence, eventId, reason);
        return new RelayFailedException("Event " + sequence + " of account " + account + " was not published ("
                + reason + "); it and the account's later events will be sent again, in order", cause);
    }

    private ProducerRecord<String, byte[]> record(DomainEventMessage<?> message) {
        AccountEvent event = (AccountEvent) message.getPayload();
        MetaData metadata = message.getMetaData();
        EnvelopedAccountEvent enveloped = new EnvelopedAccountEvent(message.getIdentifier(), event.accountId(),
                message.getSequenceNumber(), message.getTimestamp(), text(metadata, AuditMetadata.ACTOR),
                text(metadata, AuditMetadata.CORRELATION_ID), text(metadata, AuditMetadata.CAUSATION_ID),
                text(metadata, AuditMetadata.CLIENT_ID), text(metadata, AuditMetadata.REASON), event,
                BusinessTime.of(metadata, message.getTimestamp()), text(metadata, AuditMetadata.TRACEPARENT));
        List<org.apache.kafka.common.header.Header> headers = new java.util.ArrayList<>(List.of(
                new RecordHeader("content-type", AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
        if (enveloped.traceparent() != null) {
            // Also as the W3C header, for a consumer whose Kafka instrumentation reads trace context from headers.
            headers.add(new RecordHeader(AuditMetadata.TRACEPARENT, enveloped.traceparent().getBytes(StandardCharsets.UTF_8)));
        }
        return new ProducerRecord<>(properties.topic(), null, message.getTimestamp().toEpochMilli(),
                event.accountId().toString(), codec.encode(enveloped), headers);
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

    /** An event was not acknowledged; the caller retries from where it started, in order. */
    static class RelayFailedException extends RuntimeException {
        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
