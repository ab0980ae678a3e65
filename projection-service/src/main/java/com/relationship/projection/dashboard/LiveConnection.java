package com.relationship.projection.dashboard;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One tab's stream: a bounded queue in front of its {@link SseEmitter}, written by one task at a
 * time on the hub's writer pool. The hub only ever offers to the queue, so a tab that reads slowly
 * (or whose network stalls) holds up no other tab and not the Kafka feed; when its queue overflows
 * it is sent {@code resync} and closed, and it refetches its snapshot when it comes back.
 */
final class LiveConnection {

    private final String subject;
    private final SseEmitter emitter;
    private final BlockingQueue<SseEmitter.SseEventBuilder> queue;
    private final int buffer;
    private final Executor writers;
    private final Instant validUntil;
    private final Consumer<LiveConnection> onClose;
    private final Supplier<SseEmitter.SseEventBuilder> overflowNotice;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closeWhenWritten;

    /** @param overflowNotice what the tab is sent when its queue overflows: a resync, made only then */
    LiveConnection(String subject, SseEmitter emitter, int buffer, Executor writers, Instant validUntil,
                   Consumer<LiveConnection> onClose, Supplier<SseEmitter.SseEventBuilder> overflowNotice) {
        this.subject = subject;
        this.emitter = emitter;
        this.buffer = buffer;
        this.queue = new ArrayBlockingQueue<>(buffer + 1); // + 1: room for the resync of an overflow
        this.writers = writers;
        this.validUntil = validUntil;
        this.onClose = onClose;
        this.overflowNotice = overflowNotice;
        emitter.onCompletion(this::closed);
        emitter.onTimeout(this::closed);
        emitter.onError(error -> closed());
    }

    /** The token subject whose sign-in the stream rides on. */
    String subject() {
        return subject;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** The sign-in behind the ticket, or the stream's lifetime, ran out: the tab asks for a new ticket. */
    boolean expiredAt(Instant now) {
        return validUntil != null && !now.isBefore(validUntil);
    }

    boolean isOpen() {
        return !closed.get() && !closeWhenWritten;
    }

    /** Queues one change; a full queue turns into a resync and the end of this stream. */
    void offer(SseEmitter.SseEventBuilder event) {
        if (!isOpen()) {
            return;
        }
        if (queue.size() >= buffer || !queue.offer(event)) {
            queue.clear();
            queue.offer(overflowNotice.get());
            closeWhenWritten = true;
        }
        write();
    }

    /** A heartbeat is dropped rather than queued behind a backlog: the backlog's writes tell the same. */
    void heartbeat(SseEmitter.SseEventBuilder comment) {
        if (isOpen() && queue.isEmpty() && queue.offer(comment)) {
            write();
        }
    }

    /** Sends what is queued, then ends the stream. */
    void finish() {
        closeWhenWritten = true;
        write();
    }

    private void write() {
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::drain);
        }
    }

    private void drain() {
        try {
            SseEmitter.SseEventBuilder next;
            while (!closed.get() && (next = queue.poll()) != null) {
                emitter.send(next);
            }
            if (closeWhenWritten && !closed.get()) {
                emitter.complete();
                closed();
            }
        } catch (IOException | IllegalStateException gone) {
            // The tab went away (a write failed) or the emitter was completed: nothing left to send to.
            closed();
        } finally {
            writing.set(false);
        }
        if (!queue.isEmpty() && !closed.get()) {
            write(); // offered while the last write was finishing
        }
    }

    private void closed() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.accept(this);
        }
    }
}
