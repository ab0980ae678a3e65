package com.relationship.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Problem details answered by servlet filters, which run before (and outside) Spring MVC's
 * {@link Problems} advice: the same RFC 9457 shape, written directly.
 */
final class FilterProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FilterProblems() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String slug,
                      String title, String detail, Map<String, ?> extensions) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(slug).toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        String correlationId = MDC.get(AuditContextFilter.CORRELATION_ID);
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        problem.putAll(extensions);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
