package com.relationship.security.personaldata;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seals a personal datum under its subject's key and opens it again (decision 0015). A sealed datum is a
 * string that says what it is: {@code pd:v1:<subjectId>:<base64url(iv | ciphertext | tag)>}, AES-256-GCM
 * with a random 96-bit IV per value and the subject id as associated data (a datum moved under another
 * subject's id does not open). Opening answers the plaintext, or {@value #ERASED} when the subject's key
 * is destroyed (or was never there); a datum that does not open with the key it names was altered, and is
 * refused ({@link Tampered}), never shown as erased.
 *
 * <p>A string without the prefix is a value stored before this step, in plaintext: it opens as itself
 * (docs/personal-data.md lists what that leaves). Sealing never logs, and neither may its callers.
 */
public final class PersonalData {

    /** What an erased datum reads as, everywhere. */
    public static final String ERASED = "[erased]";

    /** The prefix of every sealed datum of this form. */
    public static final String PREFIX = "pd:v1:";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyStore keys;

    public PersonalData(KeyStore keys) {
        this.keys = keys;
    }

    /** Whether {@code value} is a sealed datum (of any subject). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /**
     * Seals the data of {@code subjectId}, creating their key (recorded with {@code owner}) if they have
     * none yet.
     *
     * @throws KeyStore.SubjectErased when the subject was erased
     */
    public Sealer sealerFor(String subjectId, String owner) {
        if (subjectId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A subject id has no ':' in it");
        }
        return new Sealer(subjectId, keys.keyFor(subjectId, owner));
    }

    /** A sealed datum inside a longer text: the subject id and the base64url body have no ':' or space. */
    private static final Pattern SEALED_WITHIN = Pattern.compile(Pattern.quote(PREFIX) + "[^:\\s]+:[A-Za-z0-9_-]+");

    /**
     * {@code text} with every sealed datum in it opened (or {@value #ERASED}): for a sentence composed of
     * sealed fields, such as the timeline's, opened only when it is read. Null stays null.
     */
    public String openWithin(String text) {
        if (text == null || !text.contains(PREFIX)) {
            return text;
        }
        return SEALED_WITHIN.matcher(text).replaceAll(sealed -> Matcher.quoteReplacement(open(sealed.group())));
    }

    /** The plaintext of {@code value}, {@value #ERASED} when its key is gone; null stays null. */
    public String open(String value) {
        if (!isSealed(value)) {
            return value;
        }
        int colon = value.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new Tampered("a sealed datum without its subject");
        }
        String subjectId = value.substring(PREFIX.length(), colon);
        Optional<SecretKey> key = keys.key(subjectId);
        if (key.isEmpty()) {
            return ERASED;
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(value.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new Tampered("a sealed datum of subject " + subjectId + " is not base64");
        }
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new Tampered("a sealed datum of subject " + subjectId + " is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException altered) {
            throw new Tampered("a sealed datum of subject " + subjectId + " does not open with its key");
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("AES-GCM is part of every JDK", broken);
        }
    }

    /** Seals the data of one subject with their key, fetched once. */
    public static final class Sealer {

        private final String subjectId;
        private final SecretKey key;

        Sealer(String subjectId, SecretKey key) {
            this.subjectId = subjectId;
            this.key = key;
        }

        /** The sealed form of {@code plaintext}; null stays null (an optional field left out). */
        public String seal(String plaintext) {
            if (plaintext == null) {
                return null;
            }
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
                cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
                byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
                byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
                return PREFIX + subjectId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
            } catch (GeneralSecurityException broken) {
                throw new IllegalStateException("AES-GCM is part of every JDK", broken);
            }
        }
    }

    /** A sealed datum that does not open with the key it names: altered in the store or on the way. */
    public static final class Tampered extends IllegalStateException {

        public Tampered(String what) {
            super("Refused: " + what + " (altered after it was sealed?)");
        }
    }
}
