package com.relationship.contracts.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka headers of every record on {@link com.relationship.contracts.Topics#ACCOUNT_STATUS}:
 * projection-service's {@code StatusPublisher} sets exactly these, and the AsyncAPI document
 * declares them as the status message's {@code headers} ({@code AsyncApiDocumentTest} keeps the two
 * in step). The values are UTF-8 strings.
 */
public final class StatusHeaders {

    /** The value's media type, {@value #CONTENT_TYPE_VALUE}: plain JSON, not a CloudEvent. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String CONTENT_TYPE_VALUE = "application/json";

    /**
     * The value's published form and revision, {@link AccountStatus#SCHEMA}: the name of its JSON
     * Schema ({@code schemas/<name>.schema.json}), so a reader can tell the form without parsing it.
     */
    public static final String SCHEMA = "schema";
    /**
     * The W3C trace context of the event the status changed for, where it had one: not in {@link #all()},
     * whose headers every record carries; the document declares it as optional.
     */
    public static final String TRACEPARENT = "traceparent";

    private static final Map<String, String> ALL;

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CONTENT_TYPE, CONTENT_TYPE_VALUE);
        headers.put(SCHEMA, AccountStatus.SCHEMA);
        ALL = Collections.unmodifiableMap(headers);
    }

    private StatusHeaders() {
    }

    /** Every header of a status record, by name, with its value, in the order they are set. */
    public static Map<String, String> all() {
        return ALL;
    }
}
