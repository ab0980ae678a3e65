package com.relationship.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relationship.security.*}: what Spring Boot's resource-server properties do not cover.
 *
 * @param issuer the {@code iss} every token must carry when the keys come from
 *               {@code spring.security.oauth2.resourceserver.jwt.public-key-location} or
 *               {@code jwk-set-uri}. Boot checks the issuer only together with {@code issuer-uri},
 *               and uses a public key only when {@code issuer-uri} is not set, so without this a
 *               public key would accept tokens of any issuer that holds the private key.
 */
@ConfigurationProperties("relationship.security")
public record TokenSettings(String issuer) {
}
