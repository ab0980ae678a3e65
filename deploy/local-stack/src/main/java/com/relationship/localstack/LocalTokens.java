package com.relationship.localstack;

import com.nimbusds.jwt.SignedJWT;
import com.relationship.security.tokens.AtomicFiles;
import com.relationship.security.tokens.SigningKeys;
import com.relationship.security.tokens.TokenMint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The local stack's stand-in for an identity provider: a key pair in the data directory (made at
 * the first start, or by the first {@code token} command), services that trust its public key
 * with a fixed issuer and audience, and tokens signed with its private key.
 */
final class LocalTokens {

    /** The {@code iss} of every local token; the services accept no other. */
    static final String ISSUER = "local-stack";
    /** The {@code aud} of every local token; the services accept no other. */
    static final String AUDIENCE = "relationship-lifecycle";
    /** The claim with the roles: the services' default name, spelled out so both sides say the same. */
    static final String ROLES_CLAIM = "roles";

    /** The security module's {@code TokenSettings}: the issuer a public key's tokens must carry. */
    static final String ISSUER_SETTING = "relationship.security.issuer";

    private static final String JWT = "--spring.security.oauth2.resourceserver.jwt.";

    private LocalTokens() {
    }

    record Minted(String jwt, Instant expiresAt) {
    }

    /** Makes the key pair in {@code keysDir} unless it is there; answers the public key file the services read. */
    static Path ensureKeys(Path keysDir) {
        SigningKeys.loadOrCreate(keysDir);
        return publicKeyFile(keysDir);
    }

    static Path publicKeyFile(Path keysDir) {
        return keysDir.resolve(SigningKeys.PUBLIC_KEY_FILE).toAbsolutePath();
    }

    /**
     * The command-line arguments that make a service trust the keys in {@code keysDir} and nothing else.
     * Not {@code jwt.issuer-uri}: with it, Boot ignores the public key and looks for an identity
     * provider at that address; the security module checks the issuer of a public key's tokens
     * against {@value #ISSUER_SETTING} instead.
     */
    static List<String> serviceArguments(Path keysDir) {
        return List.of(
                JWT + "public-key-location=file:" + publicKeyFile(keysDir),
                JWT + "audiences=" + AUDIENCE,
                JWT + "authorities-claim-name=" + ROLES_CLAIM,
                "--" + ISSUER_SETTING + "=" + ISSUER);
    }

    /** A token for {@code subject} with {@code roles}, signed with the keys in {@code keysDir} (made if absent). */
    static Minted mint(Path keysDir, String subject, List<String> roles, Duration ttl) {
        TokenMint mint = new TokenMint(SigningKeys.loadOrCreate(keysDir), ISSUER, AUDIENCE, ROLES_CLAIM, Clock.systemUTC());
        String jwt = mint.mint(subject, roles, ttl);
        try {
            return new Minted(jwt, SignedJWT.parse(jwt).getJWTClaimsSet().getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new IllegalStateException("the token just minted does not parse", e);
        }
    }

    /** The subject of the dashboard's local sign-in: what its requests show as the actor. */
    static final String DASHBOARD_SUBJECT = "local-dashboard";
    /**
     * A working day and then some; minted again at every start of the stack. Short, because the page's
     * sign-in hands it to a browser, and within the services' default max-token-lifetime (24h), which
     * refuses longer-lived tokens (TokenCommandTest).
     */
    static final Duration DASHBOARD_TOKEN_TTL = Duration.ofHours(12);

    /** In the keys directory, beside the key it is signed with. */
    static final String DASHBOARD_TOKEN_FILE = "dashboard-reader.token";

    /**
     * Mints the dashboard page's reader token (local sign-in only: it reads, never writes) into a file
     * only this user can read, from the instant it exists (see {@link AtomicFiles#write}), and answers
     * the file, which projection-service hands to the page.
     */
    static Path dashboardToken(Path keysDir) {
        Path file = keysDir.resolve(DASHBOARD_TOKEN_FILE).toAbsolutePath();
        String jwt = mint(keysDir, DASHBOARD_SUBJECT, List.of("reader"), DASHBOARD_TOKEN_TTL).jwt();
        try {
            AtomicFiles.write(file, jwt + System.lineSeparator(), AtomicFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dashboard's token to " + file, e);
        }
        return file;
    }
}
