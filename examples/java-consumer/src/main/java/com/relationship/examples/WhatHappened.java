package com.relationship.examples;

import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.AccountEventVisitor;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.RelationshipLevelAssessed;
import com.relationship.contracts.events.ProfitabilityDecided;
import com.relationship.contracts.events.ServiceActivityRecorded;
import com.relationship.contracts.events.ValueComponentAssessed;
import com.relationship.contracts.events.WalletEstimated;
import com.relationship.contracts.events.AccountOwnerAssigned;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.CoDevelopmentEngagementRecorded;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.ComplianceReviewRecorded;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactErased;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.ContactRoleAssessed;
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

/**
 * What this consumer does with each event type: here, a sentence. A method per type and no default,
 * so a new type in api-contracts fails the build here until the consumer says what it means to it;
 * a consumer that cares about a few types answers "nothing" for the others, explicitly.
 */
final class WhatHappened implements AccountEventVisitor<String> {

    @Override
    public String visit(AccountRegistered e) {
        return "registered " + e.name() + " (" + e.industry() + ", " + e.region() + ", " + e.classification() + ")";
    }

    @Override
    public String visit(PurchaseRecorded e) {
        return "purchase of " + e.amount().toPlainString() + " " + e.currency() + ": " + e.description();
    }

    @Override
    public String visit(ReferralRecorded e) {
        return "referred " + e.referredCompany();
    }

    @Override
    public String visit(ComplaintOpened e) {
        return "complaint opened: " + e.summary();
    }

    @Override
    public String visit(ComplaintResolved e) {
        return "complaint resolved: " + e.resolution();
    }

    @Override
    public String visit(CoDevelopmentEngagementRecorded e) {
        return "co-development: " + e.description();
    }

    @Override
    public String visit(PartnershipAgreementRecorded e) {
        return "partnership agreement signed " + e.signedAt();
    }

    @Override
    public String visit(ComplianceReviewRecorded e) {
        return "compliance review " + e.outcome() + " by " + e.reviewer();
    }

    @Override
    public String visit(LifecycleStageAdvanced e) {
        return "advanced " + e.from() + " -> " + e.to();
    }

    @Override
    public String visit(LifecycleStageDowngraded e) {
        return "downgraded " + e.from() + " -> " + e.to() + ": " + e.reason();
    }

    @Override
    public String visit(AccountLapsed e) {
        return "lapsed from " + e.lapsedFrom() + ": " + e.reason();
    }

    @Override
    public String visit(AccountWonBack e) {
        return "won back: " + e.reason();
    }

    @Override
    public String visit(ProspectDisqualified e) {
        return "disqualified: " + e.reason();
    }

    @Override
    public String visit(ProspectRequalified e) {
        return "requalified: " + e.reason();
    }

    @Override
    public String visit(AccountClassified e) {
        return "classified " + e.classification();
    }

    @Override
    public String visit(KeyAccountDesignated e) {
        return "designated a key account";
    }

    @Override
    public String visit(KamStageAdvanced e) {
        return "KAM " + e.from() + " -> " + e.to();
    }

    @Override
    public String visit(KeyAccountUncoupled e) {
        return "uncoupled from " + e.from() + ": " + e.reason();
    }

    @Override
    public String visit(BondEstablished e) {
        return e.kind() + " bond: " + e.description();
    }

    @Override
    public String visit(BondDissolved e) {
        return e.kind() + " bond dissolved: " + e.reason();
    }

    @Override
    public String visit(InteractionRecorded e) {
        return e.direction() + " " + e.channel() + " with " + e.contact();
    }

    @Override
    public String visit(SatisfactionSurveyed e) {
        return e.instrument() + " score " + e.score();
    }

    @Override
    public String visit(ContactAdded e) {
        return "contact " + e.name() + " (" + e.role() + ")";
    }

    @Override
    public String visit(ContactRoleAssessed e) {
        return "contact " + e.contactId() + " is " + e.role() + ", influence " + e.influence();
    }

    @Override
    public String visit(ContactLeft e) {
        return "contact " + e.contactId() + " left";
    }

    @Override
    public String visit(ContactErased e) {
        return "contact " + e.contactId() + " erased";
    }

    @Override
    public String visit(AccountOwnerAssigned e) {
        return "owned by " + e.owner() + " (" + e.kind() + ")";
    }

    @Override
    public String visit(ValueComponentAssessed e) {
        return "value assessed: " + e.component() + (e.score() != null ? " " + e.score() + "/100"
                : " " + e.amount().toPlainString() + " " + e.currency());
    }

    @Override
    public String visit(WalletEstimated e) {
        return "wallet in " + e.category() + " for " + e.period() + ": " + e.amount().toPlainString() + " " + e.currency();
    }

    @Override
    public String visit(RelationshipLevelAssessed e) {
        return "relationship level " + e.level() + " of 6";
    }

    @Override
    public String visit(ServiceActivityRecorded e) {
        return "service activity " + e.activity() + (e.quantity() != null ? " x " + e.quantity().toPlainString()
                : ", " + e.amount().toPlainString() + " " + e.currency());
    }

    @Override
    public String visit(ProfitabilityDecided e) {
        return "profitability decided: " + e.decision() + (e.levers().isEmpty() ? "" : " " + e.levers());
    }
}
