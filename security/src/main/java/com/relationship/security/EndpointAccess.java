package com.relationship.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A service's {@link AccessRules} plus what every service shares (open health, OpenAPI and
 * Swagger UI; the other actuator endpoints for admins; everything else refused), as request
 * matchers. Both the authorization of requests and the 403 answer read this one list, so the
 * role a 403 names is the role the check asked for.
 */
final class EndpointAccess {

    record Entry(RequestMatcher matcher, AccessRules.Rule rule) {
    }

    private final List<RequestMatcher> open = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final String authorityPrefix;

    EndpointAccess(AccessRules service, String actuatorBasePath, String authorityPrefix) {
        this.authorityPrefix = authorityPrefix;
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        String actuator = actuatorBasePath.endsWith("/")
                ? actuatorBasePath.substring(0, actuatorBasePath.length() - 1) : actuatorBasePath;
        for (String health : List.of("", "/liveness", "/readiness")) {
            open.add(paths.matcher(HttpMethod.GET, actuator + "/health" + health));
        }
        for (String docs : List.of("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                "/swagger-ui/**")) {
            open.add(paths.matcher(HttpMethod.GET, docs));
        }
        for (AccessRules.OpenPath path : service.open()) {
            open.add(paths.matcher(path.method(), path.pattern()));
        }
        for (AccessRules.Rule rule : service.rules()) {
            entries.add(new Entry(paths.matcher(rule.method(), rule.pattern()), rule));
        }
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            AccessRules.Rule operations = new AccessRules.Rule(method, actuator + "/**", Role.ADMIN);
            entries.add(new Entry(paths.matcher(method, operations.pattern()), operations));
        }
    }

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry authorize) {
        // An error or async dispatch belongs to a request that was already let through.
        authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
        authorize.requestMatchers(open.toArray(RequestMatcher[]::new)).permitAll();
        for (Entry entry : entries) {
            authorize.requestMatchers(entry.matcher())
                    .access(AuthorityAuthorizationManager.hasAuthority(authority(entry.rule().role())));
        }
        authorize.anyRequest().denyAll();
    }

    /** The rule the request falls under; empty for an endpoint the table does not list. */
    Optional<AccessRules.Rule> ruleFor(HttpServletRequest request) {
        return entries.stream().filter(entry -> entry.matcher().matches(request)).map(Entry::rule).findFirst();
    }

    String authority(Role role) {
        return authorityPrefix + role.claimValue();
    }

    /** The role names an authority list grants, as they stand in the token. */
    List<String> roleNames(java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> granted) {
        return granted.stream().map(org.springframework.security.core.GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith(authorityPrefix))
                .map(name -> name.substring(authorityPrefix.length())).toList();
    }
}
