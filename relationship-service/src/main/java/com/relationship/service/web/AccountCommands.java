package com.relationship.service.web;

import com.relationship.contracts.commands.AccountCommand;
import com.relationship.contracts.commands.RegisterAccount;
import com.relationship.security.Actor;
import com.relationship.service.account.Account;
import com.relationship.service.account.AccountHistory;
import com.relationship.service.account.AccountRuleViolation;
import com.relationship.service.account.BusinessTime;
import com.relationship.service.account.Replayed;
import com.relationship.service.account.StaleAccountVersion;
import com.relationship.service.infra.AuditMetadata;
import com.relationship.service.infra.CurrentTrace;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way the web edge talks to the write side: sends a command through Axon's
 * {@link CommandGateway} with the audit metadata of the current request, waits for the outcome,
 * and counts it ({@code relationship.commands} by command, outcome and rule).
 *
 * <p>It also carries the request's safety nets to the aggregate: {@code If-Match} becomes the
 * command's expected version (checked by the aggregate under its lock), the
 * {@code Idempotency-Key} goes into the events' metadata and decides the ids the command mints,
 * and a command that loses a concurrent append is re-run ({@link ConflictRetries}).
 */
@Component
public class AccountCommands implements AutoCloseable {

    private final CommandGateway gateway;
    private final ConflictRetries conflictRetries;
    private final MeterRegistry meters;
    private final AccountHistory history;
    private final CurrentTrace trace;

    public AccountCommands(CommandBus commandBus, MeterRegistry meters, AccountHistory history,
                           ApiProperties properties, CurrentTrace trace) {
        this.trace = trace;
        this.conflictRetries = new ConflictRetries(properties, meters);
        this.gateway = DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(conflictRetries).build();
        this.meters = meters;
        this.history = history;
    }

    /** Spring calls it when the context closes: the retry thread ends with it. */
    @Override
    public void close() {
        conflictRetries.close();
    }

    /** Sends a command to an existing account; answers 200 with the account's new version. */
    public ResponseEntity<CommandAccepted> send(AccountCommand command) {
        return send(command, null);
    }

    /** As {@link #send(AccountCommand)}, recording the command's reason in the events' metadata too. */
    public ResponseEntity<CommandAccepted> send(AccountCommand command, String reason) {
        return send(command, reason, null);
    }

    /**
     * As {@link #send(AccountCommand, String)} (reason may be null), dated {@code occurredAt}: when what it
     * records happened in the business, checked and carried on its events by the aggregate
     * ({@link BusinessTime}); null for now, or for the time the fact itself states.
     */
    public ResponseEntity<CommandAccepted> send(AccountCommand command, String reason, Instant occurredAt) {
        Outcome outcome = dispatch(command, reason, occurredAt);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(Long.toString(outcome.version()));
        if (outcome.replayed()) {
            answer.header(IdempotencyFilter.REPLAYED, "true");
        }
        return answer.body(new CommandAccepted(command.accountId(), outcome.version()));
    }

    /**
     * As {@link #send(AccountCommand, String, Instant)}, answering {@code body} of what was accepted (a
     * command that mints an id answers the id too: complaints, bonds, contacts), with the ETag. Without
     * {@code Idempotent-Replayed}, as these answers always were ({@code SafeRetriesTest} holds it).
     */
    public <T> ResponseEntity<T> send(AccountCommand command, String reason, Instant occurredAt,
                                      Function<CommandAccepted, T> body) {
        CommandAccepted accepted = send(command, reason, occurredAt).getBody();
        return ResponseEntity.ok().eTag(Long.toString(accepted.version())).body(body.apply(accepted));
    }

    /**
     * What became of a command: the account's version after it, and whether that is the answer of an
     * earlier command that recorded the same fact (nothing stored this time).
     */
    record Outcome(long version, boolean replayed) {
    }

    /** Registers an account, its relationship begun at {@code occurredAt} (null: now); answers 201 with its Location. */
    public ResponseEntity<CommandAccepted> register(RegisterAccount command, Instant occurredAt) {
        dispatch(command, null, occurredAt);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + command.accountId()))
                .eTag("0")
                .body(new CommandAccepted(command.accountId(), 0));
    }

    /**
     * The id of a new {@code kind} of fact ("purchase", "complaint", ...) of {@code owner}: derived
     * from the request's Idempotency-Key when it has one, so every retry names the same fact.
     */
    public UUID newId(String kind, UUID owner) {
        IdempotentRequest idempotent = IdempotentRequest.current();
        return idempotent == null ? UUID.randomUUID() : idempotent.derivedId(kind, owner);
    }

    /** The id of an account registered without one: derived from the Idempotency-Key when there is one. */
    public UUID newAccountId() {
        return newId("account", null);
    }

    Outcome dispatch(AccountCommand command, String reason, Instant occurredAt) {
        String type = command.getClass().getSimpleName();
        OptionalLong alreadyStored = storedByEarlierAttempt(command);
        if (alreadyStored.isPresent()) {
            count(type, "replayed", "none");
            return new Outcome(alreadyStored.getAsLong(), true);
        }
        try {
            Object result = gateway.sendAndWait(command, metadata(reason, occurredAt));
            if (result instanceof Replayed replayed) {
                count(type, "replayed", "none");
                return new Outcome(replayed.version(), true);
            }
            count(type, "accepted", "none");
            return new Outcome(result instanceof Number number ? number.longValue() : 0L, false);
        } catch (AccountRuleViolation refused) {
            count(type, "refused", refused.rule().name());
            throw refused;
        } catch (StaleAccountVersion stale) {
            count(type, "refused", "STALE_VERSION");
            throw stale;
        } catch (RuntimeException failed) {
            count(type, "failed", failed.getClass().getSimpleName());
            throw failed;
        }
    }

    /**
     * When an earlier attempt with this request's Idempotency-Key ended without an answer (a timeout
     * after the insert was sent, a crash), its event may be stored: find it by the key in the
     * account's metadata and answer its version instead of storing the fact twice.
     */
    private OptionalLong storedByEarlierAttempt(AccountCommand command) {
        IdempotentRequest idempotent = IdempotentRequest.current();
        if (idempotent == null || !idempotent.outcomeUnknown()) {
            return OptionalLong.empty();
        }
        return history.lastSequenceWith(command.accountId(), Map.of(AuditMetadata.IDEMPOTENCY_KEY, idempotent.key(),
                AuditMetadata.ACTOR, idempotent.actor()));
    }

    private void count(String type, String outcome, String rule) {
        meters.counter("relationship.commands", "command", type, "outcome", outcome, "rule", rule).increment();
    }

    private MetaData metadata(String reason, Instant occurredAt) {
        Map<String, Object> values = new HashMap<>();
        String traceparent = trace.traceparent();
        if (traceparent != null) {
            values.put(AuditMetadata.TRACEPARENT, traceparent);
        }
        if (occurredAt != null) {
            values.put(BusinessTime.KEY, occurredAt.toString());
        }
        Actor actor = Actor.required(); // the verified token's subject, never a header
        values.put(AuditMetadata.ACTOR, actor.subject());
        if (actor.clientId() != null) {
            values.put(AuditMetadata.CLIENT_ID, actor.clientId());
        }
        values.put(AuditMetadata.CORRELATION_ID, orElse(MDC.get(AuditContextFilter.CORRELATION_ID),
                UUID.randomUUID().toString()));
        if (reason != null && !reason.isBlank()) {
            values.put(AuditMetadata.REASON, reason.strip());
        }
        IdempotentRequest idempotent = IdempotentRequest.current();
        if (idempotent != null) {
            values.put(AuditMetadata.IDEMPOTENCY_KEY, idempotent.key());
        }
        Long expected = IfMatch.expectedVersion(currentHeader(HttpHeaders.IF_MATCH));
        if (expected != null) {
            values.put(Account.EXPECTED_VERSION, expected);
        }
        return MetaData.from(values);
    }

    private static String currentHeader(String name) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getHeader(name) : null;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
