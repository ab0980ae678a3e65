package com.relationship.security.personaldata;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec and the MongoDB key store, on the in-memory MongoDB server. */
class PersonalDataTest {

    private static MongoServer server;
    private static MongoClient client;
    private static MongoKeyStore keys;
    private static PersonalData personalData;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        keys = new MongoKeyStore(client.getDatabase("relationship"));
        personalData = new PersonalData(keys);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSealedDatumOpensToItsPlaintextAndShowsNoneOfIt() {
        String subject = UUID.randomUUID().toString();
        PersonalData.Sealer sealer = personalData.sealerFor(subject, "account-1");

        String sealed = sealer.seal("Ada Lovelace");

        assertThat(sealed).startsWith("pd:v1:" + subject + ":").doesNotContain("Ada").doesNotContain("Lovelace");
        assertThat(personalData.open(sealed)).isEqualTo("Ada Lovelace");
        assertThat(sealer.seal("Ada Lovelace")).as("a random IV per value").isNotEqualTo(sealed);
        assertThat(sealer.seal(null)).isNull();
        assertThat(personalData.open(null)).isNull();
        assertThat(personalData.open("stored before sealing")).isEqualTo("stored before sealing");
        assertThat(personalData.sealerFor(subject, "account-1").seal("é ü 名")).satisfies(
                again -> assertThat(personalData.open(again)).isEqualTo("é ü 名"));
    }

    @Test
    void aSentenceOfSealedFieldsOpensWhereItIsRead() {
        String ada = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        PersonalData.Sealer adas = personalData.sealerFor(ada, "account-1");
        String sentence = "Contact added: CHAMPION, influence 5: " + adas.seal("Ada Lovelace") + ", "
                + adas.seal("Head of R&D, $1") + "; and " + personalData.sealerFor(bob, "account-1").seal("Bob");
        keys.destroy(bob, Instant.now());

        assertThat(personalData.openWithin(sentence))
                .isEqualTo("Contact added: CHAMPION, influence 5: Ada Lovelace, Head of R&D, $1; and [erased]");
        assertThat(personalData.openWithin("no sealed datum")).isEqualTo("no sealed datum");
        assertThat(personalData.openWithin(null)).isNull();
    }

    @Test
    void anAlteredDatumIsRefusedNotShownAsErased() {
        String subject = UUID.randomUUID().toString();
        String sealed = personalData.sealerFor(subject, "account-1").seal("ada@example.com");
        String body = sealed.substring(sealed.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getUrlDecoder().decode(body);
        bytes[bytes.length - 1] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf(':') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> personalData.open(altered)).isInstanceOf(PersonalData.Tampered.class);
        assertThatThrownBy(() -> personalData.open("pd:v1:" + subject + ":not*base64"))
                .isInstanceOf(PersonalData.Tampered.class);
        assertThatThrownBy(() -> personalData.open("pd:v1:" + subject + ":AAAA"))
                .isInstanceOf(PersonalData.Tampered.class);
    }

    @Test
    void aDatumMovedUnderAnotherSubjectDoesNotOpen() {
        String subject = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        personalData.sealerFor(other, "account-1");
        String sealed = personalData.sealerFor(subject, "account-1").seal("Ada");

        assertThatThrownBy(() -> personalData.open(sealed.replace(subject, other)))
                .isInstanceOf(PersonalData.Tampered.class);
    }

    @Test
    void onceTheKeyIsDestroyedEveryDatumReadsErasedAndNothingNewIsSealed() {
        String subject = UUID.randomUUID().toString();
        String sealed = personalData.sealerFor(subject, "account-7").seal("Ada");
        Instant first = Instant.parse("2026-12-07T10:00:00Z");

        KeyStore.DataSubject erased = keys.destroy(subject, first).orElseThrow();
        KeyStore.DataSubject again = keys.destroy(subject, first.plusSeconds(60)).orElseThrow();

        assertThat(personalData.open(sealed)).isEqualTo(PersonalData.ERASED);
        assertThat(erased.erased()).isTrue();
        assertThat(erased.owner()).isEqualTo("account-7");
        assertThat(again.destroyedAt()).as("a second erasure answers the first").isEqualTo(first);
        assertThat(keys.key(subject)).isEmpty();
        Document stored = client.getDatabase("relationship").getCollection(MongoKeyStore.COLLECTION)
                .find(new Document("_id", subject)).first();
        assertThat(stored).doesNotContainKey("key");
        assertThatThrownBy(() -> personalData.sealerFor(subject, "account-7"))
                .isInstanceOf(KeyStore.SubjectErased.class);
    }

    @Test
    void aSubjectTheStoreNeverSawReadsErasedAndCannotBeDestroyed() {
        String stranger = UUID.randomUUID().toString();
        String sealed = personalData.sealerFor(UUID.randomUUID().toString(), "a").seal("x")
                .replaceFirst("pd:v1:[^:]+:", "pd:v1:" + stranger + ":");

        assertThat(personalData.open(sealed)).isEqualTo(PersonalData.ERASED);
        assertThat(keys.subject(stranger)).isEmpty();
        assertThat(keys.destroy(stranger, Instant.now())).isEmpty();
    }

    @Test
    void theKeyIsCreatedOnceAndRecordsItsOwner() {
        String subject = UUID.randomUUID().toString();
        String sealed = personalData.sealerFor(subject, "account-3").seal("Ada");

        assertThat(personalData.open(personalData.sealerFor(subject, "account-3").seal("Ada"))).isEqualTo("Ada");
        assertThat(personalData.open(sealed)).isEqualTo("Ada");
        assertThat(keys.subject(subject).orElseThrow().owner()).isEqualTo("account-3");
        assertThat(keys.subject(subject).orElseThrow().erased()).isFalse();
    }
}
