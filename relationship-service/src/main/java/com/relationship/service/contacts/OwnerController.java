package com.relationship.service.contacts;

import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.commands.AssignAccountOwner;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.CommandAccepted;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** Who of the seller's people owns the account: a hunter who wins it or a developer who grows it (seed 002, Dell). */
@RestController
@RequestMapping(value = "/api/v1/accounts/{accountId}/owner", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contacts", description = "The account's buying committee: its contacts, their roles and influence,"
        + " and who left")
class OwnerController {

    private final AccountCommands commands;

    OwnerController(AccountCommands commands) {
        this.commands = commands;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record OwnerRequest(@NotBlank @Size(min = 1, max = FieldLimits.NAME) @Pattern(regexp = "^\\S+$") @PlainText
                        @Schema(description = "The owner's subject, as the sub claim of their tokens (no spaces).")
                        String owner,
                        @NotNull @Schema(description = "HUNTER wins the account, DEVELOPER grows and keeps it.")
                        OwnerKind kind,
                        @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true) String reason,
                        @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @PostMapping
    @Operation(summary = "Assign the account's owner (a HUNTER or a DEVELOPER), with a reason",
            description = "Records AccountOwnerAssigned: from now on the account is owned by the person whose tokens"
                    + " carry this subject, as a HUNTER (acquisition) or a DEVELOPER (development, retention); it"
                    + " replaces the owner before. The same owner as the same kind again is refused (409"
                    + " /problems/already-the-owner). projection-service shows the owner in the status and filters"
                    + " the status list by owner=me. Role writer; answers the account id and its new version, also as"
                    + " the ETag.")
    ResponseEntity<CommandAccepted> assign(@PathVariable UUID accountId, @Valid @RequestBody OwnerRequest request) {
        return commands.send(new AssignAccountOwner(accountId, request.owner(), request.kind(), request.reason()),
                request.reason(), request.occurredAt());
    }
}
