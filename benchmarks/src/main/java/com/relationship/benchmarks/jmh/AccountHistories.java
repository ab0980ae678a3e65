package com.relationship.benchmarks.jmh;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.PurchaseRecorded;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A made-up account history for the JMH benchmarks: a registration, then purchases and interactions by turns. */
final class AccountHistories {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private AccountHistories() {
    }

    static List<EnvelopedAccountEvent> of(int events) {
        UUID account = UUID.nameUUIDFromBytes(("bench-" + events).getBytes());
        List<EnvelopedAccountEvent> history = new ArrayList<>(events);
        for (int sequence = 0; sequence < events; sequence++) {
            Instant at = START.plusSeconds(3_600L * sequence);
            history.add(new EnvelopedAccountEvent(UUID.randomUUID().toString(), account, sequence, at, "bench@sales",
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), "crm-sync", null,
                    event(account, sequence, at)));
        }
        return history;
    }

    private static AccountEvent event(UUID account, int sequence, Instant at) {
        if (sequence == 0) {
            return new AccountRegistered(account, "Bench Industrial GmbH", "Manufacturing", 1_200,
                    new BigDecimal("250000000"), "EMEA", Classification.STRATEGIC);
        }
        if (sequence % 2 == 1) {
            return new PurchaseRecorded(account, UUID.randomUUID(), new BigDecimal("1200.50"), "EUR", at,
                    "purchase " + sequence);
        }
        return new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.MEETING, InteractionDirection.TWO_WAY,
                "J. Doe", "quarterly review " + sequence, at);
    }
}
