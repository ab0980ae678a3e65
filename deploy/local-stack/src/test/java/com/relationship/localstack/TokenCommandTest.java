package com.relationship.localstack;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.relationship.security.TokenSettings;
import com.relationship.security.tokens.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code local-stack.jar token}: its arguments, its output (one token alone on the last line of
 * standard output), and the token itself, checked with nothing but the public key file the
 * services are given.
 */
class TokenCommandTest {

    @TempDir
    Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TokenCommand.run(List.of(args), dataDir.resolve("keys"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The token verified with the public key file alone, as a service reads it. */
    private JWTClaimsSet verified(String jwt) throws Exception {
        SignedJWT token = SignedJWT.parse(jwt);
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.verify(new RSASSAVerifier(SigningKeys.readPublicKey(LocalTokens.publicKeyFile(dataDir.resolve("keys"))))))
                .as("signature verifies with the public key the services trust").isTrue();
        return token.getJWTClaimsSet();
    }

    @Test
    void printsOneSignedTokenAloneOnStandardOutputWithSubjectRolesIssuerAudienceAndEightHours() throws Exception {
        Instant before = Instant.now();
        assertThat(run("--roles", "writer,reader", "--subject", "alice")).isZero();

        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(1);
        JWTClaimsSet claims = verified(lines.get(0));
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaim("roles")).containsExactly("writer", "reader");
        assertThat(claims.getIssuer()).isEqualTo(LocalTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly(LocalTokens.AUDIENCE);
        assertThat(claims.getExpirationTime().toInstant())
                .isCloseTo(before.plus(Duration.ofHours(8)), within(Duration.ofSeconds(5)));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(8));
        assertThat(err()).contains("alice", "writer,reader", "Authorization: Bearer");
    }

    @Test
    void theTtlSetsTheExpiryAndTheKeysAreMadeOnceAndKept() throws Exception {
        assertThat(run("--subject=bob", "--roles=auditor", "--ttl", "30m")).isZero();
        JWTClaimsSet first = verified(out().strip());
        assertThat(Duration.between(first.getIssueTime().toInstant(), first.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(30));
        String publicKey = Files.readString(LocalTokens.publicKeyFile(dataDir.resolve("keys")));

        out.reset();
        assertThat(run("--subject", "bob", "--roles", "admin,reader,admin", "--ttl", "1d")).isZero();
        JWTClaimsSet second = verified(out().strip());
        assertThat(second.getStringListClaim("roles")).as("each role once, in the order given").containsExactly("admin", "reader");
        assertThat(Files.readString(LocalTokens.publicKeyFile(dataDir.resolve("keys"))))
                .as("the second token is signed with the same keys").isEqualTo(publicKey);
    }

    @Test
    void badArgumentsExitWithTwoAClearReasonAndNoToken() {
        assertThat(run("--roles", "writer,superuser", "--subject", "alice")).isEqualTo(2);
        assertThat(err()).contains("unknown role 'superuser' in --roles; the roles are writer, reader, auditor, admin",
                "usage: java -jar local-stack.jar token");
        assertThat(out()).isEmpty();
        assertThat(dataDir.resolve("keys")).as("nothing made for a refused request").doesNotExist();
    }

    @Test
    void eachKindOfBadArgumentIsNamed() {
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--roles", "writer")))
                .hasMessage("--subject is missing: say who the token is for, e.g. --subject alice");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--subject", "alice")))
                .hasMessageStartingWith("--roles is missing");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--subject", "--roles", "writer")))
                .hasMessage("--subject needs a value");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--roles", "", "--subject", "alice")))
                .hasMessageContaining("--roles needs a value");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--roles", "writer,", "--subject", "alice")))
                .hasMessageContaining("unknown role ''");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--roles", "writer", "--subject", "a", "--subject", "b")))
                .hasMessage("--subject is given twice");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--roles", "writer", "--subject", "alice", "--user", "x")))
                .hasMessageStartingWith("unknown argument '--user'");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--roles", "writer", "--subject", "a".repeat(201))))
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--roles", "writer", "--subject", "al\nice")))
                .hasMessageContaining("control character");
    }

    @Test
    void aTtlIsAWholeNumberAndAUnitOfAtMostOneDay() {
        assertThat(TokenCommand.ttl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TokenCommand.ttl("8H")).isEqualTo(Duration.ofHours(8));
        assertThat(TokenCommand.ttl("24h")).isEqualTo(TokenCommand.MAX_TTL);
        for (String bad : List.of("8", "h", "0h", "-1h", "1.5h", "8 hours", "PT8H")) {
            assertThatThrownBy(() -> TokenCommand.ttl(bad)).as(bad)
                    .hasMessage("--ttl is '" + bad + "' but must be a whole number and a unit, s, m, h or d: 90s, 30m, 8h, 1d");
        }
        assertThatThrownBy(() -> TokenCommand.ttl("25h"))
                .hasMessage("--ttl is 25h but a local token lives at most 24h; mint a new one when it expires");
        assertThatThrownBy(() -> TokenCommand.ttl("2d")).hasMessageContaining("at most 24h");
    }

    @Test
    void everyLocalTokenLivesNoLongerThanTheServicesAcceptByDefault() {
        // The services refuse a token that lives longer than relationship.security.max-token-lifetime.
        Duration accepted = TokenCommand.ttl(TokenSettings.DEFAULT_MAX_TOKEN_LIFETIME);
        assertThat(TokenCommand.MAX_TTL).isLessThanOrEqualTo(accepted);
        assertThat(LocalTokens.DASHBOARD_TOKEN_TTL).isLessThanOrEqualTo(accepted);
    }

    @Test
    void theLaunchersMainRunsItInTheDataDirectoryOfTheLauncherSettingsAndExitsTwoOnBadArguments() throws Exception {
        Process good = launcherMain("token", "--roles", "writer,reader", "--subject", "alice", "--ttl", "1h");
        String stdout = new String(good.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(good.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(good.exitValue()).isZero();
        List<String> lines = stdout.lines().toList();
        JWTClaimsSet claims = verified(lines.get(lines.size() - 1));
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(Files.exists(dataDir.resolve("keys").resolve(SigningKeys.PRIVATE_KEY_FILE)))
                .as("keys made in the data directory before any start of the stack").isTrue();

        Process bad = launcherMain("token", "--roles", "writer", "--ttl", "8h");
        String badErr = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(badErr).contains("--subject is missing");
        assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    /** {@code LocalStackMain} in a JVM of its own (it calls System.exit), as {@code java -jar} would run it. */
    private Process launcherMain(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + LocalStackConfig.DATA_DIR + "=" + dataDir,
                "-cp", System.getProperty("java.class.path"), LocalStackMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
