package com.relationship.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpMethod;

/**
 * A service's table of API endpoints and the role each needs: the one place it is declared. The
 * same table drives the authorization of requests and lets a 403 name the role that was missing.
 * An API path the table does not list is refused; health, the OpenAPI document and Swagger UI are
 * open and every other actuator endpoint needs {@link Role#ADMIN}, for every service alike.
 *
 * <pre>{@code
 * AccessRules.builder()
 *     .allow(HttpMethod.POST, "/api/v1/accounts/**", Role.WRITER)
 *     .allow(HttpMethod.GET, "/api/v1/accounts/{id}/events", Role.AUDITOR)
 *     .build();
 * }</pre>
 *
 * Patterns are Spring {@code PathPattern}s; the first rule that matches a request decides. A path
 * declared {@linkplain Builder#open open} needs no token: a page's static files, or an endpoint that
 * checks a credential of its own (a single-use stream ticket, which a browser's {@code EventSource}
 * sends in the URL because it cannot send headers).
 */
public final class AccessRules {

    /** One row: requests with this method whose path matches this pattern need this role. */
    public record Rule(HttpMethod method, String pattern, Role role) {
        public Rule {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(role, "role");
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("a path pattern starts with '/': " + pattern);
            }
        }
    }

    /** Requests with this method whose path matches this pattern need no token. */
    public record OpenPath(HttpMethod method, String pattern) {
        public OpenPath {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pattern, "pattern");
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("a path pattern starts with '/': " + pattern);
            }
        }
    }

    private final List<Rule> rules;
    private final List<OpenPath> open;

    private AccessRules(List<Rule> rules, List<OpenPath> open) {
        this.rules = List.copyOf(rules);
        this.open = List.copyOf(open);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The paths open without a token, besides health and the API documentation. */
    public List<OpenPath> open() {
        return open;
    }

    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private final List<OpenPath> open = new ArrayList<>();

        private Builder() {
        }

        public Builder allow(HttpMethod method, String pattern, Role role) {
            rules.add(new Rule(method, pattern, role));
            return this;
        }

        /**
         * No token needed: for static files, and for an endpoint that checks a credential of its own
         * and answers 401 problem+json itself when it is missing or spent.
         */
        public Builder open(HttpMethod method, String pattern) {
            open.add(new OpenPath(method, pattern));
            return this;
        }

        public AccessRules build() {
            if (rules.isEmpty()) {
                throw new IllegalStateException("an access table without rules would refuse every API call");
            }
            return new AccessRules(rules, open);
        }
    }
}
