package com.relationship.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TokenMintTest {

    private static final SigningKeys KEYS = SigningKeys.generate();

    private final TokenMint mint = new TokenMint(KEYS, "https://issuer.test", "relationship-lifecycle");
    private final NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEYS.publicKey()).build();

    @Test
    void aMintedTokenCarriesSubjectRolesIssuerAudienceAndExpiry() {
        Instant before = Instant.now().minusSeconds(1);

        Jwt jwt = decoder.decode(mint.mint("alice", List.of("writer", "reader"), Duration.ofHours(8)));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("writer", "reader");
        assertThat(jwt.getIssuer()).hasToString("https://issuer.test");
        assertThat(jwt.getAudience()).containsExactly("relationship-lifecycle");
        assertThat(jwt.getExpiresAt()).isBetween(before.plus(Duration.ofHours(8)), Instant.now().plus(Duration.ofHours(8)));
        assertThat(jwt.getIssuedAt()).isNotNull();
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.hasClaim(TokenMint.CLIENT_ID_CLAIM)).isFalse();
    }

    @Test
    void theHeaderIsRs256WithTheKeysThumbprint() throws Exception {
        SignedJWT jwt = SignedJWT.parse(mint.mint("alice", List.of("reader"), Duration.ofMinutes(5)));

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEYS.keyId());
    }

    @Test
    void theClientIdGoesIntoAzp() {
        Jwt jwt = decoder.decode(mint.mint("alice", List.of("writer"), Duration.ofMinutes(5), "crm-sync"));

        assertThat(jwt.getClaimAsString("azp")).isEqualTo("crm-sync");
    }

    @Test
    void theRolesClaimNameIsConfigurable() {
        TokenMint groups = new TokenMint(KEYS, "https://issuer.test", "aud", "groups", Clock.systemUTC());

        Jwt jwt = decoder.decode(groups.mint("bob", List.of("auditor"), Duration.ofMinutes(5)));

        assertThat(jwt.getClaimAsStringList("groups")).containsExactly("auditor");
        assertThat(jwt.hasClaim("roles")).isFalse();
    }

    @Test
    void aTokenMintedWithAClockInThePastIsExpired() {
        Clock lastYear = Clock.fixed(Instant.now().minus(Duration.ofDays(365)), ZoneOffset.UTC);
        TokenMint old = new TokenMint(KEYS, "https://issuer.test", "aud", "roles", lastYear);

        String token = old.mint("alice", List.of("reader"), Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenOfAnotherKeyDoesNotVerify() {
        String forged = new TokenMint(SigningKeys.generate(), "https://issuer.test", "aud").mint("mallory", List.of("admin"), Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesNonsenseArguments() {
        assertThatThrownBy(() -> mint.mint(" ", List.of("reader"), Duration.ofMinutes(5))).hasMessageContaining("subject");
        assertThatThrownBy(() -> mint.mint("alice", List.of("reader"), Duration.ZERO)).hasMessageContaining("ttl");
        assertThatThrownBy(() -> mint.mint("alice", List.of(""), Duration.ofMinutes(5))).hasMessageContaining("role");
    }
}
