package com.relationship.projection.status;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.security.OwnerFilter;
import com.relationship.projection.readmodel.AccountNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The account status read model over REST. */
@RestController
@RequestMapping(value = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Account status", description = "Where each account stands in the loyalty lifecycle and the KAM track")
public class AccountStatusController {

    public static final int MAX_PAGE_SIZE = 200;
    /** Keeps page * size within what a MongoDB skip takes. */
    public static final int MAX_PAGE = 10_000_000;

    private final AccountStatusStore store;
    private final StatusFigures figures;

    /**
     * @param figures the figures priced or ranked when asked for (the trailing year's profitability, the value
     *                standing), each added in turn; none where no bean gives them
     */
    public AccountStatusController(AccountStatusStore store, ObjectProvider<StatusFigures> figures) {
        this.store = store;
        this.figures = figures.orderedStream().reduce(StatusFigures.NONE,
                (first, then) -> status -> then.withFigures(first.withFigures(status)));
    }

    @GetMapping("/{id}/status")
    @Operation(summary = "The status of one account",
            description = "404 (application/problem+json, type /problems/account-not-found) for an unknown account, "
                    + "or one registered so recently that its first event is not projected yet.")
    public AccountStatus status(@PathVariable UUID id) {
        return store.findStatus(id).map(figures::withFigures).orElseThrow(() -> new AccountNotFoundException(id));
    }

    @GetMapping
    @Operation(operationId = "listAccounts", summary = "Account statuses, filtered by stage, KAM stage and owner, by name",
            description = "A page of account statuses, each as GET /api/v1/accounts/{id}/status answers it, sorted by"
                    + " name (then id), only those in stage, at kamStage and owned by owner (owner=me: the caller's)"
                    + " when given; totalItems counts every match."
                    + " Eventually consistent with relationship-service: an account registered a moment ago may not be"
                    + " listed yet. Role reader.")
    public AccountStatusPage list(
            @Parameter(description = "Only accounts in this lifecycle stage") @RequestParam(required = false) LifecycleStage stage,
            @Parameter(description = "Only accounts at this KAM stage") @RequestParam(required = false) KamStage kamStage,
            @Parameter(description = OwnerFilter.DOC) @RequestParam(required = false) @Pattern(regexp = OwnerFilter.PATTERN)
            String owner,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String subject = OwnerFilter.subjectOf(owner);
        List<AccountStatus> items = store.list(stage, kamStage, subject, page, size).stream().map(figures::withFigures).toList();
        return new AccountStatusPage(items, page, size, store.count(stage, kamStage, subject));
    }

    /** One page of account statuses; {@code totalItems} counts every match, not just this page. */
    public record AccountStatusPage(List<AccountStatus> items, int page, int size, long totalItems) {
    }
}
