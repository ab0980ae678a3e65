package com.relationship.projection.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.UnknownAccountEventException;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;

/**
 * Reads a structured-mode CloudEvent without losing money precision, then hands it to
 * {@link AccountEventCodec#fromCloudEvent} so the type catalogue and the event reading stay in the one
 * shared class.
 * <p>
 * Why not {@link AccountEventCodec#decode}: the CloudEvents SDK's {@code JsonFormat} parses the
 * {@code data} object with its own mapper, which reads decimals as doubles, so
 * {@code 12345678901234567.80} comes back as {@code 12345678901234568} and {@code 48000.50} as
 * {@code 48000.5}. Parsing the envelope with the {@link ContractJson} mapper (big decimals, no
 * stripping) plus the SDK's CloudEvent module keeps them exact. Drop this class once the codec's
 * {@code decode} does the same.
 */
public final class AccountEventDecoder {

    private final AccountEventCodec codec;
    private final ObjectMapper mapper = ContractJson.newObjectMapper()
            .registerModule(JsonFormat.getCloudEventJacksonModule());

    public AccountEventDecoder(AccountEventCodec codec) {
        this.codec = codec;
    }

    /**
     * @throws UnknownAccountEventException when the message is not a CloudEvent, or names a type or
     *                                      revision this version of the contracts does not know
     */
    public EnvelopedAccountEvent decode(byte[] message) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = mapper.readValue(message, CloudEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new UnknownAccountEventException("Not a CloudEvents JSON message: " + e.getMessage(), e);
        }
        return codec.fromCloudEvent(cloudEvent);
    }
}
