package com.relationship.projection.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.UUID;

/**
 * What can still be read of a message the codec refused, to say which account and which place in its
 * history a dead letter belongs to: the CloudEvent's {@code subject}, {@code sequence} and {@code id}
 * if the JSON parses that far (an unknown type from a newer writer does), else only the record key,
 * which is the account id by contract.
 *
 * @param accountId null if neither the subject nor the key is an account id
 * @param sequence  null if unreadable
 * @param eventId   null if unreadable
 * @param type      null if unreadable
 */
record EnvelopeProbe(UUID accountId, Long sequence, String eventId, String type) {

    private static final ObjectMapper json = new ObjectMapper();

    static EnvelopeProbe of(ConsumerRecord<?, ?> record) {
        JsonNode envelope = null;
        if (record.value() instanceof byte[] bytes && bytes.length > 0) {
            try {
                envelope = json.readTree(bytes);
            } catch (java.io.IOException | RuntimeException e) {
                envelope = null;
            }
        }
        UUID account = uuid(text(envelope, "subject"));
        if (account == null && record.key() != null) {
            account = uuid(record.key().toString());
        }
        String sequence = text(envelope, "sequence");
        Long seq = null;
        if (sequence != null) {
            try {
                seq = Long.parseLong(sequence);
            } catch (NumberFormatException e) {
                seq = null;
            }
        }
        return new EnvelopeProbe(account, seq, text(envelope, "id"), text(envelope, "type"));
    }

    private static String text(JsonNode envelope, String field) {
        if (envelope == null || !envelope.isObject()) {
            return null;
        }
        JsonNode value = envelope.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
