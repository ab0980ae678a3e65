package com.relationship.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** A token must expire, at most {@code max-token-lifetime} after it was issued (or after now, without {@code iat}). */
class TokenLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final TokenLifetime lifetime = new TokenLifetime(Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void noExpiryIsRefused() {
        assertThat(descriptions(lifetime.validate(token(NOW, null)))).singleElement().asString()
                .startsWith(TokenLifetime.NO_EXPIRY);
    }

    @Test
    void expiryMinusIssuedAtUpToTheMaximumIsAccepted() {
        assertThat(lifetime.validate(token(NOW.minusSeconds(3600), NOW.plus(Duration.ofHours(23)))).hasErrors()).isFalse();
    }

    @Test
    void expiryMinusIssuedAtOverTheMaximumIsRefusedWithBothDurations() {
        OAuth2TokenValidatorResult result = lifetime.validate(token(NOW.minus(Duration.ofDays(29)), NOW.plus(Duration.ofDays(1))));

        assertThat(descriptions(result)).singleElement().asString().startsWith(TokenLifetime.TOO_LONG)
                .contains("of 720h").contains("the 24h").contains("relationship.security.max-token-lifetime");
    }

    @Test
    void withoutIssuedAtTheLifetimeCountsFromNow() {
        assertThat(lifetime.validate(token(null, NOW.plus(Duration.ofHours(24)))).hasErrors()).isFalse();
        assertThat(lifetime.validate(token(null, NOW.plus(Duration.ofHours(25)))).hasErrors()).isTrue();
    }

    @Test
    void anIssuedAtInTheFutureCountsFromNowButClockSkewIsAllowed() {
        // Dated a day ahead, valid for "a day": it would be usable for two from now.
        assertThat(lifetime.validate(token(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)))).hasErrors())
                .isTrue();
        // The issuer's clock 30 s ahead of ours: a full-length token still passes.
        Instant ahead = NOW.plusSeconds(30);
        assertThat(lifetime.validate(token(ahead, ahead.plus(Duration.ofHours(24)))).hasErrors()).isFalse();
    }

    private static Jwt token(Instant issuedAt, Instant expiresAt) {
        Jwt.Builder token = Jwt.withTokenValue("token").header("alg", "RS256").subject("rita");
        if (issuedAt != null) {
            token.issuedAt(issuedAt);
        }
        if (expiresAt != null) {
            token.expiresAt(expiresAt);
        }
        return token.build();
    }

    private static List<String> descriptions(OAuth2TokenValidatorResult result) {
        return result.getErrors().stream().map(OAuth2Error::getDescription).toList();
    }
}
