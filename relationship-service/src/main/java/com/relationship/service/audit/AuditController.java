package com.relationship.service.audit;

import com.relationship.account.AccountState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** What auditors ask of one account: its state at a past instant, its stage periods, its integrity. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
@Tag(name = "Audit", description = "The account's past replayed from its full history, and its hash chain")
class AuditController {

    private final AccountReplay replay;
    private final AccountIntegrity integrity;

    AuditController(AccountReplay replay, AccountIntegrity integrity) {
        this.replay = replay;
        this.integrity = integrity;
    }

    @GetMapping("/state")
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

    @GetMapping("/timeline")
    @Operation(summary = "Every lifecycle and KAM stage period: entered, left, duration, and the event, actor and reason that moved it")
    Timeline timeline(@PathVariable UUID accountId) {
        return replay.timeline(accountId);
    }

    @GetMapping("/integrity")
    @Operation(summary = "Verify the account's hash chain: intact, or the first sequence where it breaks and why")
    IntegrityReport integrity(@PathVariable UUID accountId) {
        return integrity.verify(accountId);
    }
}
