package com.relationship.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.converter.RsaKeyConverters;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void createsBothFilesOnFirstUseAndReadsTheSameKeysAfterwards() throws Exception {
        SigningKeys created = SigningKeys.loadOrCreate(dir.resolve("keys"));
        SigningKeys loaded = SigningKeys.loadOrCreate(dir.resolve("keys"));

        assertThat(dir.resolve("keys/" + SigningKeys.PRIVATE_KEY_FILE)).exists();
        assertThat(dir.resolve("keys/" + SigningKeys.PUBLIC_KEY_FILE)).exists();
        assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
        assertThat(loaded.privateKey()).isEqualTo(created.privateKey());
        assertThat(loaded.keyId()).isEqualTo(created.keyId());
        assertThat(created.publicKey().getModulus().bitLength()).isEqualTo(SigningKeys.KEY_SIZE);
    }

    @Test
    void thePrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        SigningKeys.loadOrCreate(dir);

        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(SigningKeys.PRIVATE_KEY_FILE)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(SigningKeys.PUBLIC_KEY_FILE)))).isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary files left behind").hasSize(2);
        }
    }

    @Test
    void thePublicKeyFileIsTheX509PemSpringBootReads() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(dir);
        Path publicFile = dir.resolve(SigningKeys.PUBLIC_KEY_FILE);

        assertThat(Files.readString(publicFile)).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        // The converter behind spring.security.oauth2.resourceserver.jwt.public-key-location.
        try (InputStream in = Files.newInputStream(publicFile)) {
            RSAPublicKey read = RsaKeyConverters.x509().convert(in);
            assertThat(read).isEqualTo(keys.publicKey());
        }
        assertThat(Files.readString(dir.resolve(SigningKeys.PRIVATE_KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void aDeletedPublicKeyIsWrittenAgainFromThePrivateKey() throws Exception {
        SigningKeys created = SigningKeys.loadOrCreate(dir);
        Files.delete(dir.resolve(SigningKeys.PUBLIC_KEY_FILE));

        SigningKeys loaded = SigningKeys.loadOrCreate(dir);

        assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
        assertThat(SigningKeys.readPublicKey(dir.resolve(SigningKeys.PUBLIC_KEY_FILE))).isEqualTo(created.publicKey());
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefusedNamingTheFile() throws Exception {
        SigningKeys.loadOrCreate(dir);
        Files.writeString(dir.resolve(SigningKeys.PUBLIC_KEY_FILE), SigningKeys.generate().publicKeyPem());

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir))
                .hasMessageContaining(SigningKeys.PUBLIC_KEY_FILE)
                .hasMessageContaining("does not belong to");
    }

    @Test
    void aBrokenPrivateKeyFailsNamingTheFileInsteadOfBeingReplaced() throws Exception {
        Files.writeString(dir.resolve(SigningKeys.PRIVATE_KEY_FILE), "not a key");

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir)).hasMessageContaining(SigningKeys.PRIVATE_KEY_FILE);
        assertThat(Files.readString(dir.resolve(SigningKeys.PRIVATE_KEY_FILE))).isEqualTo("not a key");
    }
}
