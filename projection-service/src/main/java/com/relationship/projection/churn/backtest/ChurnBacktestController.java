package com.relationship.projection.churn.backtest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The churn backtests over REST (issue 27): admin only, like every path under /api/v1/admin/. */
@RestController
@Tag(name = "Admin", description = "Operations for whoever runs the projection")
public class ChurnBacktestController {

    static final String PATH = "/api/v1/admin/churn-backtests";
    private final ChurnBacktests backtests;

    public ChurnBacktestController(ChurnBacktests backtests) {
        this.backtests = backtests;
    }

    @PostMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "startChurnBacktest", summary = "Check the churn model against the account base's own history",
            description = "Reads the events topic to its end now and, at each cutoff from `from` to `to` by `step`"
                    + " (ISO-8601 instants and durations), scores every account that could churn then (CUSTOMER to"
                    + " PARTNER) as of that cutoff, on what was known then (`useLateFacts`: also facts recorded later"
                    + " but dated before it), with each of `models` (versions: the active one, 1 or 2); the label is a"
                    + " lapse within each of `horizons` (default P90D and P180D). Answers 202 with the backtest; follow"
                    + " it at its Location. The report per model and horizon: accounts scored,"
                    + " lapses, AUC, HIGH's precision, recall and lift, calibration per band and per score decile, and"
                    + " the median lead time from turning HIGH to lapsing; for version 2, the weights that would have ranked"
                    + " this history's lapses best within `weightRanges` (per factor, default 0 to 50) moved by"
                    + " `weightStep` (default 5), never applied by itself; a cutoff whose horizon has not passed yet is"
                    + " left out of it (`unobserved`). Once DONE, a backtest that ran the active model calibrates"
                    + " revenue at risk with the lapse rate it observed per band (`calibration` says how, or why not)."
                    + " 400 /problems/invalid-backtest for a request that cannot run (at most 240 cutoffs).")
    public ResponseEntity<ChurnBacktests.Status> start(@RequestBody ChurnBacktests.Request request) {
        ChurnBacktests.Status started = backtests.start(request);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + started.id())).body(started);
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listChurnBacktests", summary = "The latest churn backtests, newest first",
            description = "The latest " + ChurnBacktests.KEPT + " backtests of any instance, each with its request,"
                    + " its state (RUNNING, DONE, FAILED) and, once done, its report. Role reader: a report is figures"
                    + " about the whole base, no account's data; the dashboard's /dashboard/backtest shows the latest.")
    public List<ChurnBacktests.Status> list() {
        return backtests.list();
    }

    @GetMapping(value = PATH + "/{backtestId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "churnBacktest", summary = "A churn backtest: its progress, then its report or why it failed",
            description = "While RUNNING, how many records of the events topic it has read of how many; DONE, the"
                    + " report per model and horizon and whether it calibrated revenue at risk; FAILED, why (also when"
                    + " the instance running it stopped). Any instance answers it: backtests are kept in the read"
                    + " models' database. 404 /problems/backtest-not-found for one not among the latest "
                    + ChurnBacktests.KEPT + ". Role reader.")
    public ChurnBacktests.Status get(@PathVariable String backtestId) {
        return backtests.find(backtestId).orElseThrow(() -> new UnknownBacktest(backtestId));
    }

    static class UnknownBacktest extends RuntimeException {
        UnknownBacktest(String id) {
            super("No churn backtest " + id + " is kept (the latest " + ChurnBacktests.KEPT
                    + " are): list them at " + PATH + ".", null, false, false);
        }
    }

    @ExceptionHandler(UnknownBacktest.class)
    ProblemDetail unknown(UnknownBacktest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create("/problems/backtest-not-found"));
        problem.setTitle("Backtest not found");
        return problem;
    }

    @ExceptionHandler(ChurnBacktests.InvalidBacktest.class)
    ProblemDetail invalid(ChurnBacktests.InvalidBacktest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("/problems/invalid-backtest"));
        problem.setTitle("Backtest cannot run");
        return problem;
    }
}
