package com.relationship.service.infra;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace a command is sent in (issue 32), as the W3C {@code traceparent} it travels on: the web edge
 * puts it in the command's metadata, {@link AuditMetadata} copies it onto the events, and the relay sends
 * it as the CloudEvents distributed tracing extension, so the projection continues the caller's trace.
 * The request's span is Spring MVC's, which continues a {@code traceparent} the caller sent.
 */
@Component
public class CurrentTrace {

    private final Tracer tracer;
    private final Propagator propagator;

    public CurrentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /** The current span's {@code traceparent}, or null outside a trace. */
    public String traceparent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(AuditMetadata.TRACEPARENT);
    }
}
