package com.relationship.service.audit;

import com.relationship.account.AccountState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;

/** What auditors ask of one account: its state at a past instant, its stage periods, its integrity. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
@Tag(name = "Audit", description = "The account's past replayed from its full history, and its hash chain")
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON_LINES = ContractJson.newObjectMapper();
    private static final String HISTORY_ANSWER = "The matching events: a page of them (application/json), or all of"
            + " them, one per line (application/x-ndjson), as Accept asks";
    private static final String NDJSON_EXAMPLE = "{\"sequence\":0,\"eventId\":\"…\","
            + "\"type\":\"com.relationship.account.AccountRegistered.v1\",\"revision\":1,\"time\":\"…\","
            + "\"occurredAt\":\"…\",\"actor\":\"alice\",\"clientId\":null,\"reason\":null,\"correlationId\":\"…\","
            + "\"causationId\":\"…\",\"causationType\":\"RegisterAccount\",\"payload\":{\"accountId\":\"…\",…}}\n"
            + "{\"sequence\":1,\"eventId\":\"…\",\"type\":\"com.relationship.account.PurchaseRecorded.v1\","
            + "\"revision\":1,\"time\":\"…\",\"occurredAt\":\"…\",\"actor\":\"alice\",\"clientId\":null,\"reason\":null,"
            + "\"correlationId\":\"…\",\"causationId\":\"…\",\"causationType\":\"RecordPurchase\","
            + "\"payload\":{\"accountId\":\"…\",\"amount\":48000.50,\"currency\":\"EUR\",…}}\n";

    private final AccountReplay replay;
    private final AccountIntegrity integrity;
    private final HistoryQuery history;

    AuditController(AccountReplay replay, AccountIntegrity integrity, HistoryQuery history) {
        this.replay = replay;
        this.integrity = integrity;
        this.history = history;
    }

    @GetMapping(value = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = HISTORY_ANSWER, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HistoryQuery.Page.class)))
    @Operation(summary = "The account's events with who, when, why and what caused them, filtered and paged",
            description = "from (included) and to (excluded) are ISO 8601 instants; type is the public type or the"
                    + " event name (PurchaseRecorded); correlationId the request's. With Accept: application/x-ndjson"
                    + " the whole matching history streams, one JSON object per line, without paging.")
    HistoryQuery.Page history(@PathVariable UUID accountId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) String correlationId,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(HistoryQuery.MAX_PAGE_SIZE) int size) {
        return history.page(accountId, new HistoryQuery.Filter(from, to, type, correlationId), page, size);
    }

    @GetMapping(value = "/history", produces = NDJSON)
    @ApiResponse(responseCode = "200", description = HISTORY_ANSWER, content = @Content(mediaType = NDJSON,
            schema = @Schema(type = "string", description = "Newline-delimited JSON (NDJSON): one HistoryEntry, as the"
                    + " items of the application/json page, per line, oldest first; no enclosing array, no paging"),
            examples = @ExampleObject(name = "history", summary = "Two lines, shortened",
                    description = "An account's registration and first purchase; … marks what is left out",
                    value = NDJSON_EXAMPLE)))
    ResponseEntity<StreamingResponseBody> historyStream(@PathVariable UUID accountId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String correlationId) {
        HistoryQuery.Filter filter = new HistoryQuery.Filter(from, to, type, correlationId);
        Stream<HistoryEntry> entries = history.all(accountId, filter); // an unknown account is a 404 before streaming
        StreamingResponseBody body = out -> {
            try (entries) {
                Iterator<HistoryEntry> each = entries.iterator();
                while (each.hasNext()) {
                    out.write(JSON_LINES.writeValueAsBytes(each.next()));
                    out.write('\n');
                }
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    @GetMapping(value = "/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The account as it was at an instant (asOf) or right after a version; now when neither is given",
            description = "Replayed from the account's whole history with the one fold, never from a snapshot or a read"
                    + " model: after its last event recorded at or before asOf, or right after the event at sequence"
                    + " version. Stage and since when, lapsedFrom, KAM stage, classification, the tenure's evidence, open"
                    + " complaints, active bonds, with the version and lastEventAt of the last event folded. 404 for a"
                    + " time before the registration (/problems/not-registered-yet) or a version the account never had"
                    + " (/problems/no-such-version); 400 for asOf and version together. Role auditor.")
    AccountState state(@PathVariable UUID accountId,
                       @Parameter(description = "an ISO 8601 instant, e.g. 2026-03-01T00:00:00Z")
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                       @Parameter(description = "a sequence number of the account's history")
                       @RequestParam(required = false) Long version) {
        if (asOf != null && version != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Ask for the state asOf an instant or at a version, not both.");
            problem.setType(URI.create("/problems/as-of-or-version"));
            problem.setTitle("Both asOf and version given");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        if (asOf != null) {
            return replay.asOf(accountId, asOf);
        }
        return version != null ? replay.atVersion(accountId, version) : replay.now(accountId);
    }

    @GetMapping(value = "/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every lifecycle and KAM stage period: entered, left, duration, and the event, actor and reason that moved it",
            description = "Replayed from the account's whole history: every lifecycle and KAM period with enteredAt,"
                    + " leftAt and its ISO 8601 duration (an open period up to the last event), and enteredBy / leftBy:"
                    + " the sequence and type of the event that moved it, its actor and its reason. Role auditor.")
    Timeline timeline(@PathVariable UUID accountId) {
        return replay.timeline(accountId);
    }

    @GetMapping(value = "/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the account's hash chain: intact, or the first sequence where it breaks and why",
            description = "Recomputes the SHA-256 chain over every stored event of the account (each hash covers the"
                    + " previous one and the event as stored): intact with the event count, last sequence and last hash"
                    + " (note it: a later check that does not reach it shows removed events), or intact false with"
                    + " brokenAt, the first sequence that fails, and the reason. docs/verify-chain.py checks the raw"
                    + " store the same way. Role auditor.")
    IntegrityReport integrity(@PathVariable UUID accountId) {
        return integrity.verify(accountId);
    }
}
