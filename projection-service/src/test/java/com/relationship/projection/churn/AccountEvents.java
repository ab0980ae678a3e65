package com.relationship.projection.churn;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.SatisfactionSurveyed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Builds one account's enveloped events in sequence order, each at a given time, ids "e0", "e1", ... */
public final class AccountEvents {

    public final UUID accountId = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private long sequence;

    public EnvelopedAccountEvent at(Instant at, AccountEvent event) {
        long seq = sequence++;
        return new EnvelopedAccountEvent("e" + seq, accountId, seq, at, "tester", "corr", null, event);
    }

    public EnvelopedAccountEvent registered(Instant at) {
        return at(at, new AccountRegistered(accountId, "Acme", "Manufacturing", 120, new BigDecimal("1000000"),
                "EU", null));
    }

    public EnvelopedAccountEvent advanced(Instant at, LifecycleStage from, LifecycleStage to) {
        return at(at, new LifecycleStageAdvanced(accountId, from, to));
    }

    public EnvelopedAccountEvent lapsed(Instant at, LifecycleStage from) {
        return at(at, new AccountLapsed(accountId, from, "went quiet"));
    }

    public EnvelopedAccountEvent wonBack(Instant at) {
        return at(at, new AccountWonBack(accountId, "new contract"));
    }

    public EnvelopedAccountEvent keyAccount(Instant at) {
        return at(at, new KeyAccountDesignated(accountId, "strategic"));
    }

    public EnvelopedAccountEvent complaint(Instant at, UUID complaintId, Instant dueBy) {
        return at(at, new ComplaintOpened(accountId, complaintId, "late delivery", dueBy));
    }

    public EnvelopedAccountEvent resolved(Instant at, UUID complaintId) {
        return at(at, new ComplaintResolved(accountId, complaintId, "refunded"));
    }

    public EnvelopedAccountEvent purchase(Instant at) {
        return at(at, new PurchaseRecorded(accountId, UUID.randomUUID(), new BigDecimal("100.00"), "EUR", at, "parts"));
    }

    public EnvelopedAccountEvent bond(Instant at, UUID bondId, BondKind kind, Instant validUntil) {
        return at(at, new BondEstablished(accountId, bondId, kind, kind + " bond", at, validUntil));
    }

    public EnvelopedAccountEvent dissolved(Instant at, UUID bondId, BondKind kind) {
        return at(at, new BondDissolved(accountId, bondId, kind, "ended"));
    }

    public EnvelopedAccountEvent interaction(Instant at, InteractionChannel channel, InteractionDirection direction) {
        return at(at, new InteractionRecorded(accountId, UUID.randomUUID(), channel, direction, "Ann", "talk", at));
    }

    public EnvelopedAccountEvent survey(Instant at, int score) {
        return at(at, new SatisfactionSurveyed(accountId, UUID.randomUUID(), score, SurveyInstrument.values()[0],
                "ok", at));
    }
}
