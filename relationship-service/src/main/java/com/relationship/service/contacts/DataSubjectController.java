package com.relationship.service.contacts;

import com.relationship.contracts.commands.EraseContact;
import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.security.personaldata.KeyStore;
import com.relationship.security.personaldata.PersonalData;
import com.relationship.service.account.AccountHistory;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact as a data subject (GDPR, docs/personal-data.md), for admins: what is held about them (Art. 15)
 * and its erasure (Art. 17). The key store knows which account a contact belongs to (recorded when their
 * key was created), so a request names the contact only. Erasing destroys their key, which makes every
 * sealed copy of their data unreadable at once (the event store, the topic, every replay), and records
 * {@code ContactErased} on their account so that the read models and auditors learn of it; the hash
 * chain covers the sealed form, so it stays intact.
 */
@RestController
@RequestMapping(value = DataSubjectController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
class DataSubjectController {

    static final String PATH = "/api/v1/admin/data-subjects/{contactId}";

    private static final String CONTACT_ADDED = AccountEventTypes.typeOf(ContactAdded.class);

    private final AccountCommands commands;
    private final AccountHistory history;
    private final KeyStore keys;
    private final PersonalData personalData;
    private final Clock clock;

    DataSubjectController(AccountCommands commands, AccountHistory history, KeyStore keys, PersonalData personalData) {
        this.commands = commands;
        this.history = history;
        this.keys = keys;
        this.personalData = personalData;
        this.clock = Clock.systemUTC();
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record ErasureRequest(@NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true)
                          @Schema(description = "Why: the request's ticket or legal ground. No personal data: it is"
                                  + " stored in ContactErased, which is never erased.") String reason) {
    }

    /**
     * @param erasedAt when their key was destroyed: the first erasure's, however often it is asked
     * @param version  the account's version after ContactErased, also as the ETag
     */
    record Erasure(UUID contactId, UUID accountId, Instant erasedAt, long version) {
    }

    /**
     * @param erasedAt null while their data is held
     * @param data     each event that holds their personal data, with it opened ({@code "[erased]"} once erased)
     */
    record DataSubject(UUID contactId, UUID accountId, Instant keyCreatedAt, Instant erasedAt, List<HeldDatum> data) {
    }

    /** One event's personal data of the contact; email and phone are null when they were not given. */
    record HeldDatum(long sequence, String eventId, String type, Instant recordedAt, String name, String title,
                     String email, String phone) {
    }

    @PostMapping("/erasure")
    @Operation(summary = "Erase a contact's personal data (GDPR Art. 17): destroy their key, record ContactErased",
            description = "Records ContactErased (the contact id and the reason, no personal data) on the contact's"
                    + " account, then destroys the contact's data key: their name, title, email and phone, stored and"
                    + " published sealed under it, read \"[erased]\" everywhere from then on, in every replay and"
                    + " rebuild too, and the account's hash chain stays intact. Idempotent: erasing again answers the"
                    + " first erasure's erasedAt. A contact id the key store does not know answers 404"
                    + " /problems/data-subject-not-found. Not yet erased by it: the free text of other events (reasons,"
                    + " summaries; docs/personal-data.md). Role admin.")
    ResponseEntity<Erasure> erase(@PathVariable UUID contactId, @Valid @RequestBody ErasureRequest request) {
        KeyStore.DataSubject subject = subject(contactId);
        UUID accountId = UUID.fromString(subject.owner());
        // The event first: if the service stops between the two, a retry finds the erasure recorded (it
        // answers it again) and destroys the key; the other way round, a key could be gone unrecorded.
        ResponseEntity<Erasure> recorded = commands.send(new EraseContact(accountId, contactId, request.reason()),
                request.reason(), null, accepted -> new Erasure(contactId, accountId, null, accepted.version()));
        KeyStore.DataSubject erased = keys.destroy(contactId.toString(), clock.instant()).orElseThrow();
        Erasure body = recorded.getBody();
        return ResponseEntity.ok().headers(recorded.getHeaders())
                .body(new Erasure(contactId, accountId, erased.destroyedAt(), body.version()));
    }

    @GetMapping
    @Operation(summary = "Every personal datum held about a contact (GDPR Art. 15), opened",
            description = "The contact's account, when their key was created and, once erased, when it was destroyed;"
                    + " and each event that holds their personal data (today their ContactAdded: name, title, email,"
                    + " phone), opened with their key, or \"[erased]\". A contact id the key store does not know"
                    + " answers 404 /problems/data-subject-not-found. Not listed yet: the free text of other events"
                    + " that may name them (reasons, interaction summaries; docs/personal-data.md). Role admin.")
    DataSubject dataSubject(@PathVariable UUID contactId) {
        KeyStore.DataSubject subject = subject(contactId);
        UUID accountId = UUID.fromString(subject.owner());
        try (var events = history.stream(accountId)) {
            List<HeldDatum> held = events.filter(event -> CONTACT_ADDED.equals(event.type()))
                    .filter(event -> contactId.equals(((ContactAdded) event.payload()).contactId()))
                    .map(event -> {
                        ContactAdded added = (ContactAdded) event.payload();
                        return new HeldDatum(event.sequence(), event.eventId(), event.type(), event.timestamp(),
                                personalData.open(added.name()), personalData.open(added.title()),
                                personalData.open(added.email()), personalData.open(added.phone()));
                    })
                    .toList();
            return new DataSubject(contactId, accountId, subject.createdAt(), subject.destroyedAt(), held);
        }
    }

    private KeyStore.DataSubject subject(UUID contactId) {
        return keys.subject(contactId.toString()).orElseThrow(() -> new UnknownDataSubject(contactId));
    }
}
