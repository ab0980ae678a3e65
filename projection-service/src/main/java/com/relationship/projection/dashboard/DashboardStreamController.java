package com.relationship.projection.dashboard;

import com.relationship.security.SubjectRateLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;
import java.time.Instant;

/**
 * The dashboard's live changes: one server-sent-event stream per tab ({@code account-status},
 * {@code churn-band}, {@code funnel-tick}, {@code resync}), opened with a single-use ticket.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "What the live dashboard page shows, as snapshots; changes come over its stream")
public class DashboardStreamController {

    public static final String STREAM = "/api/v1/dashboard/stream";
    static final URI TICKET_INVALID = URI.create("/problems/stream-ticket-invalid");
    static final URI STREAM_UNAVAILABLE = URI.create("/problems/stream-unavailable");
    static final URI TOO_MANY_TICKETS = URI.create("/problems/too-many-stream-tickets");
    static final URI TOO_MANY_STREAMS = URI.create("/problems/too-many-streams");

    /** How a stream starts, for the document (LiveHub writes these fields; the status is shortened). */
    private static final String STREAM_EXAMPLE = """
            retry:2000
            :live mhx3k2a1-41

            id:mhx3k2a1-42
            event:account-status
            data:{"accountId":"…","stage":"CUSTOMER",…,"lastAppliedSequence":3,…}

            :heartbeat

            """;

    private final StreamTickets tickets;
    private final LiveHub hub;

    public DashboardStreamController(StreamTickets tickets, LiveHub hub) {
        this.tickets = tickets;
        this.hub = hub;
    }

    /** @param stream the stream's URL with this ticket, ready for {@code new EventSource(stream)} */
    public record StreamTicket(String ticket, Instant expiresAt, String stream) {
    }

    @PostMapping(value = "/stream-tickets", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A single-use ticket for the dashboard's stream, valid for projection.dashboard.ticket-ttl",
            description = "EventSource cannot send an Authorization header: trade the bearer token for a ticket here,"
                    + " then open the stream with it. A ticket opens one stream once, on any instance. 429"
                    + " problem+json with Retry-After past projection.dashboard.ticket-rate for the token's subject.")
    public ResponseEntity<StreamTicket> ticket(Authentication caller) {
        Instant signInUntil = caller instanceof JwtAuthenticationToken jwt ? jwt.getToken().getExpiresAt() : null;
        StreamTickets.Issued issued = tickets.issue(new StreamTickets.Holder(caller.getName(), signInUntil));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new StreamTicket(issued.ticket(), issued.expiresAt(), STREAM + "?ticket=" + issued.ticket()));
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @SecurityRequirements // none: the ticket is the credential (EventSource cannot send a bearer token)
    @Operation(summary = "The dashboard's changes as server-sent events",
            description = "Events account-status (an AccountStatus), churn-band (a ChurnRiskChanged), funnel-tick (the"
                    + " dashboard funnel, at most every projection.dashboard.funnel-tick, when a status changed) and"
                    + " resync (the changes since the tab's last event id are not kept: fetch the snapshots again)."
                    + " Comments are heartbeats. Ids resume: send the last one as Last-Event-ID or lastEventId."
                    + " 401 problem+json for a ticket missing, used or expired; 429 when the subject holds"
                    + " projection.dashboard.streams-per-subject streams here, 503 when the instance holds"
                    + " projection.dashboard.max-streams (both with Retry-After). A stream ends after"
                    + " projection.dashboard.stream-lifetime: reconnect with a new ticket and the last id.")
    @ApiResponse(responseCode = "200", description = "The stream, open until projection.dashboard.stream-lifetime ends"
            + " (or the sign-in behind the ticket does, if sooner)", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(type = "string", description = "Server-sent events (the HTML standard's text/event-stream,"
                    + " read with EventSource): first a retry field and a comment, then one event per change, each with"
                    + " its name (event), a one-line JSON data field and, for account-status and churn-band, an id to"
                    + " resume from; comment lines are heartbeats."),
            examples = @ExampleObject(name = "opening", summary = "The first lines of a stream",
                    description = "The retry field and the opening comment, a status change, a heartbeat; … marks"
                            + " what is left out of the AccountStatus", value = STREAM_EXAMPLE)))
    public ResponseEntity<SseEmitter> stream(
            @Parameter(description = "From POST /api/v1/dashboard/stream-tickets; spent by this call")
            @RequestParam(required = false) String ticket,
            @Parameter(description = "The id of the last event the tab saw (EventSource sends it as Last-Event-ID"
                    + " on its own reconnects)") @RequestParam(required = false) String lastEventId,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader) {
        StreamTickets.Holder holder = tickets.redeem(ticket).orElseThrow(() -> new StreamRefused(ticket == null
                || ticket.isBlank() ? "The stream needs a ticket: POST /api/v1/dashboard/stream-tickets with a bearer"
                + " token (role reader), then open " + STREAM + "?ticket=<ticket>."
                : "This ticket was used already, has expired or was never issued: tickets open one stream once."
                + " Ask POST /api/v1/dashboard/stream-tickets for a new one."));
        String resumeFrom = lastEventId != null ? lastEventId : lastEventIdHeader;
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Accel-Buffering", "no") // nginx and friends: pass each event on at once
                .body(hub.connect(holder.subject(), resumeFrom, holder.signInUntil()));
    }

    static class StreamRefused extends RuntimeException {
        StreamRefused(String message) {
            super(message);
        }
    }

    @ExceptionHandler(StreamRefused.class)
    ResponseEntity<ProblemDetail> refused(StreamRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage());
        problem.setType(TICKET_INVALID);
        problem.setTitle("Stream ticket missing or spent");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "StreamTicket realm=\"dashboard-stream\"").body(problem);
    }

    @ExceptionHandler(StreamTickets.TooManyTickets.class)
    ResponseEntity<ProblemDetail> tooManyTickets(StreamTickets.TooManyTickets refused) {
        return busy(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_TICKETS, "Too many stream tickets", refused.getMessage(),
                SubjectRateLimit.retryAfterSeconds(refused.retryAfter()));
    }

    @ExceptionHandler(LiveHub.TooManyStreams.class)
    ResponseEntity<ProblemDetail> tooManyStreams(LiveHub.TooManyStreams refused) {
        return busy(refused.instanceFull() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS,
                TOO_MANY_STREAMS, "Too many streams", refused.getMessage(),
                SubjectRateLimit.retryAfterSeconds(refused.retryAfter()));
    }

    private static ResponseEntity<ProblemDetail> busy(HttpStatus status, URI type, String title, String detail,
                                                      long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(problem);
    }

    @ExceptionHandler(LiveHub.NotRunning.class)
    ResponseEntity<ProblemDetail> notRunning(LiveHub.NotRunning notRunning) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The dashboard stream is not running here (the instance is starting or stopping); reconnect in a moment.");
        problem.setType(STREAM_UNAVAILABLE);
        problem.setTitle("Stream unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "2").body(problem);
    }
}
