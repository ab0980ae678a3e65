package com.relationship.service.account;

import com.relationship.contracts.commands.EstablishBond;
import com.relationship.contracts.commands.RecordInteraction;
import com.relationship.contracts.commands.RecordPartnershipAgreement;
import com.relationship.contracts.commands.RecordPurchase;
import com.relationship.contracts.commands.RecordSatisfactionSurvey;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When what a command records happened in the business, as opposed to when it was recorded: the
 * command's {@code occurredAt} (metadata {@value #KEY}, set by the web edge from the request), or
 * the time the fact itself states (a purchase's {@code occurredAt}, an agreement's {@code signedAt}),
 * or, said by neither, now. Every event carries it in its metadata; an event stored before it did
 * reads as recorded.
 */
public final class BusinessTime {

    /** The metadata key of a command's and an event's business time (ISO-8601). */
    public static final String KEY = "occurredAt";

    private BusinessTime() {
    }

    /** The business time {@code metadata} names, or {@code otherwise}. */
    public static Instant of(MetaData metadata, Instant otherwise) {
        Object value = metadata.get(KEY);
        if (value == null) {
            return otherwise;
        }
        try {
            return value instanceof Instant instant ? instant : Instant.parse(value.toString());
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("metadata " + KEY + " is not an ISO-8601 instant: " + value, unreadable);
        }
    }

    /** The business time an event's stored metadata names, or {@code recorded} for an event stored before events carried one. */
    public static Instant of(java.util.Map<String, ?> metadata, Instant recorded) {
        return of(MetaData.from(metadata), recorded);
    }

    /** The time a fact command states for itself; null for a command that states none. */
    public static Instant statedBy(Object command) {
        if (command instanceof RecordPurchase purchase) {
            return purchase.occurredAt();
        } else if (command instanceof EstablishBond bond) {
            return bond.occurredAt();
        } else if (command instanceof RecordInteraction interaction) {
            return interaction.occurredAt();
        } else if (command instanceof RecordSatisfactionSurvey survey) {
            return survey.occurredAt();
        } else if (command instanceof RecordPartnershipAgreement agreement) {
            return agreement.signedAt();
        }
        return null;
    }
}
