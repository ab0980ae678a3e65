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
 * Puts who asked ({@value #ACTOR_HEADER}, until authentication exists) and the request's
 * correlation id ({@value #CORRELATION_HEADER}, made up when absent, echoed back) into the MDC,
 * so every log line and every event of the request carries them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuditContextFilter extends OncePerRequestFilter {

    public static final String ACTOR_HEADER = "X-Actor";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String ANONYMOUS = "anonymous";

    /** Header values end up in logs and the audit trail: keep them short and printable. */
    private static final Pattern SAFE = Pattern.compile("[\\p{Alnum}@._:/+=-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = safe(request.getHeader(CORRELATION_HEADER), UUID.randomUUID().toString());
        String actor = safe(request.getHeader(ACTOR_HEADER), ANONYMOUS);
        MDC.put(CORRELATION_ID, correlationId);
        MDC.put(ACTOR, actor);
        response.setHeader(CORRELATION_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CORRELATION_ID);
            MDC.remove(ACTOR);
        }
    }

    private static String safe(String value, String fallback) {
        return value != null && SAFE.matcher(value).matches() ? value : fallback;
    }
}
