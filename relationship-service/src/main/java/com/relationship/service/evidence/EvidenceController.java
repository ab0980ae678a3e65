package com.relationship.service.evidence;

import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.commands.*;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.CommandAccepted;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.Iso4217;
import com.relationship.service.web.MoneyInCurrency;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;
import org.springframework.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The facts that are evidence for the lifecycle: purchases, referrals, complaints, engagements, agreements, reviews. */
@RestController
@RequestMapping(value = "/api/v1/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Evidence", description = "Record what the account did; each fact is evidence for a lifecycle stage")
class EvidenceController {

    private final AccountCommands commands;

    public EvidenceController(AccountCommands commands) {
        this.commands = commands;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record ReferralRequest(@NotBlank @Size(min = 1, max = FieldLimits.TEXT) @PlainText(multiline = true) String description,
                                  @Size(max = FieldLimits.NAME) @PlainText String referredCompany,
                                  @Size(min = 1, max = FieldLimits.REF) @Pattern(regexp = FieldLimits.REF_PATTERN) @PlainText @Schema(description = FieldLimits.REF_DOC) String ref,
                                  @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record ComplaintRequest(@NotBlank @Size(min = 1, max = FieldLimits.TEXT) @PlainText(multiline = true) String summary, @NotNull @PlausibleInstant @Schema(description = FieldLimits.INSTANT_DOC) Instant dueBy,
                                   @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    public record ComplaintOpenedResponse(UUID accountId, long version, UUID complaintId) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record ResolutionRequest(@NotBlank @Size(min = 1, max = FieldLimits.TEXT) @PlainText(multiline = true) String resolution,
                                    @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record EngagementRequest(@NotBlank @Size(min = 1, max = FieldLimits.TEXT) @PlainText(multiline = true) String description,
                                    @Size(min = 1, max = FieldLimits.REF) @Pattern(regexp = FieldLimits.REF_PATTERN) @PlainText @Schema(description = FieldLimits.REF_DOC) String ref,
                                    @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record AgreementRequest(@NotBlank @Size(min = 1, max = FieldLimits.TEXT) @PlainText(multiline = true) String description,
                                   @NotNull @PlausibleInstant @Schema(description = FieldLimits.INSTANT_DOC) Instant signedAt,
                                   @Size(min = 1, max = FieldLimits.REF) @Pattern(regexp = FieldLimits.REF_PATTERN) @PlainText @Schema(description = FieldLimits.REF_DOC) String ref) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record ComplianceReviewRequest(@NotNull ComplianceOutcome outcome,
                                          @NotBlank @Size(min = 1, max = FieldLimits.NAME) @PlainText String reviewer,
                                          @Size(max = FieldLimits.TEXT) @PlainText(multiline = true) String notes,
                                          @Size(min = 1, max = FieldLimits.REF) @Pattern(regexp = FieldLimits.REF_PATTERN) @PlainText @Schema(description = FieldLimits.REF_DOC) String ref,
                                          @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @PostMapping("/purchases")
    @Operation(summary = "Record a purchase (amount > 0, ISO 4217 currency)",
            description = "Records PurchaseRecorded: the evidence for CUSTOMER (the first purchase) and CLIENT (repeat"
                    + " purchases), and what the churn risk reads as spend. The amount has the currency's minor digits"
                    + " at most; an optional orderRef (the seller's order or invoice number) records the order once: an"
                    + " ERP sending it again with the same content gets the first version and nothing is stored. What it"
                    + " earned (grossMargin, or costOfGoods: one of them, in its currency), its productLine and buyClass"
                    + " are optional. Role writer; answers the account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> purchase(@PathVariable UUID accountId,
                                                    @Valid @RequestBody PurchaseRequest request) {
        return commands.send(new RecordPurchase(accountId, commands.newId("purchase", accountId), request.amount(), request.currency(),
                request.occurredAt(), request.description(), request.orderRef(), request.grossMargin(),
                request.costOfGoods(), request.productLine(), request.buyClass()));
    }

    @PostMapping("/referrals")
    @Operation(summary = "Record a referral or positive reference",
            description = "Records ReferralRecorded: the evidence for SUPPORTER (it counts from the tenure's first"
                    + " purchase on: a prospect is no reference customer). An optional ref names it once. Role writer;"
                    + " answers the account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> referral(@PathVariable UUID accountId,
                                                    @Valid @RequestBody ReferralRequest request) {
        return commands.send(new RecordReferral(accountId, commands.newId("referral", accountId), request.description(),
                request.referredCompany(), request.ref()), null, request.occurredAt());
    }

    @PostMapping("/complaints")
    @Operation(summary = "Open a complaint; answers its complaintId", description = "occurredAt is when it was raised"
            + " (now when absent); dueBy must be after it.")
    public ResponseEntity<ComplaintOpenedResponse> complaint(@PathVariable UUID accountId,
                                                             @Valid @RequestBody ComplaintRequest request) {
        UUID complaintId = commands.newId("complaint", accountId);
        return commands.send(new OpenComplaint(accountId, complaintId, request.summary(), request.dueBy()), null,
                request.occurredAt(), accepted -> new ComplaintOpenedResponse(accountId, accepted.version(), complaintId));
    }

    @PostMapping("/complaints/{complaintId}/resolution")
    @Operation(summary = "Resolve an open complaint",
            description = "Records ComplaintResolved with how it was resolved. A complaint is resolved once (409"
                    + " /problems/complaint-already-resolved), and only one the account has (409"
                    + " /problems/unknown-complaint); an account with an open complaint does not become a SUPPORTER."
                    + " Role writer; answers the account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> resolve(@PathVariable UUID accountId, @PathVariable UUID complaintId,
                                                   @Valid @RequestBody ResolutionRequest request) {
        return commands.send(new ResolveComplaint(accountId, complaintId, request.resolution()), null,
                request.occurredAt());
    }

    @PostMapping("/co-development-engagements")
    @Operation(summary = "Record a co-development or feedback engagement",
            description = "Records CoDevelopmentEngagementRecorded: a co-development or feedback engagement with"
                    + " the account, the evidence for ADVOCATE. An optional ref names it once. Role writer;"
                    + " answers the account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> engagement(@PathVariable UUID accountId,
                                                      @Valid @RequestBody EngagementRequest request) {
        return commands.send(new RecordCoDevelopmentEngagement(accountId,
                commands.newId("engagement", accountId), request.description(), request.ref()), null,
                request.occurredAt());
    }

    @PostMapping("/partnership-agreements")
    @Operation(summary = "Record a signed partnership agreement",
            description = "Records PartnershipAgreementRecorded, dated signedAt (not in the future): with an APPROVED"
                    + " compliance review, the evidence for PARTNER. An optional ref names it once. Role writer;"
                    + " answers the account id and its new version, also as the ETag.")
    public ResponseEntity<CommandAccepted> agreement(@PathVariable UUID accountId,
                                                     @Valid @RequestBody AgreementRequest request) {
        return commands.send(new RecordPartnershipAgreement(accountId, commands.newId("agreement", accountId), request.description(),
                request.signedAt(), request.ref()));
    }

    @PostMapping("/compliance-reviews")
    @Operation(summary = "Record an antitrust / dependency review (APPROVED or REJECTED)",
            description = "Records ComplianceReviewRecorded with the reviewer and notes. The latest outcome counts:"
                    + " PARTNER needs it APPROVED, and while it is REJECTED KAM advances wait (a compliance hold). An"
                    + " optional ref names it once. Role writer; answers the account id and its new version, also as"
                    + " the ETag.")
    public ResponseEntity<CommandAccepted> review(@PathVariable UUID accountId,
                                                  @Valid @RequestBody ComplianceReviewRequest request) {
        return commands.send(new RecordComplianceReview(accountId, commands.newId("review", accountId), request.outcome(),
                request.reviewer(), request.notes(), request.ref()), null, request.occurredAt());
    }
}
