package com.relationship.contracts.churn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.CloudEventsJson;
import com.relationship.contracts.ContractJson;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Encodes {@link ChurnRiskChanged} as a CloudEvents 1.0 JSON message (structured mode): type
 * {@value ChurnRiskChanged#SCHEMA}, subject the account id, time the score's instant, data the
 * record in the contracts' JSON form. Publisher and consumers use this one class.
 */
public final class ChurnRiskCodec {

    public static final String SOURCE = "/projection-service/churn-risk";
    public static final String CONTENT_TYPE = CloudEventsJson.CONTENT_TYPE;

    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final CloudEventsJson cloudEvents = new CloudEventsJson();

    /**
     * @param id the CloudEvent id: the same for the same change, so a consumer can drop a re-send
     */
    public byte[] encode(String id, ChurnRiskChanged change) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(URI.create(SOURCE))
                    .withType(ChurnRiskChanged.SCHEMA)
                    .withSubject(change.accountId().toString())
                    .withTime(change.at().atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(change))
                    .build();
            return cloudEvents.write(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise the churn risk of " + change.accountId(), e);
        }
    }

    public ChurnRiskChanged decode(byte[] message) {
        try {
            CloudEvent event = cloudEvents.read(message);
            if (!ChurnRiskChanged.SCHEMA.equals(event.getType())) {
                throw new IllegalArgumentException("Not a " + ChurnRiskChanged.SCHEMA + " CloudEvent: " + event.getType());
            }
            return json.readValue(Objects.requireNonNull(event.getData(), "data").toBytes(), ChurnRiskChanged.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a CloudEvents JSON message: " + e.getMessage(), e);
        }
    }

    /** A stable id for one change: account, instant and score. */
    public static String idOf(ChurnRiskChanged change) {
        return UUID.nameUUIDFromBytes((change.accountId() + "|" + change.at() + "|" + change.score() + "|"
                + change.band() + "|" + change.modelVersion()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
