package com.relationship.benchmarks;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The scale run's accounts: a registration, then purchases, interactions and complaints, with steps
 * up the lifecycle to a stage drawn so every stage holds accounts (most near the bottom, as in a real
 * book of accounts), some lapsing at the end. Business times lie in the year before {@code now}, in
 * order, so silence and spend trends spread the accounts over every churn band. Deterministic per seed.
 */
final class ScaleHistories {

    private static final LifecycleStage[] LADDER = {LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER,
            LifecycleStage.CLIENT, LifecycleStage.SUPPORTER, LifecycleStage.ADVOCATE, LifecycleStage.PARTNER};
    /** Cumulative share of accounts that reach at most each rung of {@link #LADDER}, in percent. */
    private static final int[] REACH = {30, 60, 80, 90, 96, 100};

    private final Random random;
    private final Instant now;

    ScaleHistories(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    /** One account's {@code events} events, enveloped as the relay would publish them. */
    List<EnvelopedAccountEvent> next(int events) {
        UUID account = new UUID(random.nextLong(), random.nextLong());
        int top = rung(random.nextInt(100));
        boolean lapses = top > 0 && random.nextInt(100) < 8;
        // Stage steps go in among the other events, evenly; a lapse is the last event.
        int steps = top + (lapses ? 1 : 0);
        Instant start = now.minus(Duration.ofDays(365 - random.nextInt(120)));
        List<AccountEvent> history = new ArrayList<>(events);
        history.add(new AccountRegistered(account, "Scale " + account.toString().substring(0, 8),
                random.nextBoolean() ? "Manufacturing" : "Retail", 10 + random.nextInt(5_000), null, "EMEA", null));
        int stage = 0;
        List<UUID> open = new ArrayList<>();
        for (int i = 1; i < events; i++) {
            Instant at = timeOf(start, i, events);
            if (lapses && i == events - 1) {
                history.add(new AccountLapsed(account, LADDER[stage], "no order for a year"));
            } else if (stage < top && i >= (stage + 1) * (events - 1) / (steps + 1)) {
                history.add(new LifecycleStageAdvanced(account, LADDER[stage], LADDER[stage + 1]));
                stage++;
            } else {
                history.add(ordinary(account, at, open));
            }
        }
        List<EnvelopedAccountEvent> enveloped = new ArrayList<>(events);
        for (int sequence = 0; sequence < history.size(); sequence++) {
            enveloped.add(new EnvelopedAccountEvent(new UUID(random.nextLong(), random.nextLong()).toString(), account,
                    sequence, timeOf(start, sequence, events), "seeder@benchmarks", UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), "scale-seeder", null, history.get(sequence)));
        }
        return enveloped;
    }

    private AccountEvent ordinary(UUID account, Instant at, List<UUID> open) {
        int roll = random.nextInt(10);
        if (roll < 5) {
            return new PurchaseRecorded(account, UUID.randomUUID(), new BigDecimal(100 + random.nextInt(90_000) + ".50"),
                    random.nextBoolean() ? "EUR" : "USD", at, "order");
        }
        if (roll < 8) {
            return new InteractionRecorded(account, UUID.randomUUID(),
                    InteractionChannel.values()[random.nextInt(InteractionChannel.values().length)],
                    InteractionDirection.values()[random.nextInt(InteractionDirection.values().length)],
                    "Dana (buyer)", "check-in", at);
        }
        if (!open.isEmpty() && random.nextBoolean()) {
            return new ComplaintResolved(account, open.remove(0), "fixed");
        }
        UUID complaint = UUID.randomUUID();
        open.add(complaint);
        return new ComplaintOpened(account, complaint, "late delivery", at.plus(Duration.ofDays(14)));
    }

    /** The i-th of {@code events} business times from {@code start}: 245 days in all, so the last lies 12-132 days ago. */
    private static Instant timeOf(Instant start, int i, int events) {
        return start.plus(Duration.ofMinutes(245L * 24 * 60 * i / events));
    }

    private static int rung(int percent) {
        for (int r = 0; r < REACH.length; r++) {
            if (percent < REACH[r]) {
                return r;
            }
        }
        return REACH.length - 1;
    }
}
