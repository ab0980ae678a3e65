package com.relationship.service.web;

import com.relationship.security.TokenSecurityAutoConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Refuses a command body over {@link ApiProperties#maxRequestBody()} with 413 before anything reads
 * it (by its Content-Length, or while reading a chunked body), and keeps the body it read so the
 * idempotency check can hash it.
 */
@Component
@Order(TokenSecurityAutoConfiguration.AFTER_AUTHENTICATION + 5) // no body is read for a caller without a valid token
class BodyLimitFilter extends OncePerRequestFilter {

    private final long limit;

    BodyLimitFilter(ApiProperties properties) {
        this.limit = properties.maxRequestBody().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getContentLengthLong() > limit ? null : readAtMost(request.getInputStream());
        if (body == null) {
            FilterProblems.write(request, response, 413, "request-too-large", "Request too large",
                    "The request body is larger than the " + limit + " bytes a command may have: shorten the"
                            + " text fields (see maxLength in /v3/api-docs).", Map.of("maxBytes", limit));
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The body, or null when it is longer than the limit. */
    private byte[] readAtMost(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) limit + 1);
        return body.length > limit ? null : body;
    }
}
