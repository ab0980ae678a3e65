package com.relationship.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.util.Objects;

/**
 * CloudEvents 1.0 in structured JSON mode, as every codec of the contracts writes and reads it: written
 * by the SDK's JSON format, read with the contracts' mapper, because the SDK's own reader parses
 * {@code data} numbers as doubles, which turns 12345678901234567.80 into 12345678901234568 and 48000.50
 * into 48000.5.
 */
public final class CloudEventsJson {

    /** The Kafka {@code content-type} header value of a structured-mode CloudEvent. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final EventFormat format = Objects.requireNonNull(
            EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE), "CloudEvents JSON format");
    private final ObjectMapper envelopeReader = ContractJson.newObjectMapper()
            .registerModule(JsonFormat.getCloudEventJacksonModule());

    public byte[] write(CloudEvent event) {
        return format.serialize(event);
    }

    public CloudEvent read(byte[] message) throws IOException {
        return envelopeReader.readValue(message, CloudEvent.class);
    }
}
