package com.relationship.service.contacts;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.commands.AddContact;
import com.relationship.contracts.commands.AssessContactRole;
import com.relationship.contracts.commands.RecordContactDeparture;
import com.relationship.security.personaldata.PersonalData;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.CommandAccepted;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/**
 * The people of the account who buy, decide and influence (seed 002: "map all contacts ... assess and
 * record each contact's level of purchasing influence"). Their names, titles, emails and phones are
 * personal data (decision 0015): this edge checks them in plaintext, then seals them under the contact's
 * own key (created here) before the command is built, so that the aggregate, the event store, its hash
 * chain and the events topic hold only the sealed form (docs/personal-data.md). It never logs them.
 */
@RestController
@RequestMapping(value = "/api/v1/accounts/{accountId}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contacts", description = "The account's buying committee: its contacts, their roles and influence,"
        + " and who left")
class ContactController {

    /** A phone number as people write it: digits, spaces and + ( ) - . / only. */
    private static final String PHONE = "^\\+?[0-9][0-9 ()./-]{2,38}[0-9]$";

    private final AccountCommands commands;
    private final PersonalData personalData;

    ContactController(AccountCommands commands, PersonalData personalData) {
        this.commands = commands;
        this.personalData = personalData;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record ContactRequest(@NotBlank @Size(min = 1, max = FieldLimits.NAME) @PlainText String name,
                          @NotBlank @Size(min = 1, max = FieldLimits.NAME) @PlainText String title,
                          @Size(min = 3, max = 254) @Email @PlainText @Schema(description = "Optional.") String email,
                          @Size(min = 4, max = 40) @Pattern(regexp = PHONE) @Schema(description = "Optional: digits,"
                                  + " spaces and + ( ) - . / only, such as +49 30 1234567.") String phone,
                          @NotNull ContactRole role,
                          @NotNull @Min(1) @Max(5) @Schema(description = "Their weight on a purchase, 1 (little)"
                                  + " to 5 (decisive).") Integer influence,
                          @Schema(description = "Optional: the channel they prefer to be reached on.")
                          InteractionChannel preferredChannel,
                          @PastOrPresent @PlausibleInstant @Schema(description = "Optional: since when they have"
                                  + " been a contact, for a committee recorded late (now when absent). "
                                  + FieldLimits.INSTANT_DOC) Instant occurredAt) {
    }

    record ContactAddedResponse(UUID accountId, long version, UUID contactId) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record AssessmentRequest(@NotNull ContactRole role,
                             @NotNull @Min(1) @Max(5) @Schema(description = "1 (little) to 5 (decisive).")
                             Integer influence,
                             @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true)
                             String reason,
                             @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record DepartureRequest(@NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true)
                            String reason,
                            @PlausibleInstant @Schema(description = "Optional: when they left (now when absent);"
                                    + " not in the future, not before they were added. " + FieldLimits.INSTANT_DOC)
                            Instant occurredAt) {
    }

    @PostMapping
    @Operation(summary = "Add a contact to the account's buying committee; answers its contactId",
            description = "Records ContactAdded: name, title, optional email and phone, role (DECISION_MAKER,"
                    + " INFLUENCER, BUYER, USER, GATEKEEPER, CHAMPION or SPONSOR), influence 1 to 5 and an optional"
                    + " preferred channel. The service mints the contactId (from the Idempotency-Key when there is"
                    + " one) and answers it with the account's new version, also as the ETag, as for bonds and"
                    + " complaints. A contactId belongs to this account only. Interactions and SOCIAL bonds may name"
                    + " it. name, title, email and phone are personal data: they are checked here, then stored and"
                    + " published sealed under the contact's own key (pd:v1:..., docs/personal-data.md), so that"
                    + " POST /api/v1/admin/data-subjects/{contactId}/erasure can erase them. Role writer.")
    ResponseEntity<ContactAddedResponse> add(@PathVariable UUID accountId, @Valid @RequestBody ContactRequest request) {
        UUID contactId = commands.newId("contact", accountId);
        PersonalData.Sealer sealer = personalData.sealerFor(contactId.toString(), accountId.toString());
        return commands.send(new AddContact(accountId, contactId, sealer.seal(request.name().strip()),
                sealer.seal(request.title().strip()), sealer.seal(strippedOrNull(request.email())),
                sealer.seal(strippedOrNull(request.phone())), request.role(), request.influence(),
                request.preferredChannel()), null, request.occurredAt(),
                accepted -> new ContactAddedResponse(accountId, accepted.version(), contactId));
    }

    /** As the aggregate reads an optional field: blank is absent (sealed, a blank would not look blank). */
    private static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @PostMapping("/{contactId}/role")
    @Operation(summary = "Assess a contact's role and influence again, with a reason",
            description = "Records ContactRoleAssessed. Only a contact of this account (409"
                    + " /problems/unknown-contact) who has not left (409 /problems/contact-left). Role writer; answers"
                    + " the account id and its new version, also as the ETag.")
    ResponseEntity<CommandAccepted> assess(@PathVariable UUID accountId, @PathVariable UUID contactId,
                                           @Valid @RequestBody AssessmentRequest request) {
        return commands.send(new AssessContactRole(accountId, contactId, request.role(), request.influence(),
                request.reason()), request.reason(), request.occurredAt());
    }

    @PostMapping("/{contactId}/departure")
    @Operation(summary = "Record that a contact left the account; their SOCIAL bonds dissolve with them",
            description = "Records ContactLeft, dated occurredAt (now when absent), and in the same step a"
                    + " BondDissolved naming the departure for each SOCIAL bond with them still in force;"
                    + " CUSTOMIZATION and STRUCTURAL bonds hold. A contact leaves once (409"
                    + " /problems/contact-already-left), not before they were added (409 /problems/left-before-added)."
                    + " Role writer; answers the account id and its new version, also as the ETag.")
    ResponseEntity<CommandAccepted> departure(@PathVariable UUID accountId, @PathVariable UUID contactId,
                                              @Valid @RequestBody DepartureRequest request) {
        return commands.send(new RecordContactDeparture(accountId, contactId, request.reason()), request.reason(),
                request.occurredAt());
    }
}
