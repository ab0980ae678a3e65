package com.relationship.projection.churn;

import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.readmodel.AccountNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import com.relationship.security.OwnerFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The churn-risk read model over REST: one account's risk explained, its history, and the watch list. */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Churn risk", description = "How likely each account is to leave, and why, point by point")
public class ChurnRiskController {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int MAX_PAGE = 10_000_000;

    private final ChurnRiskStore store;
    private final Clock clock;

    public ChurnRiskController(ChurnRiskStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/accounts/{id}/churn-risk")
    @Operation(summary = "The churn risk of one account, explained",
            description = "Score 0-100, band, the trend against 30 days ago, and the factors: each with its points (they "
                    + "add up to the score), a sentence, and the ids of the events behind it. 404 "
                    + "(/problems/account-not-found) for an unknown account.")
    public ChurnRisk churnRisk(@PathVariable UUID id) {
        return ChurnRisk.of(find(id), clock.instant());
    }

    @GetMapping("/accounts/{id}/churn-risk/history")
    @Operation(summary = "Why the churn score changed, change by change",
            description = "Every change of score, band or factor points, oldest first, each with its cause (EVENT with "
                    + "the event id, TIME, or MODEL) and every factor's points after it (the newest "
                    + "projection.churn.history-cap changes are kept).")
    public ChurnHistory history(@PathVariable UUID id) {
        ChurnView view = find(id);
        return new ChurnHistory(view.accountId(), view.history());
    }

    @GetMapping("/churn-risk")
    @Operation(operationId = "churnWatchList", summary = "The watch list: accounts by churn risk, highest score first",
            description = "Accounts that can churn only: CUSTOMER to PARTNER. A PROSPECT has nothing to lose yet (its"
                    + " risk is a pipeline question) and a LAPSED account is lost already; their churn risk is still"
                    + " answered per account. sort=revenue-at-risk with currency=<ISO 4217> lists the accounts whose"
                    + " revenue is in that currency, the most revenue at risk first (amounts in different currencies do"
                    + " not compare until exchange rates exist); 400 /problems/invalid-parameter without the currency."
                    + " owner=me: only the caller's accounts (issue 28).")
    public WatchList watchList(
            @Parameter(description = "Only accounts in this band") @RequestParam(required = false) ChurnBand band,
            @Parameter(description = "score (default) or revenue-at-risk") @RequestParam(defaultValue = "score")
            @Pattern(regexp = "score|revenue-at-risk", message = "must be score or revenue-at-risk") String sort,
            @Parameter(description = "With sort=revenue-at-risk: the currency of the revenue, ISO 4217")
            @RequestParam(required = false) @Pattern(regexp = "[A-Z]{3}") String currency,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @Parameter(description = OwnerFilter.DOC) @RequestParam(required = false) @Pattern(regexp = OwnerFilter.PATTERN)
            String owner) {
        Instant now = clock.instant();
        boolean byRevenue = sort.equals("revenue-at-risk");
        if (byRevenue && currency == null) {
            throw new CurrencyRequired();
        }
        String subject = OwnerFilter.subjectOf(owner);
        List<ChurnView> views = byRevenue ? store.watchListByRevenueAtRisk(currency, band, subject, page, size)
                : store.watchList(band, subject, page, size);
        List<ChurnRisk> items = views.stream().map(view -> ChurnRisk.of(view, now)).toList();
        return new WatchList(items, page, size, byRevenue ? store.countByRevenueAtRisk(currency, band, subject)
                : store.count(band, subject));
    }

    /** sort=revenue-at-risk without the currency to compare in. */
    static class CurrencyRequired extends RuntimeException {
        CurrencyRequired() {
            super("sort=revenue-at-risk needs currency=<ISO 4217>, such as currency=EUR: revenue in different"
                    + " currencies does not compare until exchange rates exist.", null, false, false);
        }
    }

    @ExceptionHandler(CurrencyRequired.class)
    ProblemDetail currencyRequired(CurrencyRequired e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(java.net.URI.create("/problems/invalid-parameter"));
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", "currency");
        return problem;
    }

    private ChurnView find(UUID id) {
        return store.find(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    /**
     * @param at       the instant the score is for (the last event, or the last pass over time)
     * @param trend    the score against 30 days ago ({@code then} and {@code change} null when the account
     *                 has no score that old)
     * @param factors  the points of every factor; they add up to {@code score}
     * @param revenueAtRisk what its churn would cost: its revenue of the last 12 months weighed by the chance it
     *                 lapses, with where that chance comes from; null for version 1, a prospect, a lapsed account
     *                 or one with no revenue in money
     */
    public record ChurnRisk(UUID accountId, int score, ChurnBand band, ChurnView.Trend trend, List<ChurnScore.Points> factors,
                            String modelVersion, Instant at, Instant nextRescoreAt, long lastAppliedSequence,
                            ChurnScore.RevenueAtRisk revenueAtRisk) {

        static ChurnRisk of(ChurnView view, Instant now) {
            ChurnScore s = view.score();
            return new ChurnRisk(view.accountId(), s.score(), s.band(), view.trend(now), s.factors(), s.modelVersion(),
                    s.at(), s.nextRescoreAt(), view.lastAppliedSequence(), s.revenueAtRisk());
        }
    }

    public record ChurnHistory(UUID accountId, List<ChurnView.ScoreChange> changes) {
    }

    /** One page of the watch list; {@code totalItems} counts every match. */
    public record WatchList(List<ChurnRisk> items, int page, int size, long totalItems) {
    }
}
