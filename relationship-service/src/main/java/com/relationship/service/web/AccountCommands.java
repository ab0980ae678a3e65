package com.relationship.service.web;

import com.relationship.contracts.commands.AccountCommand;
import com.relationship.contracts.commands.RegisterAccount;
import com.relationship.service.account.AccountRuleViolation;
import com.relationship.service.infra.AuditMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one way the web edge talks to the write side: sends a command through Axon's
 * {@link CommandGateway} with the audit metadata of the current request, waits for the outcome,
 * and counts it ({@code relationship.commands} by command, outcome and rule).
 */
@Component
public class AccountCommands {

    private final CommandGateway gateway;
    private final MeterRegistry meters;

    public AccountCommands(CommandGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.meters = meters;
    }

    /** Sends a command to an existing account; answers 200 with the account's new version. */
    public ResponseEntity<CommandAccepted> send(AccountCommand command) {
        return send(command, null);
    }

    /** As {@link #send(AccountCommand)}, recording the command's reason in the events' metadata too. */
    public ResponseEntity<CommandAccepted> send(AccountCommand command, String reason) {
        long version = dispatch(command, reason);
        return ResponseEntity.ok().eTag(Long.toString(version)).body(new CommandAccepted(command.accountId(), version));
    }

    /** Registers an account; answers 201 with its Location. */
    public ResponseEntity<CommandAccepted> register(RegisterAccount command) {
        dispatch(command, null);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + command.accountId()))
                .eTag("0")
                .body(new CommandAccepted(command.accountId(), 0));
    }

    long dispatch(AccountCommand command, String reason) {
        String type = command.getClass().getSimpleName();
        try {
            Object result = gateway.sendAndWait(command, metadata(reason));
            meters.counter("relationship.commands", "command", type, "outcome", "accepted", "rule", "none")
                    .increment();
            return result instanceof Number number ? number.longValue() : 0L;
        } catch (AccountRuleViolation refused) {
            meters.counter("relationship.commands", "command", type, "outcome", "refused", "rule",
                    refused.rule().name()).increment();
            throw refused;
        } catch (RuntimeException failed) {
            meters.counter("relationship.commands", "command", type, "outcome", "failed", "rule",
                    failed.getClass().getSimpleName()).increment();
            throw failed;
        }
    }

    private static MetaData metadata(String reason) {
        Map<String, Object> values = new HashMap<>();
        values.put(AuditMetadata.ACTOR, orElse(MDC.get(AuditContextFilter.ACTOR), AuditContextFilter.ANONYMOUS));
        values.put(AuditMetadata.CORRELATION_ID, orElse(MDC.get(AuditContextFilter.CORRELATION_ID),
                UUID.randomUUID().toString()));
        if (reason != null && !reason.isBlank()) {
            values.put(AuditMetadata.REASON, reason.strip());
        }
        return MetaData.from(values);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
