package com.relationship.projection.timeline;

import com.relationship.projection.readmodel.AccountNotFoundException;
import com.relationship.projection.timeline.TimelineView.Entry;
import com.relationship.projection.timeline.TimelineView.Move;
import com.relationship.projection.timeline.TimelineView.Period;
import com.relationship.security.CallerRoles;
import com.relationship.security.Role;
import com.relationship.security.personaldata.PersonalData;
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
import java.util.function.UnaryOperator;

/**
 * The timeline read model over REST. Readers see what happened and when; who asked for it, why, the
 * correlation ids and the names and free text in the summaries are audit data, shown only to a token
 * with {@code auditor}, as relationship-service's history and timeline are.
 */
@RestController
@RequestMapping(value = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Timeline", description = "How each account moved through the lifecycle and KAM stages, and what happened to it")
public class TimelineController {

    private final TimelineStore store;
    private final Clock clock;
    private final CallerRoles callerRoles;
    private final PersonalData personalData;

    /**
     * @param personalData opens the sealed contact's name and title in an auditor's full summary as it is
     *                     read: the timeline stores them sealed, so an erasure needs no rewrite of it
     */
    public TimelineController(TimelineStore store, Clock clock, CallerRoles callerRoles, PersonalData personalData) {
        this.store = store;
        this.clock = clock;
        this.callerRoles = callerRoles;
        this.personalData = personalData;
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The timeline of one account",
            description = "Every lifecycle and KAM stage period, oldest first, with when it was entered and left, how long "
                    + "it lasted (ISO-8601; the current period up to now), and the move in and out. Then the account's "
                    + "events, oldest first, each with a one-line summary (the newest projection.timeline.entry-cap are "
                    + "kept; droppedEntries counts the older ones). With the auditor role as well (auditDetails true), "
                    + "each move and event also says who asked for it (actor), why (reason) and its correlation id, and "
                    + "summaries name contacts and reviewers and quote descriptions; for a reader those are null and "
                    + "summaries are plain. 404 (/problems/account-not-found) for an unknown account.")
    public TimelineResponse timeline(@PathVariable UUID id) {
        TimelineView view = store.find(id).orElseThrow(() -> new AccountNotFoundException(id));
        Instant now = clock.instant();
        boolean audit = callerRoles.has(Role.AUDITOR);
        return new TimelineResponse(view.accountId(), periods(view.lifecycle(), now, audit),
                periods(view.kam(), now, audit), view.entries().stream()
                        .map(e -> EntryResponse.of(e, audit, personalData::openWithin)).toList(),
                view.droppedEntries(), view.lastAppliedSequence(), audit);
    }

    private static List<PeriodResponse> periods(List<Period> periods, Instant now, boolean audit) {
        return periods.stream().map(p -> PeriodResponse.of(p, now, audit)).toList();
    }

    /**
     * @param lifecycle      the lifecycle stage periods, oldest first
     * @param kam            the KAM stage periods, oldest first; empty for an account never designated
     * @param entries        the account's events, oldest first, the newest kept
     * @param droppedEntries older events no longer listed in {@code entries}
     * @param auditDetails   whether actors, reasons, correlation ids and full summaries are shown (the
     *                       caller has the auditor role) or withheld (null, plain summaries)
     */
    public record TimelineResponse(UUID accountId, List<PeriodResponse> lifecycle, List<PeriodResponse> kam,
                                   List<EntryResponse> entries, long droppedEntries, long lastAppliedSequence,
                                   boolean auditDetails) {
    }

    /**
     * One event of the account.
     *
     * @param at            when it happened (its business time)
     * @param actor         who asked for it; null without the auditor role
     * @param reason        why, as its caller said; null where the command takes none or without the auditor role
     * @param correlationId null without the auditor role
     * @param summary       what happened in one sentence; plain (no names, no free text) without the auditor role
     */
    public record EntryResponse(long sequence, String eventId, String type, Instant at, String actor, String reason,
                                String correlationId, String summary) {

        static EntryResponse of(Entry e, boolean audit, UnaryOperator<String> opened) {
            if (audit) {
                return new EntryResponse(e.sequence(), e.eventId(), e.type(), e.at(), e.actor(), e.reason(),
                        e.correlationId(), opened.apply(e.summary()));
            }
            String plain = e.plainSummary() != null ? e.plainSummary() : Summaries.plainOfType(e.type());
            return new EntryResponse(e.sequence(), e.eventId(), e.type(), e.at(), null, null, null, plain);
        }
    }

    /**
     * The event that moved the account.
     *
     * @param actor  who asked for it; null without the auditor role
     * @param reason why, as its caller said; null where the command takes none or without the auditor role
     */
    public record MoveResponse(long sequence, String eventId, String type, String actor, String reason) {

        static MoveResponse of(Move m, boolean audit) {
            if (m == null) {
                return null;
            }
            return new MoveResponse(m.sequence(), m.eventId(), m.type(), audit ? m.actor() : null,
                    audit ? m.reason() : null);
        }
    }

    /**
     * @param leftAt   null while the account is still in the stage
     * @param duration leftAt - enteredAt, or now - enteredAt for the current period
     * @param leftBy   null while the account is still in the stage
     */
    public record PeriodResponse(String stage, Instant enteredAt, Instant leftAt, Duration duration,
                                 MoveResponse enteredBy, MoveResponse leftBy) {

        static PeriodResponse of(Period p, Instant now, boolean audit) {
            Instant end = p.leftAt() != null ? p.leftAt() : now;
            // A clock behind the event's time (another machine's) would give a negative stay: it is none yet.
            Duration duration = end.isBefore(p.enteredAt()) ? Duration.ZERO : Duration.between(p.enteredAt(), end);
            return new PeriodResponse(p.stage(), p.enteredAt(), p.leftAt(), duration,
                    MoveResponse.of(p.enteredBy(), audit), MoveResponse.of(p.leftBy(), audit));
        }
    }
}
