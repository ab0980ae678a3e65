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
 * Patterns are Spring {@code PathPattern}s; the first rule that matches a request decides.
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

    private final List<Rule> rules;

    private AccessRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Rule> rules() {
        return rules;
    }

    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {
        }

        public Builder allow(HttpMethod method, String pattern, Role role) {
            rules.add(new Rule(method, pattern, role));
            return this;
        }

        public AccessRules build() {
            if (rules.isEmpty()) {
                throw new IllegalStateException("an access table without rules would refuse every API call");
            }
            return new AccessRules(rules);
        }
    }
}
