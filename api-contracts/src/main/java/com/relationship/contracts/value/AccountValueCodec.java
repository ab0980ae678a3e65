package com.relationship.contracts.value;

import com.relationship.contracts.CloudEventsJson;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Encodes {@link AccountValueTierChanged} as a CloudEvents 1.0 JSON message (structured mode): type
 * {@value AccountValueTierChanged#SCHEMA}, subject the account id, time the ranking's instant, id one per
 * account and sequence (a re-send has the same, so a consumer can drop it), data the record in the contracts'
 * JSON form. Publisher and consumers use this one class.
 */
public final class AccountValueCodec {

    public static final String SOURCE = "/projection-service/account-value";
    public static final String CONTENT_TYPE = CloudEventsJson.CONTENT_TYPE;

    private final CloudEventsJson cloudEvents = new CloudEventsJson();

    public byte[] encode(AccountValueTierChanged change) {
        return cloudEvents.writeRecord(idOf(change), SOURCE, AccountValueTierChanged.SCHEMA, change.accountId().toString(),
                change.at(), change);
    }

    public AccountValueTierChanged decode(byte[] message) {
        return cloudEvents.readRecord(message, AccountValueTierChanged.SCHEMA, AccountValueTierChanged.class);
    }

    /** The id of one change: the account's n-th. */
    public static String idOf(AccountValueTierChanged change) {
        return UUID.nameUUIDFromBytes((change.accountId() + "|tier|" + change.sequence())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
