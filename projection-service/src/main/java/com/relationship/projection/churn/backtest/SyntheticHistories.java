package com.relationship.projection.churn.backtest;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.SatisfactionSurveyed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded synthetic account histories for proving the backtest (issue 27), used by its tests and by the
 * benchmark harness (not by the running service). Every account buys at its own
 * rhythm, meets its account manager, holds a bond or not and answers a survey now and then. With
 * {@code signalsLead} true, an account that will lapse shows it first, with noise: three to eight months before its
 * lapse its orders thin out and stop, meetings stop, a complaint goes unresolved past its due date and
 * a survey comes back low; some churners show only part of that, and some loyal accounts go through a
 * quiet patch without lapsing. With it false, the lapses are drawn at random, independent of every
 * signal: a backtest that finds signal there has seen the future.
 */
public final class SyntheticHistories {

    /** The histories begin within 90 days of this instant. */
    public static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    /** And end here. */
    public static final Instant END = Instant.parse("2025-12-31T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private SyntheticHistories() {
    }

    /** {@code accounts} histories from {@code seed}; the same seed gives the same histories. */
    public static List<List<EnvelopedAccountEvent>> generate(int accounts, long seed, boolean signalsLead) {
        Random random = new Random(seed);
        List<List<EnvelopedAccountEvent>> histories = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            histories.add(account(random, signalsLead));
        }
        return histories;
    }

    private static List<EnvelopedAccountEvent> account(Random random, boolean signalsLead) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        Instant registered = START.plus(DAY.multipliedBy(random.nextInt(90)));
        int rhythm = 20 + random.nextInt(50);          // days between orders
        int cadence = 14 + random.nextInt(30);         // days between meetings
        BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(4500)).setScale(2);
        boolean churner = random.nextDouble() < 0.3;
        Instant lapse = churner ? registered.plus(DAY.multipliedBy(200 + random.nextInt(
                (int) Duration.between(registered, END).toDays() - 200))) : null;
        // Churners' warning signs start three to eight months before the lapse (a B2B account drifts away
        // over months); some show none of them (noise).
        boolean shows = signalsLead && churner && random.nextDouble() < 0.85;
        Instant warning = lapse == null ? null : latest(lapse.minus(DAY.multipliedBy(90 + random.nextInt(150))),
                registered.plus(DAY.multipliedBy(30)));
        // A loyal account may go quiet for a few months without leaving (without signals, any account may:
        // a quiet patch must say nothing about a lapse there).
        Instant quietFrom = (!churner || !signalsLead) && random.nextDouble() < 0.15
                ? registered.plus(DAY.multipliedBy(150 + random.nextInt(500))) : null;
        Instant quietTo = quietFrom == null ? null : quietFrom.plus(DAY.multipliedBy(60 + random.nextInt(60)));

        List<Dated> events = new ArrayList<>();
        events.add(new Dated(registered, new AccountRegistered(id, "Synthetic " + id, "Manufacturing", 100,
                new BigDecimal("1000000"), "EMEA", Classification.TACTICAL)));
        Instant end = lapse != null ? lapse : END;
        int purchases = 0;
        for (Instant at = registered.plus(DAY.multipliedBy(3)); at.isBefore(end);
             at = at.plus(DAY.multipliedBy(Math.max(1, rhythm + random.nextInt(11) - 5)))) {
            boolean warned = shows && !at.isBefore(warning);
            boolean quiet = quietFrom != null && !at.isBefore(quietFrom) && at.isBefore(quietTo);
            if (quiet || (warned && random.nextDouble() < 0.9)) {
                continue; // orders stop (a few trickle in)
            }
            BigDecimal spent = warned ? amount.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.HALF_EVEN) : amount;
            events.add(new Dated(at, new PurchaseRecorded(id, uuid(random), spent, "EUR", at, "order")));
            purchases++;
            if (purchases == 1) {
                events.add(new Dated(at.plusSeconds(60), new LifecycleStageAdvanced(id, LifecycleStage.PROSPECT,
                        LifecycleStage.CUSTOMER)));
            } else if (purchases == 4) {
                events.add(new Dated(at.plusSeconds(60), new LifecycleStageAdvanced(id, LifecycleStage.CUSTOMER,
                        LifecycleStage.CLIENT)));
            }
        }
        for (Instant at = registered.plus(DAY.multipliedBy(random.nextInt(cadence) + 1)); at.isBefore(end);
             at = at.plus(DAY.multipliedBy(cadence + random.nextInt(7) - 3))) {
            boolean warned = shows && !at.isBefore(warning);
            boolean quiet = quietFrom != null && !at.isBefore(quietFrom) && at.isBefore(quietTo);
            if ((warned && random.nextDouble() < 0.8) || (quiet && random.nextDouble() < 0.5)) {
                continue;
            }
            events.add(new Dated(at, new InteractionRecorded(id, uuid(random), InteractionChannel.MEETING,
                    InteractionDirection.TWO_WAY, "buyer", "review", at)));
        }
        if (random.nextDouble() < 0.5) {
            Instant at = registered.plus(DAY.multipliedBy(10 + random.nextInt(60)));
            BondKind kind = BondKind.values()[random.nextInt(BondKind.values().length)];
            events.add(new Dated(at, new BondEstablished(id, uuid(random), kind, kind + " bond", at, null)));
        }
        for (Instant at = registered.plus(DAY.multipliedBy(60 + random.nextInt(120))); at.isBefore(end);
             at = at.plus(DAY.multipliedBy(150 + random.nextInt(90)))) {
            boolean warned = shows && !at.isBefore(warning);
            int score = warned ? random.nextInt(6) : 6 + random.nextInt(5);
            events.add(new Dated(at, new SatisfactionSurveyed(id, uuid(random), score, SurveyInstrument.NPS,
                    null, at)));
        }
        if (shows && random.nextDouble() < 0.6) {
            Instant at = warning.plus(DAY.multipliedBy(10));
            if (at.isBefore(end)) {
                events.add(new Dated(at, new ComplaintOpened(id, uuid(random), "not heard", at.plus(DAY.multipliedBy(14)))));
            }
        }
        events.sort(Comparator.comparing(Dated::at));
        List<EnvelopedAccountEvent> history = new ArrayList<>();
        for (Dated dated : events) {
            history.add(enveloped(id, history.size(), dated, random));
        }
        if (lapse != null && purchases > 0) { // only an account that bought can lapse
            history.add(enveloped(id, history.size(), new Dated(lapse, new AccountLapsed(id, null, "left")), random));
        }
        return history;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Dated(Instant at, AccountEvent event) {
    }

    private static EnvelopedAccountEvent enveloped(UUID id, int sequence, Dated dated, Random random) {
        return new EnvelopedAccountEvent(uuid(random).toString(), id, sequence, dated.at(), "synthetic", null, null,
                dated.event());
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
