package com.relationship.contracts.churn;

import com.relationship.contracts.CloudEventsJson;

import java.util.UUID;

/**
 * Encodes {@link ChurnRiskChanged} as a CloudEvents 1.0 JSON message (structured mode): type
 * {@value ChurnRiskChanged#SCHEMA}, subject the account id, time the score's instant, data the
 * record in the contracts' JSON form. Publisher and consumers use this one class.
 */
public final class ChurnRiskCodec {

    public static final String SOURCE = "/projection-service/churn-risk";
    public static final String CONTENT_TYPE = CloudEventsJson.CONTENT_TYPE;

    private final CloudEventsJson cloudEvents = new CloudEventsJson();

    /**
     * @param id the CloudEvent id: the same for the same change, so a consumer can drop a re-send
     */
    public byte[] encode(String id, ChurnRiskChanged change) {
        return cloudEvents.writeRecord(id, SOURCE, ChurnRiskChanged.SCHEMA, change.accountId().toString(), change.at(),
                change);
    }

    public ChurnRiskChanged decode(byte[] message) {
        return cloudEvents.readRecord(message, ChurnRiskChanged.SCHEMA, ChurnRiskChanged.class);
    }

    /** A stable id for one change: account, instant and score. */
    public static String idOf(ChurnRiskChanged change) {
        return UUID.nameUUIDFromBytes((change.accountId() + "|" + change.at() + "|" + change.score() + "|"
                + change.band() + "|" + change.modelVersion()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
