package com.relationship.service.web;

import com.relationship.security.Actor;
import com.relationship.security.SubjectRateLimit;
import com.relationship.security.TokenSecurityAutoConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Commands per token subject ({@code relationship.api.command-rate.*}): past the rate a command is answered 429 problem+json with
 * {@code Retry-After}, before its body is read or anything is stored, so one caller cannot take
 * the command API from the others. Reads are not limited here.
 */
@Component
@Order(TokenSecurityAutoConfiguration.AFTER_AUTHENTICATION + 1) // per subject: only after the token check
class CommandRateLimitFilter extends OncePerRequestFilter {

    private final SubjectRateLimit limit;

    CommandRateLimitFilter(ApiProperties properties) {
        this.limit = new SubjectRateLimit(properties.commandRate().limit());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/accounts");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = Actor.current();
        Optional<Duration> wait = actor.flatMap(caller -> limit.take(caller.subject()));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = SubjectRateLimit.retryAfterSeconds(wait.get());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        FilterProblems.write(request, response, 429, "too-many-commands", "Too many commands",
                "'" + actor.get().subject() + "' sent more than " + limit.limit().requests() + " commands per "
                        + (limit.limit().per().equals(Duration.ofSeconds(1)) ? "second"
                        : limit.limit().per().toSeconds() + " s") + " (bursts up to " + limit.limit().burst() + "), so this one was not processed: send it again"
                        + " in " + seconds + " s (Retry-After), with the same Idempotency-Key if it had one.",
                Map.of("retryAfterSeconds", seconds));
    }
}
