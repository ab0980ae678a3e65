package com.relationship.security.personaldata;

import javax.crypto.SecretKey;
import java.time.Instant;
import java.util.Optional;

/**
 * The data keys of personal data, one per data subject (a contact, by its id): created when the subject's
 * first datum is sealed, destroyed when they are erased. {@link MongoKeyStore} keeps them in a MongoDB
 * collection of their own; a KMS or Vault can implement the same four calls.
 */
public interface KeyStore {

    /**
     * The subject's key, created now if they have none, recorded with {@code owner} (the account the
     * subject belongs to, so that an erasure request naming only the subject finds it).
     *
     * @throws SubjectErased when the subject's key was destroyed: nothing new is sealed for an erased subject
     */
    SecretKey keyFor(String subjectId, String owner);

    /** The subject's key while it exists; empty when it was destroyed or never created. */
    Optional<SecretKey> key(String subjectId);

    /** What the store knows of the subject (never the key): empty for a subject it never saw. */
    Optional<DataSubject> subject(String subjectId);

    /**
     * Destroys the subject's key, so that every datum sealed with it is unreadable for good. Idempotent:
     * a second call changes nothing and answers the first destruction.
     *
     * @return the subject as it now stands (destroyed, with when); empty for a subject the store never saw
     */
    Optional<DataSubject> destroy(String subjectId, Instant at);

    /**
     * A data subject as the key store knows them.
     *
     * @param owner       the account they belong to, as recorded when their key was created
     * @param destroyedAt when their key was destroyed; null while it exists
     */
    record DataSubject(String subjectId, String owner, Instant createdAt, Instant destroyedAt) {

        public boolean erased() {
            return destroyedAt != null;
        }
    }

    /** Sealing a new datum for a subject whose key was destroyed. */
    final class SubjectErased extends IllegalStateException {

        public SubjectErased(String subjectId) {
            super("The data subject " + subjectId + " was erased: their key is destroyed and nothing new is sealed"
                    + " for them.");
        }
    }
}
