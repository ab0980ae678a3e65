package com.relationship.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking: the subject of the request's verified token and, where the token names one, the
 * client (application) it was issued to ({@code azp}, or {@code client_id} as RFC 9068 names it).
 * Only ever taken from a token Spring Security has verified, never from a header.
 */
public record Actor(String subject, String clientId) {

    /** The MDC key of the subject, so every log line of the request names it. */
    public static final String MDC_ACTOR = "actor";
    /** The MDC key of the client id, where there is one. */
    public static final String MDC_CLIENT_ID = "clientId";

    /** The actor of the request being handled on this thread, if it was authenticated with a token. */
    public static Optional<Actor> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The actor of the request being handled; for code that only runs behind the token check. */
    public static Actor required() {
        return current().orElseThrow(() -> new IllegalStateException(
                "no authenticated actor: this code must run behind Spring Security's token check"));
    }

    static Optional<Actor> of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return Optional.empty();
        }
        String subject = token.getToken().getSubject();
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        String clientId = token.getToken().getClaimAsString("azp");
        if (clientId == null) {
            clientId = token.getToken().getClaimAsString("client_id");
        }
        return Optional.of(new Actor(subject, clientId == null || clientId.isBlank() ? null : clientId));
    }
}
