package com.relationship.service.audit;

import com.relationship.account.AccountState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    private final AccountReplay replay;
    private final AccountIntegrity integrity;
    private final HistoryQuery history;

    AuditController(AccountReplay replay, AccountIntegrity integrity, HistoryQuery history) {
        this.replay = replay;
        this.integrity = integrity;
        this.history = history;
    }

    @GetMapping(value = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
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
    @Operation(summary = "The account as it was at an instant (asOf) or right after a version; now when neither is given")
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
    @Operation(summary = "Every lifecycle and KAM stage period: entered, left, duration, and the event, actor and reason that moved it")
    Timeline timeline(@PathVariable UUID accountId) {
        return replay.timeline(accountId);
    }

    @GetMapping(value = "/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the account's hash chain: intact, or the first sequence where it breaks and why")
    IntegrityReport integrity(@PathVariable UUID accountId) {
        return integrity.verify(accountId);
    }
}
