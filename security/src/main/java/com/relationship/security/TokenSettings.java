package com.relationship.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relationship.security.*}: what Spring Boot's resource-server properties do not cover.
 *
 * @param issuer           the {@code iss} every token must carry when the keys come from
 *                         {@code spring.security.oauth2.resourceserver.jwt.public-key-location} or
 *                         {@code jwk-set-uri}. Boot checks the issuer only together with {@code issuer-uri},
 *                         and uses a public key only when {@code issuer-uri} is not set, so without this a
 *                         public key would accept tokens of any issuer that holds the private key.
 * @param maxTokenLifetime the longest a token may live, {@code exp} less {@code iat}; every token must
 *                         have an {@code exp} ({@link TokenLifetime}). A day by default: an identity
 *                         provider's access tokens live minutes to hours, and the local stack's token
 *                         command mints at most 24 hours.
 */
@ConfigurationProperties("relationship.security")
public record TokenSettings(String issuer, @DefaultValue(DEFAULT_MAX_TOKEN_LIFETIME) Duration maxTokenLifetime) {

    /** The default {@code max-token-lifetime}; the local stack's tokens must fit under it (TokenCommandTest). */
    public static final String DEFAULT_MAX_TOKEN_LIFETIME = "24h";

    public TokenSettings {
        if (maxTokenLifetime == null || maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
            throw new IllegalArgumentException("relationship.security.max-token-lifetime must be a positive duration"
                    + " such as 8h or 24h, was " + maxTokenLifetime);
        }
    }
}
