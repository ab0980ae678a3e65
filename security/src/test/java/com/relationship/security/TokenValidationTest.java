package com.relationship.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jwt.SignedJWT;
import com.relationship.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The decoder a service gets from its properties and this module (Boot's resource server plus
 * {@link TokenSecurityAutoConfiguration}'s validators) refuses tokens that never expire or live too
 * long (issue 33, finding 4): Spring's own check lets a token without {@code exp} through, and a
 * dashboard stream opened with one would never close.
 */
class TokenValidationTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class,
                    TokenSecurityAutoConfiguration.class))
            .withUserConfiguration(Endpoints.class)
            // As a service started with the test key: the same settings, as properties.
            .withPropertyValues(TestTokens.serviceArguments().stream().map(argument -> argument.substring(2))
                    .toArray(String[]::new));

    @Configuration(proxyBeanMethods = false)
    static class Endpoints {
        @Bean
        AccessRules accessRules() {
            return AccessRules.builder().allow(HttpMethod.GET, "/api/v1/things", Role.READER).build();
        }
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        String token = TestTokens.withoutExpiry("rita", Role.READER);
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime()).as("the token has no exp").isNull();

        service.run(context -> assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(token))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("exp"));
    }

    @Test
    void aTokenLivingLongerThanTheDefaultDayIsRefused() {
        String token = TestTokens.lastingFor(Duration.ofDays(30), "rita", Role.READER);

        service.run(context -> assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(token))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("lifetime"));
    }

    @Test
    void aTokenOfExactlyTheMaximumLifetimeIsAccepted() {
        // The local stack's token command mints at most 24 hours: its longest token must pass.
        String token = TestTokens.lastingFor(Duration.ofHours(24), "rita", Role.READER);

        service.run(context -> assertThat(context.getBean(JwtDecoder.class).decode(token).getExpiresAt())
                .isAfter(Instant.now().plus(Duration.ofHours(23))));
    }

    @Test
    void theMaximumIsASetting() {
        String token = TestTokens.lastingFor(Duration.ofHours(3), "rita", Role.READER);

        service.withPropertyValues("relationship.security.max-token-lifetime=2h")
                .run(context -> assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(token))
                        .isInstanceOf(JwtValidationException.class).hasMessageContaining("2h"));
        service.run(context -> assertThat(context.getBean(JwtDecoder.class).decode(token).getSubject()).isEqualTo("rita"));
    }
}
