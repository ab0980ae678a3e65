package com.relationship.service.bonding;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.commands.DissolveBond;
import com.relationship.contracts.commands.EstablishBond;
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
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.util.UUID;

/** What binds the account to us: bonds of the four kinds, established and dissolved (docs/domain.md). */
@RestController
@RequestMapping(value = "/api/v1/accounts/{accountId}/bonds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bonds", description = "Financial, social, customization and structural bonds: the account's switching costs")
class BondController {

    private final AccountCommands commands;

    BondController(AccountCommands commands) {
        this.commands = commands;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record BondRequest(@NotNull BondKind kind,
                       @NotBlank @Size(min = 1, max = FieldLimits.TEXT) @PlainText(multiline = true) String description,
                       @Schema(description = "since when the bond holds; the time the request arrives when absent. "
                               + FieldLimits.INSTANT_DOC)
                       @PastOrPresent @PlausibleInstant Instant occurredAt,
                       @Schema(description = "when the bond ends by itself (a discount runs out); open-ended when absent. "
                               + FieldLimits.INSTANT_DOC)
                       @PlausibleInstant Instant validUntil,
                       @Schema(description = "Optional, SOCIAL bonds only: the contact of the account the bond is"
                               + " with (POST .../contacts answers the id). The bond dissolves when they leave.")
                       UUID contactId) {
    }

    record BondEstablishedResponse(UUID accountId, long version, UUID bondId) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record DissolutionRequest(@NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true) String reason,
                              @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @PostMapping
    @Operation(summary = "Establish a bond (FINANCIAL, SOCIAL, CUSTOMIZATION or STRUCTURAL); answers its bondId",
            description = "Records BondEstablished: what makes switching costly for the account, weakest kind first (a"
                    + " discount is FINANCIAL, an operational link such as EDI STRUCTURAL). It holds from occurredAt"
                    + " (when the request arrives if absent) and, with validUntil, ends by itself then, without a"
                    + " command. The service mints the bondId (from the Idempotency-Key when there is one) and answers"
                    + " it with the account's new version, also as the ETag. Role writer; projection-service reckons"
                    + " the bonding level from the bonds.")
    ResponseEntity<BondEstablishedResponse> establish(@PathVariable UUID accountId,
                                                      @Valid @RequestBody BondRequest request) {
        UUID bondId = commands.newId("bond", accountId);
        Instant since = request.occurredAt() != null ? request.occurredAt() : Instant.now();
        return commands.send(new EstablishBond(accountId, bondId, request.kind(), request.description(), since,
                request.validUntil(), request.contactId()), null, null,
                accepted -> new BondEstablishedResponse(accountId, accepted.version(), bondId));
    }

    @PostMapping("/{bondId}/dissolution")
    @Operation(summary = "Dissolve a bond before its time, with a reason",
            description = "Records BondDissolved, with the reason, for a bond the account holds; a bond with a"
                    + " validUntil needs none to end then. A bond is dissolved once (409 /problems/bond-already-dissolved),"
                    + " and only one the account has (409 /problems/unknown-bond). Role writer; answers the account id"
                    + " and its new version, also as the ETag.")
    ResponseEntity<CommandAccepted> dissolve(@PathVariable UUID accountId, @PathVariable UUID bondId,
                                             @Valid @RequestBody DissolutionRequest request) {
        return commands.send(new DissolveBond(accountId, bondId, request.reason()), request.reason(),
                request.occurredAt());
    }
}
