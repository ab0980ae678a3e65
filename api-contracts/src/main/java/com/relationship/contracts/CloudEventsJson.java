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

    /**
     * A CloudEvent about one subject whose data is a contract record in the contracts' JSON form: what the
     * projection's published changes (churn band, value tier) are.
     *
     * @param id the same for the same change, so a consumer can drop a re-send
     */
    public byte[] writeRecord(String id, String source, String type, String subject, java.time.Instant time, Object data) {
        try {
            return write(io.cloudevents.core.builder.CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(java.net.URI.create(source))
                    .withType(type)
                    .withSubject(subject)
                    .withTime(time.atOffset(java.time.ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(RECORDS.writeValueAsBytes(data))
                    .build());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise the " + type + " of " + subject, e);
        }
    }

    /** The data of a CloudEvent {@link #writeRecord} wrote; refused unless it is of {@code type}. */
    public <T> T readRecord(byte[] message, String type, Class<T> as) {
        try {
            CloudEvent event = read(message);
            if (!type.equals(event.getType())) {
                throw new IllegalArgumentException("Not a " + type + " CloudEvent: " + event.getType());
            }
            return RECORDS.readValue(Objects.requireNonNull(event.getData(), "data").toBytes(), as);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a CloudEvents JSON message: " + e.getMessage(), e);
        }
    }

    private static final ObjectMapper RECORDS = ContractJson.newObjectMapper();
}
