package com.relationship.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Whether an account's stored history is the one that was written (README, "Auditing"). */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
@Tag(name = "Audit", description = "Tamper evidence: the hash chain of an account's stored events")
class IntegrityController {

    private final AccountIntegrity integrity;

    IntegrityController(AccountIntegrity integrity) {
        this.integrity = integrity;
    }

    @GetMapping("/integrity")
    @Operation(summary = "Verify the account's hash chain: intact, or the first sequence where it breaks and why")
    IntegrityReport integrity(@PathVariable UUID accountId) {
        return integrity.verify(accountId);
    }
}
