package com.relationship.benchmarks;

import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.AccountOwnerAssigned;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactErased;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.ContactRoleAssessed;
import com.relationship.contracts.events.RelationshipLevelAssessed;
import com.relationship.contracts.events.ProfitabilityDecided;
import com.relationship.contracts.events.ServiceActivityRecorded;
import com.relationship.contracts.events.ValueComponentAssessed;
import com.relationship.contracts.events.WalletEstimated;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventVisitor;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.CoDevelopmentEngagementRecorded;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.ComplianceReviewRecorded;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.KamStageAdvanced;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.KeyAccountUncoupled;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.PartnershipAgreementRecorded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ProspectRequalified;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.contracts.events.SatisfactionSurveyed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST command a user would send to record an event of a synthetic history (docs/commands.md), dated
 * by its business time: the event's own {@code occurredAt} where it states one (purchase, bond,
 * interaction, survey), otherwise the command's optional {@code occurredAt}, which every command takes
 * (a registration's is when the relationship began). Only the event types {@code SyntheticHistories}
 * records are mapped; the rest would need ids the service mints (a complaint's, a bond's) carried over
 * from earlier answers, and no history here has them.
 */
final class HistoryCommands implements AccountEventVisitor<HistoryCommands.Command> {

    /**
     * A command to send.
     *
     * @param path under {@code /api/v1}
     * @param body the request's JSON fields, in order
     */
    record Command(String path, Map<String, Object> body) {
    }

    private final Instant businessTime;

    private HistoryCommands(Instant businessTime) {
        this.businessTime = businessTime;
    }

    /** The command that records {@code event} as it happened. */
    static Command of(EnvelopedAccountEvent event) {
        return event.event().accept(new HistoryCommands(event.businessTime()));
    }

    @Override
    public Command visit(AccountRegistered event) {
        return new Command("/accounts", fields("accountId", event.accountId(), "name", event.name(),
                "industry", event.industry(), "employeeCount", event.employeeCount(),
                "annualRevenue", event.annualRevenue(), "annualRevenueCurrency", event.annualRevenueCurrency(),
                "region", event.region(),
                "classification", event.classification(), "occurredAt", businessTime));
    }

    @Override
    public Command visit(PurchaseRecorded event) {
        return on(event, "/purchases", fields("amount", event.amount(), "currency", event.currency(),
                "occurredAt", event.occurredAt(), "description", event.description(), "orderRef", event.orderRef()));
    }

    @Override
    public Command visit(LifecycleStageAdvanced event) {
        return on(event, "/lifecycle/advance", fields("targetStage", event.to(), "occurredAt", businessTime));
    }

    @Override
    public Command visit(AccountLapsed event) {
        return on(event, "/lifecycle/lapse", fields("reason", event.reason(), "occurredAt", businessTime));
    }

    @Override
    public Command visit(ComplaintOpened event) {
        // When it was raised is the command's occurredAt; dueBy is after it (Rule.DUE_BEFORE_RAISED).
        return on(event, "/complaints", fields("summary", event.summary(), "dueBy", event.dueBy(),
                "occurredAt", businessTime));
    }

    @Override
    public Command visit(BondEstablished event) {
        return on(event, "/bonds", fields("kind", event.kind(), "description", event.description(),
                "occurredAt", event.occurredAt(), "validUntil", event.validUntil()));
    }

    @Override
    public Command visit(InteractionRecorded event) {
        return on(event, "/interactions", fields("channel", event.channel(), "direction", event.direction(),
                "contact", event.contact(), "summary", event.summary(), "occurredAt", event.occurredAt(),
                "ref", event.ref()));
    }

    @Override
    public Command visit(SatisfactionSurveyed event) {
        return on(event, "/satisfaction-surveys", fields("score", event.score(), "instrument", event.instrument(),
                "comment", event.comment(), "occurredAt", event.occurredAt(), "ref", event.ref()));
    }

    @Override
    public Command visit(ReferralRecorded event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ComplaintResolved event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(CoDevelopmentEngagementRecorded event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(PartnershipAgreementRecorded event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ComplianceReviewRecorded event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(LifecycleStageDowngraded event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(AccountWonBack event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ProspectDisqualified event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ProspectRequalified event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(AccountClassified event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(KeyAccountDesignated event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(KamStageAdvanced event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(KeyAccountUncoupled event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(BondDissolved event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ContactAdded event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ContactRoleAssessed event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ContactLeft event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ContactErased event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(AccountOwnerAssigned event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ValueComponentAssessed event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(WalletEstimated event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(RelationshipLevelAssessed event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ServiceActivityRecorded event) {
        return notInTheSyntheticHistories(event);
    }

    @Override
    public Command visit(ProfitabilityDecided event) {
        return notInTheSyntheticHistories(event);
    }

    private static Command on(AccountEvent event, String path, Map<String, Object> body) {
        return new Command("/accounts/" + event.accountId() + path, body);
    }

    /**
     * Name, value, name, value...: numbers stay JSON numbers, ids, instants and enums become their strings;
     * a null value is left out (each such field is optional and the history has none).
     */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                fields.put((String) namesAndValues[i], value instanceof Number ? value : value.toString());
            }
        }
        return fields;
    }

    private static Command notInTheSyntheticHistories(AccountEvent event) {
        throw new IllegalArgumentException("SyntheticHistories records no " + event.getClass().getSimpleName()
                + ": add its command here before recording a history that has one");
    }
}
