package com.relationship.security.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * An RSA key pair for signing tokens (RS256), kept as two PEM files in a directory:
 * {@value #PRIVATE_KEY_FILE} (PKCS#8, readable by its owner only) and {@value #PUBLIC_KEY_FILE}
 * (X.509 {@code -----BEGIN PUBLIC KEY-----}, the form Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location} reads).
 */
public final class SigningKeys {

    public static final String PRIVATE_KEY_FILE = "token-signing-key.pem";
    public static final String PUBLIC_KEY_FILE = "token-signing-key.pub.pem";

    /** 2048 bits is the RS256 minimum of RFC 7518 and what identity providers commonly use. */
    static final int KEY_SIZE = 2048;

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final String keyId;

    private SigningKeys(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.keyId = thumbprint(publicKey);
    }

    /** A fresh key pair in memory only (tests, or a caller that stores it itself). */
    public static SigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKeys((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    /**
     * The key pair in {@code dir}: read when the private key file exists, otherwise generated and
     * written (the directory is created if needed). A missing public key file is written again
     * from the private key, so deleting it is harmless; a private key that cannot be read fails
     * with the file named, never silently replaced (tokens already handed out would stop working).
     */
    public static SigningKeys loadOrCreate(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (Files.exists(privateFile)) {
                SigningKeys keys = fromPrivateKey(readPrivateKey(privateFile));
                if (!Files.exists(publicFile)) {
                    AtomicFiles.write(publicFile, pem(PUBLIC_LABEL, keys.publicKey.getEncoded()), AtomicFiles.WORLD_READABLE);
                } else if (!keys.publicKey.equals(readPublicKey(publicFile))) {
                    throw new IllegalStateException(publicFile + " does not belong to " + privateFile
                            + "; delete " + publicFile + " and it is written again from the private key");
                }
                return keys;
            }
            Files.createDirectories(dir);
            SigningKeys keys = generate();
            // Private key first: a crash in between leaves a private key, from which the public one is rebuilt.
            AtomicFiles.write(privateFile, pem(PRIVATE_LABEL, keys.privateKey.getEncoded()), AtomicFiles.OWNER_ONLY);
            AtomicFiles.write(publicFile, pem(PUBLIC_LABEL, keys.publicKey.getEncoded()), AtomicFiles.WORLD_READABLE);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the token signing keys in " + dir, e);
        }
    }

    /** The key pair of a PKCS#8 PEM private key (for example one shipped as a test resource). */
    public static SigningKeys fromPrivateKeyPem(String pem) {
        try {
            byte[] der = der(pem, PRIVATE_LABEL, Path.of("(text)"));
            return fromPrivateKey((RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    /** The public key of a PEM file written by {@link #loadOrCreate} (or any X.509 RSA public key PEM). */
    public static RSAPublicKey readPublicKey(Path file) throws IOException {
        try {
            byte[] der = der(Files.readString(file, StandardCharsets.US_ASCII), PUBLIC_LABEL, file);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(file + " is not an RSA public key in X.509 PEM form", e);
        }
    }

    static RSAPrivateKey readPrivateKey(Path file) throws IOException {
        try {
            byte[] der = der(Files.readString(file, StandardCharsets.US_ASCII), PRIVATE_LABEL, file);
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(file + " is not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    private static SigningKeys fromPrivateKey(RSAPrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the private key carries no public exponent; write it in PKCS#8 CRT form");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new SigningKeys(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key from the private key", e);
        }
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    RSAPrivateKey privateKey() {
        return privateKey;
    }

    /** The RFC 7638 thumbprint of the public key, used as the tokens' {@code kid}. */
    public String keyId() {
        return keyId;
    }

    /** The public key as PEM text (X.509 SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        return pem(PUBLIC_LABEL, publicKey.getEncoded());
    }

    /** The public key as a JWK (for a JWK set endpoint), without any private part. */
    public RSAKey publicJwk() {
        return new RSAKey.Builder(publicKey).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
    }

    private static String thumbprint(RSAPublicKey publicKey) {
        try {
            return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key thumbprint", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem, String label, Path file) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " has no '" + begin + "' block");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
