package com.relationship.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Map;

/**
 * A URL Spring Security's firewall will not route ({@code %25}, {@code %2F}, {@code ;}, {@code //},
 * non-printable characters): 400 problem+json like every other malformed request, instead of the
 * servlet container's error page.
 */
final class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("400 {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
        SecurityProblems.write(request, response, 400, "malformed-request-line", "Malformed request line",
                rejected.getMessage() + ". Send ids and path segments as they are (a UUID needs no encoding).",
                Map.of());
    }
}
