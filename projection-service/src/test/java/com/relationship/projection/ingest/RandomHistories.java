package com.relationship.projection.ingest;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.ContactRoleAssessed;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.SatisfactionSurveyed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random but plausible account histories for a workload: a registration, then purchases, a step to
 * CUSTOMER after the first one, complaints opened and sometimes resolved, interactions of every
 * channel and direction, surveys, bonds of every kind (some running out within weeks) and a KAM
 * designation; for half the accounts a buying committee. Business times lie in the weeks before {@code now}.
 */
final class RandomHistories {

    private RandomHistories() {
    }

    static List<AccountEvent> of(UUID account, Random random, Instant now) {
        List<AccountEvent> events = new ArrayList<>();
        events.add(new AccountRegistered(account, "Workload " + account.toString().substring(0, 8), "Retail",
                10 + random.nextInt(5000), null, "EMEA", null));
        boolean purchased = false;
        boolean customer = false;
        List<UUID> openComplaints = new ArrayList<>();
        int more = 1 + random.nextInt(9);
        for (int i = 0; i < more; i++) {
            Instant past = now.minus(Duration.ofHours(1 + random.nextInt(50 * 24)));
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    events.add(new PurchaseRecorded(account, UUID.randomUUID(),
                            new BigDecimal(100 + random.nextInt(90000) + ".50"), random.nextBoolean() ? "EUR" : "USD",
                            past, "order"));
                    purchased = true;
                }
                case 2 -> {
                    if (purchased && !customer) {
                        events.add(new LifecycleStageAdvanced(account, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
                        customer = true;
                    } else {
                        events.add(new KeyAccountDesignated(account, "growing"));
                    }
                }
                case 3 -> {
                    if (!openComplaints.isEmpty() && random.nextBoolean()) {
                        events.add(new ComplaintResolved(account, openComplaints.remove(0), "fixed"));
                    } else {
                        UUID complaint = UUID.randomUUID();
                        openComplaints.add(complaint);
                        events.add(new ComplaintOpened(account, complaint, "late delivery",
                                now.plus(Duration.ofDays(random.nextInt(30) - 15))));
                    }
                }
                case 4, 5 -> events.add(new InteractionRecorded(account, UUID.randomUUID(),
                        InteractionChannel.values()[random.nextInt(InteractionChannel.values().length)],
                        InteractionDirection.values()[random.nextInt(InteractionDirection.values().length)],
                        "Dana (buyer)", "check-in", past));
                case 6 -> events.add(new SatisfactionSurveyed(account, UUID.randomUUID(), random.nextInt(11),
                        SurveyInstrument.values()[random.nextInt(SurveyInstrument.values().length)], "ok", past));
                default -> events.add(new BondEstablished(account, UUID.randomUUID(),
                        BondKind.values()[random.nextInt(BondKind.values().length)], "bond", past,
                        random.nextBoolean() ? null : now.plus(Duration.ofDays(5 + random.nextInt(60)))));
            }
        }
        if (random.nextBoolean()) {
            committee(account, random, now, events);
        }
        return events;
    }

    /** A champion and a decision maker, talked with (or named in free text), re-assessed, and sometimes one leaving. */
    private static void committee(UUID account, Random random, Instant now, List<AccountEvent> events) {
        UUID champion = UUID.randomUUID();
        UUID decisionMaker = UUID.randomUUID();
        events.add(new ContactAdded(account, champion, "Ann", "COO", "ann@example.com", null, ContactRole.CHAMPION,
                3 + random.nextInt(3), InteractionChannel.MEETING));
        events.add(new ContactAdded(account, decisionMaker, "Ben", "CFO", null, null, ContactRole.DECISION_MAKER,
                1 + random.nextInt(5), null));
        for (int i = random.nextInt(4); i > 0; i--) {
            UUID with = switch (random.nextInt(3)) {
                case 0 -> champion;
                case 1 -> decisionMaker;
                default -> null;
            };
            events.add(new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.CALL,
                    InteractionDirection.values()[random.nextInt(InteractionDirection.values().length)],
                    with == null ? "Dana (buyer)" : null, "call", now.minus(Duration.ofDays(random.nextInt(40))), null, with));
        }
        if (random.nextBoolean()) {
            events.add(new ContactRoleAssessed(account, decisionMaker, ContactRole.SPONSOR, 5, "funds it"));
        }
        if (random.nextBoolean()) {
            events.add(new ContactLeft(account, champion, "moved on"));
        }
    }
}
