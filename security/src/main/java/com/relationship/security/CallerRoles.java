package com.relationship.security;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which roles the caller of the request being handled holds, for an endpoint one role may call but
 * whose answer shows more to another (a reader's timeline without the auditors' who and why). Reads
 * the authorities Spring Security granted from the verified token, with the service's authority prefix.
 */
public final class CallerRoles {

    private final String authorityPrefix;

    CallerRoles(String authorityPrefix) {
        this.authorityPrefix = authorityPrefix;
    }

    /** The prefix the roles claim's values get as authorities: Boot's JwtGrantedAuthoritiesConverter default, when the properties leave it out. */
    static String authorityPrefix(OAuth2ResourceServerProperties.Jwt jwt) {
        return jwt.getAuthorityPrefix() != null ? jwt.getAuthorityPrefix() : "SCOPE_";
    }

    /** Whether the current request's token carries {@code role}; false for a request without a token. */
    public boolean has(Role role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        String wanted = authorityPrefix + role.claimValue();
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(wanted::equals);
    }
}
