package com.relationship.projection.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.relationship.contracts.ContractJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest of a view's canonical JSON: the contracts' JSON form (exact decimals, ISO-8601
 * instants) with object properties and map keys sorted, so equal values digest equally whatever the
 * order their fields or maps were built in.
 */
final class ViewDigest {

    private static final ObjectMapper CANONICAL = ((JsonMapper) ContractJson.newObjectMapper()).rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ViewDigest() {
    }

    /** The digest of {@code value}'s canonical JSON; "none" for no view. */
    static String of(Object value) {
        if (value == null) {
            return "none";
        }
        try {
            byte[] json = CANONICAL.writeValueAsBytes(value);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the view as JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical JSON itself, for a person comparing two views that differ; "none" for no view. */
    static String json(Object value) {
        if (value == null) {
            return "none";
        }
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
