package com.relationship.service.accounts;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.commands.ClassifyAccount;
import com.relationship.contracts.commands.RegisterAccount;
import com.relationship.service.account.AccountHistory;
import com.relationship.service.account.AccountSnapshot;
import com.relationship.service.account.AccountStateQuery;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.CommandAccepted;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.Iso4217;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(value = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Register accounts, classify them, and read their history")
class AccountController {

    private final AccountCommands commands;
    private final AccountStateQuery state;
    private final EventPages events;

    public AccountController(AccountCommands commands, AccountHistory history, AccountStateQuery state,
                             JsonMapper json) {
        this.commands = commands;
        this.state = state;
        this.events = new EventPages(history, json);
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record RegisterAccountRequest(UUID accountId, @NotBlank @Size(min = 1, max = FieldLimits.NAME) @PlainText String name,
                                         @NotBlank @Size(min = 1, max = FieldLimits.NAME) @PlainText String industry,
                                         @NotNull @PositiveOrZero @Max(FieldLimits.MAX_EMPLOYEES) Integer employeeCount,
                                         @PositiveOrZero @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = FieldLimits.MONEY_FRACTION) @Schema(description = FieldLimits.REVENUE_DOC) BigDecimal annualRevenue,
                                         @Iso4217 @Schema(pattern = FieldLimits.CURRENCY_PATTERN, example = "EUR",
                                                 description = "Optional, with an annualRevenue only: the ISO 4217"
                                                         + " code it is in. When absent, it is recorded in the reporting"
                                                         + " currency (relationship.reference-data.reporting-currency,"
                                                         + " EUR by default)") String annualRevenueCurrency,
                                         @NotBlank @Size(min = 1, max = FieldLimits.NAME) @PlainText String region,
                                         @NotNull Classification classification,
                                         @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record ClassifyRequest(@NotNull Classification classification,
                                  @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true) String rationale,
                                  @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @PostMapping
    @Operation(summary = "Register an account as a PROSPECT", description = "accountId is optional; one is made up"
            + " when absent (from the Idempotency-Key when there is one, so a retry registers the same account)."
            + " annualRevenue is optional, in annualRevenueCurrency (an ISO 4217 code) or, when that is absent, in the"
            + " reporting currency (relationship.reference-data.reporting-currency, EUR by default), which the event"
            + " then names; annualRevenueCurrency without annualRevenue is refused (422 /problems/invalid-field).")
    public ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterAccountRequest request) {
        UUID id = request.accountId() != null ? request.accountId() : commands.newAccountId();
        return commands.register(new RegisterAccount(id, request.name(), request.industry(), request.employeeCount(),
                request.annualRevenue(), request.region(), request.classification(), request.annualRevenueCurrency()),
                request.occurredAt());
    }

    @PostMapping("/{accountId}/classification")
    @Operation(summary = "Classify the account STRATEGIC or TACTICAL, with a rationale",
            description = "Records AccountClassified with the rationale. Only a STRATEGIC account can be designated a key"
                    + " account; TACTICAL is refused (409 /problems/key-account-must-stay-strategic) while the account"
                    + " is on an active KAM track: uncouple it first. Role writer; answers the account id and its new"
                    + " version, also as the ETag.")
    public ResponseEntity<CommandAccepted> classify(@PathVariable UUID accountId,
                                                    @Valid @RequestBody ClassifyRequest request) {
        return commands.send(new ClassifyAccount(accountId, request.classification(), request.rationale()),
                request.rationale(), request.occurredAt());
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "The account's current state and version (also its ETag, for If-Match)",
            description = "The account as its whole history folds it now, read from the aggregate as the next command"
                    + " loads it, so it shows a command's effect at once and never disagrees with what that command"
                    + " sees: stage, lapsedFrom, classification, KAM stage, open complaints, active bonds and version."
                    + " Send the ETag as If-Match to make a command conditional on this version. Role reader; lists,"
                    + " the funnel and churn risk are projection-service's read models.")
    public ResponseEntity<AccountSnapshot> account(@PathVariable UUID accountId) {
        AccountSnapshot current = state.of(accountId);
        return ResponseEntity.ok().eTag(Long.toString(current.version())).body(current);
    }

    @GetMapping("/{accountId}/events")
    @Operation(summary = "The account's events in order: sequence, type, timestamp, payload, metadata",
            description = "The whole history as one JSON array, streamed as it is read from the store (memory stays"
                    + " bounded however long it is). fromSequence and limit answer a part of it, the same array;"
                    + " a Link header with rel=\"next\" names the next part while there is one.")
    @ApiResponse(responseCode = "200", description = "The events, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = AccountHistory.RecordedEvent.class))))
    public ResponseEntity<StreamingResponseBody> events(@PathVariable UUID accountId,
            @Parameter(description = "the first sequence to answer") @RequestParam(defaultValue = "0") @Min(0) long fromSequence,
            @Parameter(description = "at most this many events (all when absent)") @RequestParam(required = false)
            @Min(1) @Max(EventPages.MAX_LIMIT) Integer limit) {
        return events.answer(accountId, fromSequence, limit);
    }
}
