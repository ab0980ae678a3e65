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
    @Operation(summary = "Move one stage up, if the evidence is there",
            description = "Records LifecycleStageAdvanced. targetStage must be the next stage (PROSPECT → CUSTOMER →"
                    + " CLIENT → SUPPORTER → ADVOCATE → PARTNER), and the evidence of the current tenure must be there:"
                    + " 409 /problems/evidence-missing names what to record first (GET .../lifecycle/eligibility says"
                    + " it beforehand). Role writer; answers the account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> advance(@PathVariable UUID accountId,
                                                   @Valid @RequestBody AdvanceRequest request) {
        return commands.send(new AdvanceLifecycleStage(accountId, request.targetStage()), null, request.occurredAt());
    }

    @PostMapping("/downgrade")
    @Operation(summary = "Deliberately move down, with a reason",
            description = "Records LifecycleStageDowngraded with the reason, to a stage between CUSTOMER and the current"
                    + " one. The evidence of the stages above the new one is forgotten: they are earned again; open"
                    + " complaints stay. To end the relationship, lapse the account instead. Role writer; answers the"
                    + " account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> downgrade(@PathVariable UUID accountId,
                                                     @Valid @RequestBody DowngradeRequest request) {
        return commands.send(new DowngradeLifecycleStage(accountId, request.targetStage(), request.reason()),
                request.reason(), request.occurredAt());
    }

    @PostMapping("/lapse")
    @Operation(summary = "The account switched or stopped buying: LAPSED, remembering the stage",
            description = "Records AccountLapsed with the reason, from any stage CUSTOMER to PARTNER; the account"
                    + " remembers it as lapsedFrom, is off the ladder and comes back only by a win-back. A PROSPECT that"
                    + " will not buy is disqualified instead. Role writer; answers the account id and its new version,"
                    + " also as the ETag.")
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
                p.orderRef(), p.grossMargin(), p.costOfGoods(), p.productLine(), p.buyClass());
        return commands.send(new WinBackAccount(accountId, request.reason(), purchase), request.reason(),
                request.occurredAt());
    }

    @PostMapping("/disqualify")
    @Operation(summary = "Close a PROSPECT that will not buy",
            description = "Records ProspectDisqualified with the reason. PROSPECT only, never one with a recorded"
                    + " purchase (advance it instead) nor one on the KAM track (uncouple it first). A disqualified"
                    + " prospect records nothing until it is requalified. Role writer; answers the account id and its"
                    + " new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> disqualify(@PathVariable UUID accountId,
                                                      @Valid @RequestBody ReasonRequest request) {
        return commands.send(new DisqualifyProspect(accountId, request.reason()), request.reason(),
                request.occurredAt());
    }

    @PostMapping("/requalify")
    @Operation(summary = "Bring a DISQUALIFIED prospect back to PROSPECT",
            description = "Records ProspectRequalified with the reason: the account is a PROSPECT again and records"
                    + " evidence, bonds and contacts again. DISQUALIFIED only. Role writer; answers the account id and"
                    + " its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> requalify(@PathVariable UUID accountId,
                                                     @Valid @RequestBody ReasonRequest request) {
        return commands.send(new RequalifyProspect(accountId, request.reason()), request.reason(),
                request.occurredAt());
    }

    @GetMapping("/eligibility")
    @Operation(summary = "The next stage, whether the account is eligible, and the evidence still missing",
            description = "What POST .../lifecycle/advance would decide now, without recording anything: the current"
                    + " and next stage, eligible or not, the evidence still missing (with why recorded facts do not"
                    + " count: dated after the move, too old, before the first purchase), a note saying why there is no"
                    + " next stage or what to do instead, and evidenceSince: from when facts count, after a win-back."
                    + " Role reader.")
    public Eligibility eligibility(@PathVariable UUID accountId) {
        return eligibility.of(accountId);
    }
}
