package com.relationship.projection.status;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.EnvelopedAccountEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Builds one account's event history for tests: sequence 0, 1, 2, ... a day apart. */
public final class AccountHistory {

    public static final Instant START = Instant.parse("2026-01-05T08:00:00.123456Z");

    private final UUID accountId;
    private final List<EnvelopedAccountEvent> events = new ArrayList<>();

    private AccountHistory(UUID accountId) {
        this.accountId = accountId;
    }

    public static AccountHistory registered(UUID accountId, String name) {
        AccountHistory history = new AccountHistory(accountId);
        history.then(id -> new AccountRegistered(id, name, "Manufacturing", 1200, new BigDecimal("250000000.00"),
                "EMEA", Classification.TACTICAL));
        return history;
    }

    /** Registered with {@code annualRevenue} in {@code currency} (issue 29): null for none, or for an old registration's. */
    public static AccountHistory registeredWith(UUID accountId, String name, BigDecimal annualRevenue, String currency) {
        AccountHistory history = new AccountHistory(accountId);
        history.then(id -> new AccountRegistered(id, name, "Manufacturing", 1200, annualRevenue, "EMEA",
                Classification.TACTICAL, null, currency));
        return history;
    }

    /** Registered as of {@code since}, when the relationship began: a history recorded late starts there. */
    public static AccountHistory registeredSince(UUID accountId, String name, Instant since) {
        AccountHistory history = new AccountHistory(accountId);
        history.thenDated(since, id -> new AccountRegistered(id, name, "Manufacturing", 1200,
                new BigDecimal("250000000.00"), "EMEA", Classification.TACTICAL, since));
        return history;
    }

    public AccountHistory then(Function<UUID, AccountEvent> event) {
        long sequence = events.size();
        events.add(new EnvelopedAccountEvent(UUID.randomUUID().toString(), accountId, sequence, at(sequence),
                "alice", "corr-" + sequence, "cmd-" + sequence, event.apply(accountId)));
        return this;
    }

    /** One more event, recorded a day after the last but dated {@code businessTime}: a history recorded late. */
    public AccountHistory thenDated(Instant businessTime, Function<UUID, AccountEvent> event) {
        long sequence = events.size();
        events.add(new EnvelopedAccountEvent(UUID.randomUUID().toString(), accountId, sequence, at(sequence),
                "alice", "corr-" + sequence, "cmd-" + sequence, null, null, event.apply(accountId), businessTime));
        return this;
    }

    public static Instant at(long sequence) {
        return START.plus(Duration.ofDays(sequence));
    }

    public UUID accountId() {
        return accountId;
    }

    public List<EnvelopedAccountEvent> events() {
        return List.copyOf(events);
    }

    public EnvelopedAccountEvent get(int sequence) {
        return events.get(sequence);
    }
}
