package com.relationship.service.audit;

import com.relationship.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The check of every account's hash chain, for admins: started in the background, followed by polling.
 * A POST while a check runs answers 409 {@code /problems/integrity-check-running} naming the running
 * check ({@code runningCheckId}, {@code runningCheck}), not that check itself: the caller learns
 * that no new check was started, and where to follow the one that was.
 */
@RestController
@RequestMapping(value = IntegrityCheckController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Operations over the whole store: the integrity check of every account")
class IntegrityCheckController {

    static final String PATH = "/api/v1/admin/integrity-checks";

    private final IntegrityChecks checks;

    IntegrityCheckController(IntegrityChecks checks) {
        this.checks = checks;
    }

    @PostMapping
    @Operation(summary = "Start verifying every account's hash chain in the background",
            description = "Answers 202 with the check (state RUNNING) and its Location; follow it there. One check"
                    + " runs at a time: while one runs, a POST answers 409 naming it. Checks are kept in the memory"
                    + " of the instance that runs them, the latest " + IntegrityChecks.KEPT + ".")
    @ResponseStatus(HttpStatus.ACCEPTED) // what the document says; the ResponseEntity sets it as well
    ResponseEntity<IntegrityCheck> startIntegrityCheck() {
        IntegrityCheck check = checks.start(Actor.required().subject());
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + check.checkId())).body(check);
    }

    @GetMapping("/{checkId}")
    @Operation(summary = "A check's state and counts: accounts and events verified so far, intact, broken, and"
            + " the broken accounts with the sequence where each breaks and why (the first "
            + IntegrityChecks.BROKEN_LISTED + ")",
            description = "Poll it after POST: state RUNNING, COMPLETED or FAILED, accountsVerified, eventsVerified out"
                    + " of eventsInStore (the store's estimate at the start), intact, broken, the broken accounts with"
                    + " brokenAt and reason (brokenAccountsNotListed counts the rest), startedAt, finishedAt and"
                    + " eventsPerSecond. Checks live in the memory of the instance that ran them: 404 on another"
                    + " instance or after a restart. Role admin.")
    IntegrityCheck integrityCheck(@PathVariable UUID checkId) {
        return checks.find(checkId).orElseThrow(() -> new UnknownIntegrityCheck(checkId));
    }

    @GetMapping
    @Operation(summary = "The checks this instance remembers, newest first",
            description = "The latest " + IntegrityChecks.KEPT + " integrity checks this instance started, each as GET"
                    + " .../{checkId} answers it, newest first; empty after a restart. Role admin.")
    List<IntegrityCheck> integrityChecks() {
        return checks.latest();
    }
}
