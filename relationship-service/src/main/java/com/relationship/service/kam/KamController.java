package com.relationship.service.kam;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.commands.AdvanceKamStage;
import com.relationship.contracts.commands.DesignateKeyAccount;
import com.relationship.contracts.commands.UncoupleKeyAccount;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.CommandAccepted;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping(value = "/api/v1/accounts/{accountId}/kam", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Key Account Management", description = "PRE_KAM → EARLY → MID → PARTNERSHIP → SYNERGISTIC, or UNCOUPLING")
class KamController {

    private final AccountCommands commands;

    public KamController(AccountCommands commands) {
        this.commands = commands;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record DesignateRequest(@NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true) String rationale,
                                   @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record KamAdvanceRequest(@NotNull KamStage targetStage,
                                    @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record UncoupleRequest(@NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true) String reason,
                                  @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @PostMapping("/designate")
    @Operation(summary = "Put a STRATEGIC account on the KAM track at PRE_KAM",
            description = "Records KeyAccountDesignated with the rationale: the account enters the Key Account Management"
                    + " track at PRE_KAM (again after an uncoupling). Refused (409) for an account that is not STRATEGIC,"
                    + " already on the track, LAPSED or disqualified. Role writer; answers the account id and its new"
                    + " version, also as the ETag.")
    public ResponseEntity<CommandAccepted> designate(@PathVariable UUID accountId,
                                                     @Valid @RequestBody DesignateRequest request) {
        return commands.send(new DesignateKeyAccount(accountId, request.rationale()), request.rationale(),
                request.occurredAt());
    }

    @PostMapping("/advance")
    @Operation(operationId = "advanceKamStage", summary = "Move one KAM stage forward",
            description = "Records KamStageAdvanced. targetStage must be the next KAM stage (PRE_KAM → EARLY_KAM → MID_KAM"
                    + " → PARTNERSHIP_KAM → SYNERGISTIC_KAM). Refused (409) after an uncoupling (designate again), while"
                    + " the latest compliance review is REJECTED, and into PARTNERSHIP_KAM or SYNERGISTIC_KAM without an"
                    + " account that buys (CUSTOMER or above) and an APPROVED compliance review of its current tenure,"
                    + " no older than relationship.lifecycle.compliance-review-validity (365 days). Role writer; answers"
                    + " the account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> advance(@PathVariable UUID accountId,
                                                   @Valid @RequestBody KamAdvanceRequest request) {
        return commands.send(new AdvanceKamStage(accountId, request.targetStage()), null, request.occurredAt());
    }

    @PostMapping("/uncouple")
    @Operation(summary = "End the key-account partnership (to UNCOUPLING_KAM), with a reason",
            description = "Records KeyAccountUncoupled with the reason, from any KAM stage: the account leaves the track"
                    + " at UNCOUPLING_KAM and moves on it again only once designated again. Role writer; answers the"
                    + " account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> uncouple(@PathVariable UUID accountId,
                                                    @Valid @RequestBody UncoupleRequest request) {
        return commands.send(new UncoupleKeyAccount(accountId, request.reason()), request.reason(),
                request.occurredAt());
    }
}
