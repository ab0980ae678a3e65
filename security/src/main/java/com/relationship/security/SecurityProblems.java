package com.relationship.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem+json, in the services' style ({@code /problems/<kind>}, a detail
 * that says what to do, the correlation id), with the {@code WWW-Authenticate: Bearer} challenge
 * of RFC 6750. Never an exception's class name or stack trace: the reason comes from
 * {@link TokenRefusal}, the needed role from {@link EndpointAccess}.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final EndpointAccess access;
    private final TokenRefusal refusals;
    private final String rolesClaim;

    SecurityProblems(EndpointAccess access, TokenRefusal refusals, String rolesClaim) {
        this.access = access;
        this.refusals = refusals;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        TokenRefusal.Reason reason = refusals.reasonFor(request, failure);
        log.info("401 {} {}: {}", request.getMethod(), request.getRequestURI(), reason.detail());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, reason.slug().equals(TokenRefusal.MISSING)
                ? "Bearer" // RFC 6750 3.1: no error code when the request carried no token at all
                : "Bearer error=\"invalid_token\", error_description=\"" + headerSafe(reason.detail()) + "\"");
        write(request, response, 401, reason.slug(), reason.title(), reason.detail(), Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String endpoint = request.getMethod() + " " + request.getRequestURI();
        String who = Actor.of(authentication).map(actor -> "'" + actor.subject() + "'").orElse("this caller");
        var rule = access.ruleFor(request);
        if (rule.isEmpty()) {
            write(request, response, 403, "endpoint-not-listed", "Endpoint not open to tokens",
                    endpoint + " is not an endpoint of this API, so no token may call it; see /v3/api-docs for"
                            + " the endpoints there are.", Map.of());
            return;
        }
        String needed = rule.get().role().claimValue();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", error_description=\""
                + endpoint + " needs the role " + needed + "\"");
        boolean hasRolesClaim = authentication instanceof JwtAuthenticationToken token
                && token.getToken().hasClaim(rolesClaim);
        if (!hasRolesClaim) {
            write(request, response, 403, "roles-claim-missing", "Token has no roles",
                    "The token of " + who + " has no '" + rolesClaim + "' claim, so it grants no role; " + endpoint
                            + " needs the role '" + needed + "': ask the identity provider for a token that carries"
                            + " it in '" + rolesClaim + "'.", Map.of("requiredRole", needed));
            return;
        }
        List<String> held = authentication == null ? List.of() : access.roleNames(authentication.getAuthorities());
        write(request, response, 403, "role-missing", "Role missing",
                endpoint + " needs the role '" + needed + "'; the token of " + who + " has "
                        + (held.isEmpty() ? "no role" : "only " + String.join(", ", held))
                        + ". Ask for a token with the role '" + needed + "'.",
                Map.of("requiredRole", needed, "tokenRoles", held));
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String slug,
                              String title, String detail, Map<String, ?> extensions) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        String correlationId = MDC.get("correlationId");
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        problem.putAll(extensions);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSONObjectUtils.toJSONString(problem).getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 6750 error_description: printable ASCII without quote or backslash. */
    private static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            safe.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : ' ');
        }
        return safe.toString();
    }
}
