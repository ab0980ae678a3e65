package com.relationship.service.profitability;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.contracts.commands.DecideProfitability;
import com.relationship.contracts.commands.RecordServiceActivity;
import com.relationship.service.web.CommandAccepted;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.Iso4217;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
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
import java.util.List;
import java.util.UUID;

/**
 * The write side of an account's profitability (issue 29): what serving it costs beyond what its other
 * events say (a visit, a call, a complaint and a customization bond are priced from their own events;
 * anything else is recorded here, as a quantity the activity rate card prices or a cost already known),
 * and what the account team decides about it: keep, convert or fire.
 */
@RestController
@RequestMapping(value = "/api/v1/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Profitability", description = "Service activities that cost money, and what to do about the account's"
        + " profitability")
class ProfitabilityController {

    private final AccountCommands commands;

    ProfitabilityController(AccountCommands commands) {
        this.commands = commands;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record ServiceActivityRequest(@NotNull @Pattern(regexp = RecordServiceActivity.ACTIVITY)
                                  @Schema(description = "SALES_VISIT, CALL, SUPPORT_CASE, CUSTOMIZATION,"
                                          + " EXPEDITED_DELIVERY, TRAINING, DISCOUNT, or one of your own (upper-case"
                                          + " words joined by _)", example = "EXPEDITED_DELIVERY") String activity,
                                  @Positive @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = 4)
                                  @Schema(description = "Units of the activity, priced by the activity rate card;"
                                          + " or give an amount instead", example = "2") BigDecimal quantity,
                                  @PositiveOrZero @Digits(integer = FieldLimits.MONEY_INTEGER, fraction = FieldLimits.MONEY_FRACTION)
                                  @Schema(description = "What it cost, when already known (a DISCOUNT always); or"
                                          + " give a quantity instead") BigDecimal amount,
                                  @Iso4217 @Schema(pattern = FieldLimits.CURRENCY_PATTERN, example = "EUR",
                                          description = "With an amount only") String currency,
                                  @NotNull @PlausibleInstant @Schema(description = "When it happened") Instant occurredAt,
                                  @Size(max = FieldLimits.REASON) @PlainText(multiline = true) String description) {
    }

    record ServiceActivityRecordedResponse(UUID accountId, long version, UUID activityId) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record ProfitabilityDecisionRequest(@NotNull @Schema(description = "KEEP a profitable account, CONVERT an"
                                                + " unprofitable one, FIRE one still unprofitable after converting was tried")
                                        ProfitabilityDecision decision,
                                        @Size(max = 4) @Schema(description = "With CONVERT, at least one: RAISE_PRICES,"
                                                + " CHARGE_FOR_SERVICES, REMOVE_DISCOUNTS, REDUCE_COST_TO_SERVE")
                                        List<@NotNull ConversionLever> levers,
                                        @NotBlank @Size(min = 1, max = FieldLimits.REASON) @PlainText(multiline = true)
                                        String rationale,
                                        @PlausibleInstant @Schema(description = FieldLimits.OCCURRED_AT_DOC) Instant occurredAt) {
    }

    @PostMapping("/profitability-decisions")
    @Operation(summary = "Decide what to do about the account's profitability: KEEP, CONVERT or FIRE",
            description = "Records ProfitabilityDecided (seed 000): KEEP, CONVERT with its levers (at least one), or"
                    + " FIRE, with a rationale. A FIRE needs a CONVERT that has stood for"
                    + " relationship.profitability.convert-before-fire (two quarters) since the last KEEP (409"
                    + " /problems/fire-needs-a-convert-first, saying from when). A decision, not a move: a FIRE does"
                    + " not lapse the account. Role writer; answers the account id and its new version, also as the"
                    + " ETag.")
    ResponseEntity<CommandAccepted> decide(@PathVariable UUID accountId,
                                           @Valid @RequestBody ProfitabilityDecisionRequest request) {
        return commands.send(new DecideProfitability(accountId, request.decision(), request.levers(),
                request.rationale()), request.rationale(), request.occurredAt());
    }

    @PostMapping("/service-activities")
    @Operation(summary = "Record a service activity that costs money; answers its activityId",
            description = "Records ServiceActivityRecorded: activity, then a quantity (priced by the activity rate"
                    + " card in force in its month) or an amount with its currency (a cost already known; a DISCOUNT"
                    + " always), one of them (422 /problems/invalid-field otherwise); occurredAt; an optional"
                    + " description. The service mints the activityId (from the Idempotency-Key when there is one):"
                    + " the same activity sent again answers the first version. Role writer; answers the account id,"
                    + " its new version (also as the ETag) and the activityId.")
    ResponseEntity<ServiceActivityRecordedResponse> record(@PathVariable UUID accountId,
                                                           @Valid @RequestBody ServiceActivityRequest request) {
        UUID activityId = commands.newId("service-activity", accountId);
        return commands.send(new RecordServiceActivity(accountId, activityId, request.activity(), request.quantity(),
                        request.amount(), request.currency(), request.description()), null, request.occurredAt(),
                accepted -> new ServiceActivityRecordedResponse(accountId, accepted.version(), activityId));
    }
}
