package com.relationship.projection.ingest;

import com.relationship.contracts.events.AccountEventEnvelope;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The projection's part of a command's trace (issue 32): an event carries the W3C {@code traceparent} of
 * the request that caused it (the CloudEvents distributed tracing extension); what a read model does with
 * it runs in a span continuing that trace, so its logs carry the trace id, and the status and churn
 * records it publishes carry the trace on as a {@code traceparent} header.
 */
@Component
public class EventTraces {

    /** No tracing: for read models built outside the service (tests, tools). */
    public static final EventTraces NONE = new EventTraces(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    @org.springframework.beans.factory.annotation.Autowired
    public EventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    EventTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** A span in scope until closed, continuing the event's trace; nothing when the event came without one. */
    public Scope continueFor(EnvelopedAccountEvent event, String readModel) {
        if (event == null || event.traceparent() == null || tracer == Tracer.NOOP) {
            return Scope.NONE;
        }
        Span span = propagator.extract(Map.of(AccountEventEnvelope.TRACEPARENT, event.traceparent()), Map::get)
                .name(readModel + " " + event.type())
                .kind(Span.Kind.CONSUMER)
                .tag("account.id", event.accountId().toString())
                .tag("event.sequence", event.sequence())
                .start();
        Tracer.SpanInScope inScope = tracer.withSpan(span);
        return () -> {
            inScope.close();
            span.end();
        };
    }

    /** Adds the current trace as a W3C {@code traceparent} header to a record being published; none outside a trace. */
    public void inject(Headers headers) {
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) {
            propagator.inject(context, headers, (carrier, key, value) ->
                    carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A span's time in scope. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        Scope NONE = () -> { };

        @Override
        void close();
    }
}
