package com.relationship.security.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints signed RS256 JWTs the services accept: subject, roles (a JSON array under a configurable
 * claim, {@value #DEFAULT_ROLES_CLAIM} by default), issuer, audience, issued-at, expiry, a unique
 * {@code jti}, and optionally the client id as {@code azp}. The {@code kid} header is the key's
 * thumbprint, so a verifier holding several keys finds the right one.
 */
public final class TokenMint {

    public static final String DEFAULT_ROLES_CLAIM = "roles";
    public static final String CLIENT_ID_CLAIM = "azp";

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final String rolesClaim;
    private final Clock clock;

    public TokenMint(SigningKeys keys, String issuer, String audience) {
        this(keys, issuer, audience, DEFAULT_ROLES_CLAIM, Clock.systemUTC());
    }

    /** With another roles claim name, or a clock (tests mint expired tokens with a clock in the past). */
    public TokenMint(SigningKeys keys, String issuer, String audience, String rolesClaim, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.rolesClaim = requireText(rolesClaim, "rolesClaim");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for {@code subject} with {@code roles}, valid for {@code ttl} from now. */
    public String mint(String subject, Collection<String> roles, Duration ttl) {
        return mint(subject, roles, ttl, null);
    }

    /**
     * As {@link #mint(String, Collection, Duration)}, with the client (application) the token
     * was issued to as {@code azp}; {@code clientId} may be null for none.
     */
    public String mint(String subject, Collection<String> roles, Duration ttl, String clientId) {
        requireText(subject, "subject");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        for (String role : roles) {
            requireText(role, "role");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim(rolesClaim, List.copyOf(roles));
        if (clientId != null) {
            claims.claim(CLIENT_ID_CLAIM, requireText(clientId, "clientId"));
        }
        return sign(claims.build());
    }

    /** Signs any claims with these keys; for callers (tests) that need a token this class would not mint. */
    public String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(keys.keyId())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
        return jwt.serialize();
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
