package com.relationship.security.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.relationship.security.Role;
import com.relationship.security.tokens.SigningKeys;
import com.relationship.security.tokens.TokenMint;

/**
 * Tokens for the services' tests, signed with the test key pair in {@code security-test/} that
 * the services' test configuration trusts ({@code src/test/resources/config/application.yml}),
 * and the bad tokens the security tests throw at them. Shared through this module's test-jar.
 */
public final class TestTokens {

    /** The issuer and audience the services' test configuration expects. */
    public static final String ISSUER = "https://tokens.test.relationship.invalid";
    public static final String AUDIENCE = "relationship-lifecycle";

    private static final Duration TTL = Duration.ofHours(1);
    private static final SigningKeys KEYS = SigningKeys.fromPrivateKeyPem(resource("security-test/token-signing-key.pem"));
    private static final TokenMint MINT = new TokenMint(KEYS, ISSUER, AUDIENCE);

    private TestTokens() {
    }

    private static Path publicKeyFile;

    /**
     * The settings that make a service started as a child JVM (from its jar, without the test
     * classpath) trust these tokens, as {@code --name=value} arguments.
     */
    public static synchronized List<String> serviceArguments() {
        try {
            if (publicKeyFile == null) {
                publicKeyFile = Files.createTempFile("test-token-signing-key", ".pub.pem");
                Files.writeString(publicKeyFile, KEYS.publicKeyPem());
                publicKeyFile.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyFile,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE,
                "--relationship.security.issuer=" + ISSUER);
    }

    /** A valid token for {@code subject} with these roles. */
    public static String token(String subject, Role... roles) {
        return MINT.mint(subject, names(roles), TTL);
    }

    /** A valid token with every role: for tests about something other than who may call what. */
    public static String allRoles(String subject) {
        return token(subject, Role.values());
    }

    /** A valid token issued to a client application ({@code azp}). */
    public static String forClient(String subject, String clientId, Role... roles) {
        return MINT.mint(subject, names(roles), TTL, clientId);
    }

    /** Signed by a key nobody trusts, otherwise perfect. */
    public static String forged(String subject, Role... roles) {
        return new TokenMint(SigningKeys.generate(), ISSUER, AUDIENCE).mint(subject, names(roles), TTL);
    }

    /** Expired an hour ago (well past any clock skew allowance). */
    public static String expired(String subject, Role... roles) {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        return new TokenMint(KEYS, ISSUER, AUDIENCE, TokenMint.DEFAULT_ROLES_CLAIM, twoHoursAgo)
                .mint(subject, names(roles), TTL);
    }

    /** Signed and right in every claim but one: no {@code exp}, so it would never expire. */
    public static String withoutExpiry(String subject, Role... roles) {
        return MINT.sign(claims(subject).expirationTime(null).claim(TokenMint.DEFAULT_ROLES_CLAIM, names(roles))
                .build());
    }

    /** A valid token that lives {@code lifetime} from now: refused when that is longer than the services allow. */
    public static String lastingFor(Duration lifetime, String subject, Role... roles) {
        return MINT.mint(subject, names(roles), lifetime);
    }

    public static String wrongIssuer(String subject, Role... roles) {
        return new TokenMint(KEYS, "https://someone-else.invalid", AUDIENCE).mint(subject, names(roles), TTL);
    }

    public static String wrongAudience(String subject, Role... roles) {
        return new TokenMint(KEYS, ISSUER, "another-application").mint(subject, names(roles), TTL);
    }

    /** {@code alg: none}: claims a valid token would have, and no signature at all. */
    public static String unsigned(String subject, Role... roles) {
        return new PlainJWT(new PlainHeader(), claims(subject).claim(TokenMint.DEFAULT_ROLES_CLAIM, names(roles))
                .build()).serialize();
    }

    /** Valid and signed, but with no roles claim at all. */
    public static String withoutRolesClaim(String subject) {
        return MINT.sign(claims(subject).build());
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(TTL)));
    }

    private static List<String> names(Role... roles) {
        return Arrays.stream(roles).map(Role::claimValue).toList();
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath (security's test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
