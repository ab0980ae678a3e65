package com.relationship.service.lifecycle;

import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.commands.*;
import com.relationship.service.account.Eligibility;
import com.relationship.service.evidence.PurchaseRequest;
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
@RequestMapping(value = "/api/v1/accounts/{accountId}/lifecycle", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lifecycle", description = "Move an account along prospect → customer → client → supporter → advocate → partner")
class LifecycleController {

    private final AccountCommands commands;
    private final EligibilityQuery eligibility;

    public LifecycleController(AccountCommands commands, EligibilityQuery eligibility) {
        this.commands = commands;
        this.eligibility = eligibility;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record AdvanceRequest(@NotNull LifecycleStage targetStage,
                                 @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record DowngradeRequest(@NotNull LifecycleStage targetStage,
                                   @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true) String reason,
                                   @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record ReasonRequest(@NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true) String reason,
                                @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record WinBackRequest(@NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true) String reason,
                                 @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt,
                                 @Valid @Schema(description = "The purchase that wins the account back, recorded in the"
                                         + " same step (as POST /purchases records one); dated after the lapse and at or"
                                         + " before the win-back. Leave it out when the purchase was recorded while LAPSED.")
                                 PurchaseRequest purchase) {
    }

    @PostMapping("/advance")
    @Operation(summary = "Move one stage up, if the evidence is there", description = "targetStage must be the next stage.")
    public ResponseEntity<CommandAccepted> advance(@PathVariable UUID accountId,
                                                   @Valid @RequestBody AdvanceRequest request) {
        return commands.send(new AdvanceLifecycleStage(accountId, request.targetStage()), null, request.occurredAt());
    }

    @PostMapping("/downgrade")
    @Operation(summary = "Deliberately move down, with a reason")
    public ResponseEntity<CommandAccepted> downgrade(@PathVariable UUID accountId,
                                                     @Valid @RequestBody DowngradeRequest request) {
        return commands.send(new DowngradeLifecycleStage(accountId, request.targetStage(), request.reason()),
                request.reason(), request.occurredAt());
    }

    @PostMapping("/lapse")
    @Operation(summary = "The account switched or stopped buying: LAPSED, remembering the stage")
    public ResponseEntity<CommandAccepted> lapse(@PathVariable UUID accountId, @Valid @RequestBody ReasonRequest request) {
        return commands.send(new LapseAccount(accountId, request.reason()), request.reason(),
                request.occurredAt());
    }

    @PostMapping("/win-back")
    @Operation(summary = "LAPSED → CUSTOMER, on a purchase made since the lapse",
            description = "CUSTOMER needs a purchase: one recorded while the account was LAPSED and dated after the"
                    + " lapse, or the one this request carries (purchase), recorded in the same step: two events, one"
                    + " answer, or neither. 409 /problems/win-back-needs-a-purchase otherwise.")
    public ResponseEntity<CommandAccepted> winBack(@PathVariable UUID accountId,
                                                   @Valid @RequestBody WinBackRequest request) {
        PurchaseRequest p = request.purchase();
        WinBackAccount.WinningPurchase purchase = p == null ? null : new WinBackAccount.WinningPurchase(
                commands.newId("purchase", accountId), p.amount(), p.currency(), p.occurredAt(), p.description(),
                p.orderRef());
        return commands.send(new WinBackAccount(accountId, request.reason(), purchase), request.reason(),
                request.occurredAt());
    }

    @PostMapping("/disqualify")
    @Operation(summary = "Close a PROSPECT that will not buy")
    public ResponseEntity<CommandAccepted> disqualify(@PathVariable UUID accountId,
                                                      @Valid @RequestBody ReasonRequest request) {
        return commands.send(new DisqualifyProspect(accountId, request.reason()), request.reason(),
                request.occurredAt());
    }

    @PostMapping("/requalify")
    @Operation(summary = "Bring a DISQUALIFIED prospect back to PROSPECT")
    public ResponseEntity<CommandAccepted> requalify(@PathVariable UUID accountId,
                                                     @Valid @RequestBody ReasonRequest request) {
        return commands.send(new RequalifyProspect(accountId, request.reason()), request.reason(),
                request.occurredAt());
    }

    @GetMapping("/eligibility")
    @Operation(summary = "The next stage, whether the account is eligible, and the evidence still missing")
    public Eligibility eligibility(@PathVariable UUID accountId) {
        return eligibility.of(accountId);
    }
}
