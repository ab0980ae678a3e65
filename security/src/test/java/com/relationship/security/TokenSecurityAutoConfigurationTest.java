package com.relationship.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.ByteArrayResource;

/** No open mode: each way of leaving token verification unconfigured fails, naming the property to set. */
class TokenSecurityAutoConfigurationTest {

    private static final Duration DAY = Duration.ofHours(24);

    private final OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();

    @Test
    void nothingConfiguredNamesTheKeyProperties() {
        assertThatThrownBy(() -> TokenSecurityAutoConfiguration.requireTokenVerification(new TokenSettings(null, DAY), jwt))
                .hasMessageContaining("No token issuer configured")
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .hasMessageContaining("jwk-set-uri")
                .hasMessageContaining("public-key-location");
    }

    @Test
    void aPublicKeyWithoutAnIssuerNamesTheIssuerProperty() {
        jwt.setPublicKeyLocation(new ByteArrayResource(new byte[0]));
        jwt.setAudiences(List.of("relationship-lifecycle"));

        assertThatThrownBy(() -> TokenSecurityAutoConfiguration.requireTokenVerification(new TokenSettings(" ", DAY), jwt))
                .hasMessageContaining("relationship.security.issuer");
    }

    @Test
    void noAudienceNamesTheAudiencesProperty() {
        jwt.setIssuerUri("https://idp.example.com/realms/sales");

        assertThatThrownBy(() -> TokenSecurityAutoConfiguration.requireTokenVerification(new TokenSettings(null, DAY), jwt))
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");
    }

    @Test
    void twoDifferentIssuersAreRefused() {
        jwt.setIssuerUri("https://idp.example.com/realms/sales");
        jwt.setAudiences(List.of("relationship-lifecycle"));

        assertThatThrownBy(() -> TokenSecurityAutoConfiguration.requireTokenVerification(
                new TokenSettings("https://other.example.com", DAY), jwt)).hasMessageContaining("differ");
    }

    @Test
    void anIssuerUriAndAnAudienceAreEnough() {
        jwt.setIssuerUri("https://idp.example.com/realms/sales");
        jwt.setAudiences(List.of("relationship-lifecycle"));

        assertThatCode(() -> TokenSecurityAutoConfiguration.requireTokenVerification(new TokenSettings(null, DAY), jwt))
                .doesNotThrowAnyException();
    }

    @Test
    void aPublicKeyWithIssuerAndAudienceIsEnough() {
        jwt.setPublicKeyLocation(new ByteArrayResource(new byte[0]));
        jwt.setAudiences(List.of("relationship-lifecycle"));

        assertThatCode(() -> TokenSecurityAutoConfiguration.requireTokenVerification(
                new TokenSettings("https://tokens.local", DAY), jwt)).doesNotThrowAnyException();
    }
}
