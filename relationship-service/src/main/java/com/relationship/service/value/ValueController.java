package com.relationship.service.value;

import com.relationship.contracts.account.ValueComponent;
import com.relationship.contracts.commands.AssessRelationshipLevel;
import com.relationship.contracts.commands.AssessValueComponent;
import com.relationship.contracts.commands.EstimateWallet;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.CommandAccepted;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.Iso4217;
import com.relationship.service.web.MoneyInCurrency;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What the account manager judges of an account's value (issue 30): the components the events cannot tell
 * (Convergys's lifetime value model, seed 002), what the account spends with everyone (its wallet), and the
 * level of the relationship as the customer sees it (seed 003). Each a judgement with its rationale, which
 * auditors read; the value read model scores them.
 */
@RestController
@RequestMapping(value = "/api/v1/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Value", description = "Judgements of the account's value: value components, wallet estimates and"
        + " the relationship level")
class ValueController {

    private final AccountCommands commands;

    ValueController(AccountCommands commands) {
        this.commands = commands;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record ValueAssessmentRequest(@NotNull ValueComponent component,
                                  @Min(0) @Max(100) @Schema(description = "A judgement from 0 to 100; or give an"
                                          + " amount instead") Integer score,
                                  @PositiveOrZero @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = FieldLimits.MONEY_FRACTION)
                                  @Schema(description = "An amount in currency (such as the spend projected for a"
                                          + " year); or give a score instead") BigDecimal amount,
                                  @Iso4217 @Schema(pattern = FieldLimits.CURRENCY_PATTERN, example = "EUR",
                                          description = "With an amount only") String currency,
                                  @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true)
                                  String rationale,
                                  @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    @MoneyInCurrency
    record WalletEstimateRequest(@NotBlank @Size(min = 1, max = FieldLimits.NAME) @PlainText
                                 @Schema(description = "What the wallet is of, such as \"packaging\" or \"IT services\"")
                                 String category,
                                 @NotNull @Positive @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = FieldLimits.MONEY_FRACTION)
                                 @Schema(description = "What the account spends in the category in the period, with"
                                         + " us and everyone else") BigDecimal amount,
                                 @NotNull @Iso4217 @Schema(pattern = FieldLimits.CURRENCY_PATTERN, example = "EUR")
                                 String currency,
                                 @NotNull @Pattern(regexp = EstimateWallet.PERIOD) @Schema(description = "A year (2026), a quarter"
                                         + " (2026-Q3) or a month (2026-07)", example = "2026") String period,
                                 @NotBlank @Size(min = 1, max = FieldLimits.NAME) @PlainText
                                 @Schema(description = "Where the estimate comes from: the buyer, an analyst, a"
                                         + " survey ...") String source,
                                 @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt)
            implements MoneyInCurrency.Amount {
    }

    record WalletEstimatedResponse(UUID accountId, long version, UUID estimateId) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record RelationshipLevelRequest(@NotNull @Min(1) @Max(6) @Schema(description = "1 utility, 2 convenience,"
                                            + " 3 comfort, 4 personal recognition, 5 self-expression, 6 co-creation")
                                    Integer level,
                                    @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true)
                                    String rationale,
                                    @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @PostMapping("/value-assessments")
    @Operation(summary = "Assess one component of the account's value, with a rationale",
            description = "Records ValueComponentAssessed: component (PROJECTED_SPEND, CONTRACT_LENGTH,"
                    + " OUTSOURCE_POTENTIAL, FUTURE_VALUE or TECHNOLOGY_ENTANGLEMENT) with a score from 0 to 100 or an"
                    + " amount in a currency, one of them (422 /problems/invalid-value otherwise), and the rationale."
                    + " It replaces the component's assessment before. Role writer; answers the account id and its"
                    + " new version, also as the ETag.")
    ResponseEntity<CommandAccepted> assessValue(@PathVariable UUID accountId,
                                                @Valid @RequestBody ValueAssessmentRequest request) {
        return commands.send(new AssessValueComponent(accountId, request.component(), request.score(), request.amount(),
                request.currency(), request.rationale()), request.rationale(), request.occurredAt());
    }

    @PostMapping("/wallet-estimates")
    @Operation(summary = "Record an estimate of the account's wallet in a category and period; answers its estimateId",
            description = "Records WalletEstimated: what the account spends in category in period (a year, a quarter"
                    + " or a month), with us and everyone else, in currency, and where the estimate comes from. Share"
                    + " of wallet is our revenue in the period over it. The service mints the estimateId (from the"
                    + " Idempotency-Key when there is one): the same estimate sent again answers the first version."
                    + " Role writer; answers the account id, its new version (also as the ETag) and the estimateId.")
    ResponseEntity<WalletEstimatedResponse> estimateWallet(@PathVariable UUID accountId,
                                                           @Valid @RequestBody WalletEstimateRequest request) {
        UUID estimateId = commands.newId("wallet-estimate", accountId);
        return commands.send(new EstimateWallet(accountId, estimateId, request.category(), request.amount(),
                        request.currency(), request.period(), request.source()), null, request.occurredAt(),
                accepted -> new WalletEstimatedResponse(accountId, accepted.version(), estimateId));
    }

    @PostMapping("/relationship-level")
    @Operation(summary = "Assess the level of the relationship as the customer sees it (1 to 6), with a rationale",
            description = "Records RelationshipLevelAssessed (seed 003): 1 utility, 2 convenience, 3 comfort, 4"
                    + " personal recognition, 5 self-expression, 6 co-creation; independent of the revenue. Level 6"
                    + " needs a co-development engagement in the account's current tenure (409"
                    + " /problems/co-creation-needs-an-engagement). Role writer; answers the account id and its new"
                    + " version, also as the ETag.")
    ResponseEntity<CommandAccepted> assessLevel(@PathVariable UUID accountId,
                                                @Valid @RequestBody RelationshipLevelRequest request) {
        return commands.send(new AssessRelationshipLevel(accountId, request.level(), request.rationale()),
                request.rationale(), request.occurredAt());
    }
}
