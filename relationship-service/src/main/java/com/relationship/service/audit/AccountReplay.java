package com.relationship.service.audit;

import com.relationship.account.AccountState;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.service.account.AccountHistory;
import com.relationship.service.account.AccountHistory.RecordedEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

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

    /** The account after its last event recorded at or before {@code asOf}. */
    public AccountState asOf(UUID accountId, Instant asOf) {
        List<RecordedEvent> events = history.eventsOf(accountId);
        if (events.get(0).timestamp().isAfter(asOf)) {
            throw NotThen.beforeRegistration(accountId, asOf, events.get(0).timestamp());
        }
        return fold(events, event -> !event.timestamp().isAfter(asOf));
    }

    /** The account right after the event at sequence {@code version}. */
    public AccountState atVersion(UUID accountId, long version) {
        List<RecordedEvent> events = history.eventsOf(accountId);
        long last = events.get(events.size() - 1).sequence();
        if (version < 0 || version > last) {
            throw NotThen.noSuchVersion(accountId, version, last);
        }
        return fold(events, event -> event.sequence() <= version);
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
        AccountState state = null;
        for (RecordedEvent event : events) {
            if (!included.test(event)) {
                break;
            }
            state = step(state, event);
        }
        return state;
    }

    private static AccountState step(AccountState state, RecordedEvent event) {
        return state == null ? AccountState.registered((AccountRegistered) event.payload(), event.timestamp())
                : state.evolve((AccountEvent) event.payload(), event.sequence(), event.timestamp());
    }
}
