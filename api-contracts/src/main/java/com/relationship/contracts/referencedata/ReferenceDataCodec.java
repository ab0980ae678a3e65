package com.relationship.contracts.referencedata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.CloudEventsJson;
import com.relationship.contracts.ContractJson;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Encodes {@link ReferenceDataChanged} as a CloudEvents 1.0 JSON message (structured mode): type the
 * data's schema name, subject its key, id key and version (the same for a re-send, so a consumer can
 * drop it), time when it was set. Publisher and consumers use this one class.
 */
public final class ReferenceDataCodec {

    public static final String SOURCE = "/relationship-service/reference-data";
    public static final String CONTENT_TYPE = CloudEventsJson.CONTENT_TYPE;

    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final CloudEventsJson cloudEvents = new CloudEventsJson();

    public byte[] encode(ReferenceDataChanged change) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(idOf(change))
                    .withSource(URI.create(SOURCE))
                    .withType(change.schema())
                    .withSubject(change.key())
                    .withTime(change.at().atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(change))
                    .build();
            return cloudEvents.write(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise " + change.key() + " version " + change.version(), e);
        }
    }

    public ReferenceDataChanged decode(byte[] message) {
        try {
            CloudEvent event = cloudEvents.read(message);
            return json.readValue(Objects.requireNonNull(event.getData(), "data").toBytes(), typeOf(event.getType()));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a CloudEvents JSON message: " + e.getMessage(), e);
        }
    }

    /** The data in the contracts' JSON form (what the CloudEvent carries as its data). */
    public String toJson(ReferenceDataChanged change) {
        try {
            return json.writeValueAsString(change);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise " + change.key(), e);
        }
    }

    /** Reads {@link #toJson} back, given the schema name it was written under. */
    public ReferenceDataChanged fromJson(String schema, String data) {
        try {
            return json.readValue(data, typeOf(schema));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not the JSON of " + schema + ": " + e.getMessage(), e);
        }
    }

    private static Class<? extends ReferenceDataChanged> typeOf(String schema) {
        return switch (schema) {
            case ExchangeRatesSet.SCHEMA -> ExchangeRatesSet.class;
            case ActivityRatesSet.SCHEMA -> ActivityRatesSet.class;
            default -> throw new IllegalArgumentException("Not a reference data type: " + schema);
        };
    }

    /** The CloudEvent id of one version of one key. */
    public static String idOf(ReferenceDataChanged change) {
        return change.key() + ":" + change.version();
    }
}
