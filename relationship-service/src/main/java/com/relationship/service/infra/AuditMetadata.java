package com.relationship.service.infra;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata every event carries for auditors: who asked (actor: the token's subject, and
 * clientId where the token names a client), the request it belongs to
 * (correlationId), the command that caused it (causationId and causationType), and the reason where the command
 * had one. Commands get actor, correlationId and reason from the web edge; this provider copies
 * them onto the events the command applies and adds the command's own id as the cause.
 */
public class AuditMetadata implements CorrelationDataProvider {

    /** The subject of the verified token that sent the command. */
    public static final String ACTOR = "actor";
    /** The client (application) the token was issued to ({@code azp} or {@code client_id}), where it names one. */
    public static final String CLIENT_ID = "clientId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    /** The type of the command that caused the event ({@code RecordPurchase}): with its id, "what made this happen". */
    public static final String CAUSATION_TYPE = "causationType";
    public static final String REASON = "reason";
    /** The request's Idempotency-Key: lets a retry find the event of an attempt whose answer was lost. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The W3C trace context of the request ({@link CurrentTrace}): the trace the events continue. */
    public static final String TRACEPARENT = "traceparent";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        copy(message, ACTOR, data);
        copy(message, CLIENT_ID, data);
        copy(message, REASON, data);
        copy(message, IDEMPOTENCY_KEY, data);
        copy(message, TRACEPARENT, data);
        data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(CAUSATION_ID, message.getIdentifier());
        data.put(CAUSATION_TYPE, message.getPayloadType().getSimpleName());
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
