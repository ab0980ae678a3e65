package com.relationship.service.audit;

import com.relationship.account.AccountState;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.service.account.AccountHistory;
import com.relationship.service.account.AccountHistory.RecordedEvent;
import com.relationship.service.account.UnknownAccountException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An account's past, replayed from its whole stored history with the one fold
 * ({@link AccountState#evolve}): the state at an instant or a version, and the periods it spent
 * in each stage.
 */
@Component
public class AccountReplay {

    private final AccountHistory history;

    public AccountReplay(AccountHistory history) {
        this.history = history;
    }

    /**
     * The account as it was at {@code asOf} in business time: folded from every event dated at or
     * before it, facts recorded later but dated earlier included (a history recorded late tells what
     * was). Moves are dated in their order, so a later move never precedes an included one. The whole
     * history is read, in the store's batches, one batch at a time.
     */
    public AccountState asOf(UUID accountId, Instant asOf) {
        try (Stream<RecordedEvent> events = history.stream(accountId)) {
            Iterator<RecordedEvent> stored = events.iterator();
            if (!stored.hasNext()) {
                throw new UnknownAccountException(accountId);
            }
            RecordedEvent registration = stored.next();
            AccountState state = step(null, registration);
            if (state.registeredAt().isAfter(asOf)) {
                throw NotThen.beforeRegistration(accountId, asOf, state.registeredAt());
            }
            while (stored.hasNext()) {
                RecordedEvent event = stored.next();
                if (!event.occurredAt().isAfter(asOf)) {
                    state = step(state, event);
                }
            }
            return state;
        }
    }

    /** The account right after the event at sequence {@code version}, read no further than it. */
    public AccountState atVersion(UUID accountId, long version) {
        long last = history.lastSequence(accountId).orElseThrow(() -> new UnknownAccountException(accountId));
        if (version < 0 || version > last) {
            throw NotThen.noSuchVersion(accountId, version, last);
        }
        try (Stream<RecordedEvent> events = history.stream(accountId)) {
            return foldOnto(null, events.iterator(), event -> event.sequence() <= version);
        }
    }

    /** The account now, folded the same way. */
    public AccountState now(UUID accountId) {
        return fold(history.eventsOf(accountId), event -> true);
    }

    /** Every stage period of the lifecycle and the KAM track, in order. */
    public Timeline timeline(UUID accountId) {
        List<RecordedEvent> events = history.eventsOf(accountId);
        Timeline.Builder timeline = new Timeline.Builder(accountId);
        AccountState state = null;
        for (RecordedEvent event : events) {
            AccountState before = state;
            state = step(state, event);
            timeline.observe(before, state, event);
        }
        return timeline.build(state);
    }

    static AccountState fold(List<RecordedEvent> events, Predicate<RecordedEvent> included) {
        return foldOnto(null, events.iterator(), included);
    }

    /** {@code state} evolved by the events that follow, up to the first one not {@code included}. */
    private static AccountState foldOnto(AccountState state, Iterator<RecordedEvent> events,
                                         Predicate<RecordedEvent> included) {
        while (events.hasNext()) {
            RecordedEvent event = events.next();
            if (!included.test(event)) {
                break;
            }
            state = step(state, event);
        }
        return state;
    }

    private static AccountState step(AccountState state, RecordedEvent event) {
        return state == null ? AccountState.registered((AccountRegistered) event.payload(), event.occurredAt())
                : state.evolve((AccountEvent) event.payload(), event.sequence(), event.occurredAt());
    }
}
