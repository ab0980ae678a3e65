package com.relationship.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Every token expires, and soon enough. Spring's timestamp check accepts a token without
 * {@code exp} (it checks the expiry only when there is one), and such a token, or one minted for
 * a year, opens API calls and dashboard streams that nothing ever closes.
 *
 * <p>The lifetime is counted from {@code iat}, or from now when the token has none, or when its
 * {@code iat} lies further ahead than the clock skew Spring allows: a token dated in the future
 * would otherwise live longer than it says.
 */
final class TokenLifetime implements OAuth2TokenValidator<Jwt> {

    /** The start of the description of a token without {@code exp}; {@link TokenRefusal} explains it. */
    static final String NO_EXPIRY = "The exp claim is required";
    /** The start of the description of a token that lives too long; {@link TokenRefusal} explains it. */
    static final String TOO_LONG = "The token's lifetime";
    /** Spring's default for {@code JwtTimestampValidator}, so a token it accepts as issued now passes here. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Duration max;
    private final Clock clock;

    TokenLifetime(Duration max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return refused(NO_EXPIRY + ", and this token has none");
        }
        Instant now = clock.instant();
        Instant issuedAt = jwt.getIssuedAt();
        Instant from = issuedAt == null || issuedAt.isAfter(now.plus(CLOCK_SKEW)) ? now : issuedAt;
        Duration lifetime = Duration.between(from, expiresAt);
        if (lifetime.compareTo(max) > 0) {
            return refused(TOO_LONG + " of " + describe(lifetime) + " is longer than the " + describe(max)
                    + " this service accepts (relationship.security.max-token-lifetime)");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** {@code PT24H} as {@code 24h}, {@code PT1H30M} as {@code 1h30m}: as the token command's --ttl takes it. */
    private static String describe(Duration duration) {
        return duration.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
