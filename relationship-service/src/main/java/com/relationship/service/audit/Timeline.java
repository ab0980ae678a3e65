package com.relationship.service.audit;

import com.relationship.account.AccountState;
import com.relationship.service.account.AccountHistory.RecordedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The periods an account spent in each lifecycle stage and KAM stage: when it entered and left,
 * how long it stayed, and the event, actor and reason that moved it in and out. Answers "when did
 * it become a client, and who moved it?".
 */
record Timeline(UUID accountId, List<Period> lifecycle, List<Period> kam) {

    /**
     * @param leftAt   null while the account is still in the stage
     * @param duration how long it stayed (up to its last event while still there), ISO 8601
     * @param leftBy   null while still there
     */
    public record Period(String stage, Instant enteredAt, Instant leftAt, Duration duration, Move enteredBy,
                         Move leftBy) {
    }

    /** The event that moved the account, and who asked for it and why. */
    public record Move(long sequence, String type, String actor, String reason) {

        static Move of(RecordedEvent event) {
            Object actor = event.metadata().get("actor");
            Object reason = event.metadata().get("reason");
            return new Move(event.sequence(), event.type(), actor == null ? null : actor.toString(),
                    reason == null ? null : reason.toString());
        }
    }

    static final class Builder {
        private final UUID accountId;
        private final List<Period> lifecycle = new ArrayList<>();
        private final List<Period> kam = new ArrayList<>();
        private Instant latest; // the latest business time of any event: a fact recorded late may be dated earlier

        Builder(UUID accountId) {
            this.accountId = accountId;
        }

        void observe(AccountState before, AccountState after, RecordedEvent event) {
            latest = latest == null || event.occurredAt().isAfter(latest) ? event.occurredAt() : latest;
            String stageBefore = before == null ? null : before.stage().name();
            if (!Objects.equals(stageBefore, after.stage().name())) {
                move(lifecycle, after.stage().name(), after.stageSince(), event);
            }
            String kamBefore = before == null || before.kamStage() == null ? null : before.kamStage().name();
            String kamAfter = after.kamStage() == null ? null : after.kamStage().name();
            if (kamAfter != null && !Objects.equals(kamBefore, kamAfter)) {
                move(kam, kamAfter, after.kamStageSince(), event);
            }
        }

        /** A move into {@code stage} at {@code enteredAt}: the fold's own business time for it. */
        private static void move(List<Period> periods, String stage, Instant enteredAt, RecordedEvent event) {
            Move move = Move.of(event);
            if (!periods.isEmpty()) {
                Period open = periods.remove(periods.size() - 1);
                periods.add(new Period(open.stage(), open.enteredAt(), enteredAt,
                        Duration.between(open.enteredAt(), enteredAt), open.enteredBy(), move));
            }
            periods.add(new Period(stage, enteredAt, null, Duration.ZERO, move, null));
        }

        Timeline build(AccountState last) {
            return new Timeline(accountId, closeOpen(lifecycle, latest), closeOpen(kam, latest));
        }

        /** The open period lasts, so far, until the latest event the account has, by business time. */
        private static List<Period> closeOpen(List<Period> periods, Instant latest) {
            List<Period> result = new ArrayList<>(periods);
            if (!result.isEmpty()) {
                Period open = result.remove(result.size() - 1);
                Instant until = latest.isAfter(open.enteredAt()) ? latest : open.enteredAt();
                result.add(new Period(open.stage(), open.enteredAt(), null,
                        Duration.between(open.enteredAt(), until), open.enteredBy(), null));
            }
            return List.copyOf(result);
        }
    }
}
