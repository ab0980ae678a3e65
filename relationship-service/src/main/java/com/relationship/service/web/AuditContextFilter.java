package com.relationship.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Puts the request's correlation id ({@value #CORRELATION_HEADER}, made up when absent, echoed
 * back) into the MDC, so every log line and every event of the request carries it, the 401 and
 * 403 answers of the token check included (this filter runs first). Who asked is not taken from
 * any header: it is the verified token's subject ({@link com.relationship.security.Actor}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditContextFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String CORRELATION_ID = "correlationId";

    /** Header values end up in logs and the audit trail: keep them short and printable. */
    private static final Pattern SAFE = Pattern.compile("[\\p{Alnum}@._:/+=-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = safe(request.getHeader(CORRELATION_HEADER), UUID.randomUUID().toString());
        MDC.put(CORRELATION_ID, correlationId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CORRELATION_ID);
        }
    }

    private static String safe(String value, String fallback) {
        return value != null && SAFE.matcher(value).matches() ? value : fallback;
    }
}
