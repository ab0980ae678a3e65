package com.relationship.projection.timeline;

import com.relationship.projection.readmodel.AccountNotFoundException;
import com.relationship.projection.timeline.TimelineView.Entry;
import com.relationship.projection.timeline.TimelineView.Move;
import com.relationship.projection.timeline.TimelineView.Period;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The timeline read model over REST. */
@RestController
@RequestMapping(value = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Timeline", description = "How each account moved through the lifecycle and KAM stages, and what happened to it")
public class TimelineController {

    private final TimelineStore store;
    private final Clock clock;

    public TimelineController(TimelineStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The timeline of one account",
            description = "Every lifecycle and KAM stage period, oldest first, with when it was entered and left, how long "
                    + "it lasted (ISO-8601; the current period up to now), and the move in and out: the event, who asked "
                    + "for it and why. Then the account's events, oldest first, each with its actor, reason, correlation "
                    + "id and a one-line summary (the newest projection.timeline.entry-cap are kept; droppedEntries counts "
                    + "the older ones). 404 (/problems/account-not-found) for an unknown account.")
    public TimelineResponse timeline(@PathVariable UUID id) {
        TimelineView view = store.find(id).orElseThrow(() -> new AccountNotFoundException(id));
        Instant now = clock.instant();
        return new TimelineResponse(view.accountId(), periods(view.lifecycle(), now), periods(view.kam(), now),
                view.entries(), view.droppedEntries(), view.lastAppliedSequence());
    }

    private static List<PeriodResponse> periods(List<Period> periods, Instant now) {
        return periods.stream().map(p -> PeriodResponse.of(p, now)).toList();
    }

    /**
     * @param lifecycle      the lifecycle stage periods, oldest first
     * @param kam            the KAM stage periods, oldest first; empty for an account never designated
     * @param entries        the account's events, oldest first, the newest kept
     * @param droppedEntries older events no longer listed in {@code entries}
     */
    public record TimelineResponse(UUID accountId, List<PeriodResponse> lifecycle, List<PeriodResponse> kam,
                                   List<Entry> entries, long droppedEntries, long lastAppliedSequence) {
    }

    /**
     * @param leftAt   null while the account is still in the stage
     * @param duration leftAt - enteredAt, or now - enteredAt for the current period
     * @param leftBy   null while the account is still in the stage
     */
    public record PeriodResponse(String stage, Instant enteredAt, Instant leftAt, Duration duration, Move enteredBy,
                                 Move leftBy) {

        static PeriodResponse of(Period p, Instant now) {
            Instant end = p.leftAt() != null ? p.leftAt() : now;
            // A clock behind the event's time (another machine's) would give a negative stay: it is none yet.
            Duration duration = end.isBefore(p.enteredAt()) ? Duration.ZERO : Duration.between(p.enteredAt(), end);
            return new PeriodResponse(p.stage(), p.enteredAt(), p.leftAt(), duration, p.enteredBy(), p.leftBy());
        }
    }
}
