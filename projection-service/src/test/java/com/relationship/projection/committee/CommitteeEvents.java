package com.relationship.projection.committee;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactErased;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.ContactRoleAssessed;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.projection.churn.AccountEvents;
import com.relationship.projection.churn.ChurnModel;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One account's committee events, ids "e0", "e1", ..., and the fold of them by the default model. */
abstract class CommitteeEvents {

    static final Instant T0 = Instant.parse("2026-01-01T09:00:00.123456Z");
    static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-0000000000a0");
    static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000b0");

    AccountEvents events = new AccountEvents();
    final CommitteeReadModel model = new CommitteeReadModel(ChurnModel.defaults());

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    CommitteeView fold(EnvelopedAccountEvent... all) {
        CommitteeView view = null;
        for (EnvelopedAccountEvent e : all) {
            view = model.apply(view, e);
        }
        return view;
    }

    EnvelopedAccountEvent added(Instant at, UUID contact, String name, ContactRole role, int influence) {
        return events.at(at, new ContactAdded(events.accountId, contact, name, "Head of " + role, name + "@example.com",
                "+49 30 1234", role, influence, InteractionChannel.MEETING));
    }

    EnvelopedAccountEvent assessed(Instant at, UUID contact, ContactRole role, int influence, String reason) {
        return events.at(at, new ContactRoleAssessed(events.accountId, contact, role, influence, reason));
    }

    EnvelopedAccountEvent left(Instant at, UUID contact, String reason) {
        return events.at(at, new ContactLeft(events.accountId, contact, reason));
    }

    EnvelopedAccountEvent erased(Instant at, UUID contact) {
        return events.at(at, new ContactErased(events.accountId, contact, "Art. 17 request"));
    }

    EnvelopedAccountEvent talk(Instant recorded, Instant happened, UUID contact, InteractionDirection direction) {
        return events.at(recorded, new InteractionRecorded(events.accountId, UUID.randomUUID(), InteractionChannel.CALL,
                direction, contact == null ? "Dana (buyer)" : null, "call", happened, null, contact));
    }

}
