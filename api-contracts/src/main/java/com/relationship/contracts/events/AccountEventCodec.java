package com.relationship.contracts.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.CloudEventsJson;
import com.relationship.contracts.ContractJson;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;

/**
 * Encodes account events as CloudEvents 1.0 JSON (structured mode, as described by
 * {@link AccountEventEnvelope}) and decodes them back. The relay and every consumer use this one
 * class, so the two sides cannot drift apart.
 */
public final class AccountEventCodec {

    /** The Kafka {@code content-type} header value of a structured-mode CloudEvent. */
    public static final String CONTENT_TYPE = CloudEventsJson.CONTENT_TYPE;

    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final CloudEventsJson cloudEvents = new CloudEventsJson();

    public byte[] encode(EnvelopedAccountEvent enveloped) {
        return cloudEvents.write(toCloudEvent(enveloped));
    }

    public CloudEvent toCloudEvent(EnvelopedAccountEvent e) {
        try {
            CloudEventBuilder builder = CloudEventBuilder.v1()
                    .withId(e.eventId())
                    .withSource(URI.create(AccountEventEnvelope.SOURCE))
                    .withType(e.type())
                    .withSubject(e.accountId().toString())
                    .withTime(e.occurredAt().atOffset(ZoneOffset.UTC))
                    .withDataContentType(AccountEventEnvelope.DATA_CONTENT_TYPE)
                    .withData(json.writeValueAsBytes(e.event()))
                    .withExtension(AccountEventEnvelope.SEQUENCE, e.sequence());
            withOptional(builder, AccountEventEnvelope.ACTOR, e.actor());
            withOptional(builder, AccountEventEnvelope.CORRELATION_ID, e.correlationId());
            withOptional(builder, AccountEventEnvelope.CAUSATION_ID, e.causationId());
            withOptional(builder, AccountEventEnvelope.CLIENT_ID, e.clientId());
            withOptional(builder, AccountEventEnvelope.REASON, e.reason());
            withOptional(builder, AccountEventEnvelope.BUSINESS_TIME,
                    e.businessTime() == null ? null : e.businessTime().toString());
            withOptional(builder, AccountEventEnvelope.TRACEPARENT, e.traceparent());
            return builder.build();
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Cannot serialise " + e.type(), ex);
        }
    }

    /**
     * @throws UnknownAccountEventException when the message is not a CloudEvent, or names a type
     *                                      or revision this version of the contracts does not know
     */
    public EnvelopedAccountEvent decode(byte[] message) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = cloudEvents.read(message);
        } catch (IOException | RuntimeException ex) {
            throw new UnknownAccountEventException("Not a CloudEvents JSON message: " + ex.getMessage(), ex);
        }
        return fromCloudEvent(cloudEvent);
    }

    /**
     * The account sequence of an encoded event, read from its envelope alone: its {@code data} is
     * skipped, not decoded, so a reader that only follows which of an account's events a topic holds
     * (the relay's check of its own topic) pays for the envelope's few fields and nothing more.
     *
     * @throws UnknownAccountEventException when the message is not a JSON object with a sequence
     */
    public long sequenceOf(byte[] message) {
        try (JsonParser parser = json.getFactory().createParser(message)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnknownAccountEventException("Not a CloudEvents JSON message: not a JSON object", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (AccountEventEnvelope.SEQUENCE.equals(field)) {
                    return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : Long.parseLong(parser.getText());
                }
                parser.skipChildren();
            }
        } catch (IOException | NumberFormatException ex) {
            throw new UnknownAccountEventException("Not a CloudEvents JSON message with a sequence: " + ex.getMessage(), ex);
        }
        throw new UnknownAccountEventException("The CloudEvent has no sequence extension", null);
    }

    public EnvelopedAccountEvent fromCloudEvent(CloudEvent ce) {
        Class<? extends AccountEvent> eventClass = AccountEventTypes.classOf(ce.getType())
                .orElseThrow(() -> new UnknownAccountEventException("Unknown account event type " + ce.getType()
                        + " (id " + ce.getId() + "): upgrade api-contracts to read it"));
        if (ce.getData() == null) {
            throw new UnknownAccountEventException("CloudEvent " + ce.getId() + " has no data");
        }
        try {
            AccountEvent event = json.readValue(ce.getData().toBytes(), eventClass);
            Object sequence = ce.getExtension(AccountEventEnvelope.SEQUENCE);
            if (sequence == null) {
                throw new UnknownAccountEventException("CloudEvent " + ce.getId() + " has no sequence extension");
            }
            Instant time = ce.getTime() == null ? null : ce.getTime().toInstant();
            String businessTime = text(ce, AccountEventEnvelope.BUSINESS_TIME);
            return new EnvelopedAccountEvent(ce.getId(), UUID.fromString(ce.getSubject()),
                    Long.parseLong(sequence.toString()), time, text(ce, AccountEventEnvelope.ACTOR),
                    text(ce, AccountEventEnvelope.CORRELATION_ID), text(ce, AccountEventEnvelope.CAUSATION_ID),
                    text(ce, AccountEventEnvelope.CLIENT_ID), text(ce, AccountEventEnvelope.REASON), event,
                    businessTime == null ? null : Instant.parse(businessTime), text(ce, AccountEventEnvelope.TRACEPARENT));
        } catch (IOException | IllegalArgumentException | DateTimeParseException ex) {
            throw new UnknownAccountEventException("Cannot read " + ce.getType() + " " + ce.getId() + ": "
                    + ex.getMessage(), ex);
        }
    }

    private static void withOptional(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    private static String text(CloudEvent ce, String extension) {
        Object value = ce.getExtension(extension);
        return value == null ? null : value.toString();
    }
}
