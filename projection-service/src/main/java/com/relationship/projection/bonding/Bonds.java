package com.relationship.projection.bonding;

import com.relationship.contracts.events.*;


import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one fold of an account's bond list, used by the bonding view and by the churn facts alike, so
 * the two can never disagree on which bonds an account holds.
 */
public final class Bonds {

    private Bonds() {
    }

    /**
     * The bonds after {@code event}: a BondEstablished adds its bond (since = its business time), a
     * BondDissolved removes it; any other event leaves {@code bonds} itself.
     */
    public static List<Bond> apply(List<Bond> bonds, EnvelopedAccountEvent event) {
        return event.event().accept(new Fold(bonds, event));
    }

    /** One step of the fold: the bonds after one event. */
    private record Fold(List<Bond> bonds, EnvelopedAccountEvent enveloped) implements AccountEventVisitor<List<Bond>> {

        @Override
        public List<Bond> visit(AccountRegistered event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(PurchaseRecorded event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ReferralRecorded event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ComplaintOpened event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ComplaintResolved event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(CoDevelopmentEngagementRecorded event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(PartnershipAgreementRecorded event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ComplianceReviewRecorded event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(LifecycleStageAdvanced event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(LifecycleStageDowngraded event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(AccountLapsed event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(AccountWonBack event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ProspectDisqualified event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ProspectRequalified event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(AccountClassified event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(KeyAccountDesignated event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(KamStageAdvanced event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(KeyAccountUncoupled event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(BondEstablished event) {
            List<Bond> next = new ArrayList<>(without(bonds, event.bondId()));
            Instant since = event.occurredAt() != null ? event.occurredAt() : enveloped.businessTime();
            next.add(new Bond(event.bondId(), event.kind(), event.description(), since, event.validUntil(),
                    enveloped.eventId()));
            return List.copyOf(next);
        }

        @Override
        public List<Bond> visit(BondDissolved event) {
            return without(bonds, event.bondId());
        }

        @Override
        public List<Bond> visit(InteractionRecorded event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(SatisfactionSurveyed event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ContactAdded event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ContactRoleAssessed event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ContactLeft event) {
            return bonds; // the SOCIAL bonds with them end by their own BondDissolved, in the same step
        }

        @Override
        public List<Bond> visit(ContactErased event) {
            return bonds; // a bond names the contact by id, never by name: nothing personal here
        }

        @Override
        public List<Bond> visit(AccountOwnerAssigned event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ValueComponentAssessed event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(WalletEstimated event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(RelationshipLevelAssessed event) {
            return bonds; // holds no bond
        }

        @Override
        public List<Bond> visit(ServiceActivityRecorded event) {
            return bonds; // a cost of serving the account, not a bond
        }

        @Override
        public List<Bond> visit(ProfitabilityDecided event) {
            return bonds; // a decision about the account, not a bond
        }
    }

    /** The bonds still in force or yet to start at {@code now}: one past its validUntil has dissolved by itself. */
    public static List<Bond> notEnded(List<Bond> bonds, Instant now) {
        List<Bond> kept = bonds.stream().filter(b -> b.validUntil() == null || now.isBefore(b.validUntil())).toList();
        return kept.size() == bonds.size() ? bonds : kept;
    }

    private static List<Bond> without(List<Bond> bonds, java.util.UUID bondId) {
        return bonds.stream().filter(bond -> !bond.bondId().equals(bondId)).toList();
    }
}
