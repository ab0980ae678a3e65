package com.relationship.localstack;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's reader token (issue 33, finding 3): short-lived, and readable by its owner only, always. */
class LocalTokensTest {

    @TempDir
    Path dataDir;

    @Test
    void theDashboardTokenIsAReaderTokenForTwelveHours() throws Exception {
        Path file = LocalTokens.dashboardToken(dataDir.resolve("keys"));

        JWTClaimsSet claims = SignedJWT.parse(Files.readString(file).trim()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(LocalTokens.DASHBOARD_SUBJECT);
        assertThat(claims.getStringListClaim(LocalTokens.ROLES_CLAIM)).isEqualTo(List.of("reader"));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void theDashboardTokenFileIsOwnerOnlyAndLeavesNoTemporaryFile() throws Exception {
        Path keys = dataDir.resolve("keys");

        Path file = LocalTokens.dashboardToken(keys);

        assertThat(file).isEqualTo(keys.resolve("dashboard-reader.token").toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(keys)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the keys and the token, nothing half-written")
                    .containsExactlyInAnyOrder("token-signing-key.pem", "token-signing-key.pub.pem",
                            "dashboard-reader.token");
        }
    }

    /**
     * Minted again at every start: the new token goes into a new file, moved over the old one, never
     * written into it. Whoever could open the old file (here through a second link to it, as a
     * world-readable one left by an older launcher would allow) does not get the new token.
     */
    @Test
    void aNewTokenReplacesTheFileInsteadOfWritingIntoIt() throws Exception {
        Path keys = dataDir.resolve("keys");
        Path file = LocalTokens.dashboardToken(keys);
        String first = Files.readString(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path otherLink = Files.createLink(dataDir.resolve("opened-by-someone-else"), file);

        LocalTokens.dashboardToken(keys);

        assertThat(Files.readString(file)).isNotEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(otherLink)).as("the old file keeps the old token").isEqualTo(first);
    }
}
