package com.relationship.service.audit;

import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one stored event (docs/auditing.md, "Tamper evidence"): SHA-256 over the previous event's hash and
 * the event's stored form, field by field, each field as its UTF-8 byte length in decimal, a
 * colon, and its bytes. Over the stored strings, not over re-serialised objects: nothing about
 * JSON formatting, field order or a JVM can change it, and a payload encrypted in the store
 * (crypto-shredding) stays verifiable without its key. {@code docs/verify-chain.py} is the
 * same rule in Python, for auditors who check the raw store themselves.
 */
final class EventHash {

    /** The "previous hash" of an account's first event. */
    public static final String GENESIS = "";
    /** The stored document's field that holds the hash, beside Axon's own fields. */
    public static final String FIELD = "hash";

    private EventHash() {
    }

    public static String of(String previousHash, Document stored, EventEntryConfiguration fields) {
        MessageDigest sha256 = sha256();
        for (String part : new String[]{previousHash, text(stored.get(fields.aggregateIdentifierProperty())),
                text(stored.get(fields.sequenceNumberProperty())), text(stored.get(fields.typeProperty())),
                text(stored.get(fields.eventIdentifierProperty())), text(stored.get(fields.payloadTypeProperty())),
                text(stored.get(fields.payloadRevisionProperty())), text(stored.get(fields.timestampProperty())),
                text(stored.get(fields.payloadProperty())), text(stored.get(fields.metaDataProperty()))}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** A stored value as text: strings as they are, numbers in decimal, absent as empty. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Number) {
            return value.toString();
        }
        throw new IllegalArgumentException("stored event field of type " + value.getClass().getName()
                + " has no canonical text form");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
