package com.relationship.service.interaction;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.commands.RecordInteraction;
import com.relationship.contracts.commands.RecordSatisfactionSurvey;
import com.relationship.service.web.AccountCommands;
import com.relationship.service.web.CommandAccepted;
import com.relationship.service.web.FieldLimits;
import com.relationship.service.web.PlainText;
import com.relationship.service.web.PlausibleInstant;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether the account is heard: contacts across touch points and what it says about us. Seed 001:
 * most customers who leave do so because they feel ignored.
 */
@RestController
@RequestMapping(value = "/api/v1/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Interactions", description = "Contacts with the account and its satisfaction surveys")
class InteractionController {

    private final AccountCommands commands;

    InteractionController(AccountCommands commands) {
        this.commands = commands;
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record InteractionRequest(@NotNull InteractionChannel channel, @NotNull InteractionDirection direction,
                              @Size(min = 1, max = FieldLimits.NAME) @PlainText @Schema(description = "Who it was"
                                      + " with, as free text; required unless contactId names a contact of the"
                                      + " account (then optional).") String contact,
                              @Schema(description = "Optional: the contact of the account it was with (POST"
                                      + " .../contacts answers the id); one who left is refused for an interaction"
                                      + " dated after they left.") UUID contactId,
                              @NotBlank @Size(min = 1, max = FieldLimits.TEXT) @PlainText(multiline = true) String summary,
                              @NotNull @PastOrPresent @PlausibleInstant @Schema(description = FieldLimits.INSTANT_DOC)
                              Instant occurredAt,
                              @Size(min = 1, max = FieldLimits.REF) @Pattern(regexp = FieldLimits.REF_PATTERN) @PlainText @Schema(description = FieldLimits.REF_DOC) String ref) {
    }

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record SurveyRequest(@NotNull @Min(0) @Max(10) Integer score, @NotNull SurveyInstrument instrument,
                         @Size(max = FieldLimits.TEXT) @PlainText(multiline = true) String comment,
                         @NotNull @PastOrPresent @PlausibleInstant @Schema(description = FieldLimits.INSTANT_DOC)
                         Instant occurredAt,
                         @Size(min = 1, max = FieldLimits.REF) @Pattern(regexp = FieldLimits.REF_PATTERN) @PlainText @Schema(description = FieldLimits.REF_DOC) String ref) {
    }

    @PostMapping("/interactions")
    @Operation(summary = "Record an interaction (channel, direction, contact, summary, when it happened)",
            description = "Records InteractionRecorded: a contact with the account on one channel (MEETING, CALL,"
                    + " EMAIL, VISIT, PORTAL or EVENT), INBOUND, OUTBOUND or TWO_WAY, dated when it happened (not in the"
                    + " future), with whom: a contactId of the account's committee, or the free-text contact, or both."
                    + " Two-way contacts keep the churn risk's indifference factor down; an optional ref names"
                    + " it once (sent again with the same content, it answers the first version and stores nothing)."
                    + " Role writer; answers the account id and its new version, also as the ETag.")
    ResponseEntity<CommandAccepted> interaction(@PathVariable UUID accountId,
                                                @Valid @RequestBody InteractionRequest request) {
        return commands.send(new RecordInteraction(accountId, commands.newId("interaction", accountId),
                request.channel(), request.direction(), request.contact(), request.summary(), request.occurredAt(),
                request.ref(), request.contactId()));
    }

    @PostMapping("/satisfaction-surveys")
    @Operation(summary = "Record a satisfaction survey result (score 0-10, NPS or CSAT)",
            description = "Records SatisfactionSurveyed: the score the account gave (0 to 10) on NPS or CSAT, with an"
                    + " optional comment, dated when it was given (not in the future). The churn risk reads the latest"
                    + " surveys; an optional ref names the survey once. Role writer; answers the account id and its new"
                    + " version, also as the ETag.")
    ResponseEntity<CommandAccepted> survey(@PathVariable UUID accountId, @Valid @RequestBody SurveyRequest request) {
        return commands.send(new RecordSatisfactionSurvey(accountId, commands.newId("survey", accountId),
                request.score(), request.instrument(), request.comment(), request.occurredAt(), request.ref()));
    }
}
