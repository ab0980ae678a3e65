package com.relationship.projection.dashboard;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** An emitter that keeps what a tab was sent, as the SSE text it would read; it can be made to stall. */
class RecordingEmitter extends SseEmitter {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch stall;
    private volatile boolean completed;

    RecordingEmitter() {
        this(null);
    }

    /** @param stall every write waits for it, like a tab whose network stopped reading */
    RecordingEmitter(CountDownLatch stall) {
        super(0L);
        this.stall = stall;
    }

    @Override
    public void send(SseEventBuilder builder) {
        if (stall != null) {
            try {
                stall.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sent.add(builder.build().stream().map(part -> part.getData().toString()).collect(Collectors.joining()));
    }

    @Override
    public void complete() {
        completed = true;
    }

    boolean completed() {
        return completed;
    }

    /** Every event sent, as its SSE text ("id:...\nevent:...\ndata:..."). */
    List<String> sent() {
        return List.copyOf(sent);
    }

    /** The events of one name, their data lines. */
    List<String> data(String event) {
        return sent.stream().filter(text -> text.contains("event:" + event + "\n"))
                .map(text -> text.substring(text.indexOf("data:") + 5).trim()).toList();
    }

    /** The id of the last event that had one. */
    String lastId() {
        String last = null;
        for (String text : sent) {
            int at = text.indexOf("id:");
            if (at >= 0) {
                last = text.substring(at + 3, text.indexOf('\n', at));
            }
        }
        return last;
    }
}
