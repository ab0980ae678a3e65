package com.relationship.service.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} of the request being handled, as {@link IdempotencyFilter} claimed it.
 *
 * @param outcomeUnknown an earlier attempt with this key ended without a recorded answer (a 5xx, a
 *                       crash): its event may or may not have been stored, so look before re-sending
 */
record IdempotentRequest(String actor, String key, boolean outcomeUnknown) {

    private static final String ATTRIBUTE = IdempotentRequest.class.getName();

    void bind(jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The current request's key, or null when it has none (or there is no request). */
    static IdempotentRequest current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null
                : (IdempotentRequest) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    /**
     * The id of something this request creates ({@code kind}: "purchase", "complaint", ...): the
     * same for every retry with this key, so a retry can never record a second fact.
     */
    UUID derivedId(String kind, Object owner) {
        return UUID.nameUUIDFromBytes((kind + "\n" + owner + "\n" + actor + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }
}
