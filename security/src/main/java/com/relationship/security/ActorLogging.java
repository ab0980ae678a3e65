package com.relationship.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the verified {@link Actor} into the MDC for every log line of the request. Registered to
 * run just after Spring Security's filter chain, so it only ever sees an authenticated request.
 */
final class ActorLogging extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = Actor.current().orElse(null);
        if (actor == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(Actor.MDC_ACTOR, actor.subject());
        if (actor.clientId() != null) {
            MDC.put(Actor.MDC_CLIENT_ID, actor.clientId());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(Actor.MDC_ACTOR);
            MDC.remove(Actor.MDC_CLIENT_ID);
        }
    }
}
