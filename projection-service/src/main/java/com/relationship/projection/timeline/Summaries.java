package com.relationship.projection.timeline;

import com.relationship.contracts.events.*;


/**
 * One short sentence per event for a person reading the timeline, in two forms: the plain one any
 * {@code reader} sees, and the full one with the names and free text (contacts, reviewers,
 * descriptions) that only an {@code auditor} sees, as on relationship-service's history. The reason
 * is not repeated here: the entry carries it beside the summary. Stored with the entry, so an entry
 * keeps the words it was folded with even if this wording changes later (a rebuild gives the new wording).
 */
final class Summaries {

    private Summaries() {
    }

    /**
     * @param plain what happened, without names or free text
     * @param full  the same with them; equal to {@code plain} where the event carries none
     */
    record Sentence(String plain, String full) {

        static Sentence of(String both) {
            return new Sentence(both, both);
        }

        static Sentence withDetail(String plain, String detail) {
            return new Sentence(plain, plain + ": " + detail);
        }
    }

    static Sentence of(AccountEvent event) {
        return event.accept(WORDS);
    }

    /**
     * The plain sentence of an entry folded before entries kept one: its event type in words
     * ({@code com.relationship.account.InteractionRecorded.v1} reads "Interaction recorded").
     */
    static String plainOfType(String cloudEventType) {
        String[] parts = cloudEventType.split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] : cloudEventType;
        String words = name.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static final AccountEventVisitor<Sentence> WORDS = new Words();

    private static final class Words implements AccountEventVisitor<Sentence> {

        @Override
        public Sentence visit(AccountRegistered event) {
            return Sentence.of("Registered as a PROSPECT: " + event.name());
        }

        @Override
        public Sentence visit(PurchaseRecorded event) {
            return Sentence.of("Purchase of " + event.amount().toPlainString() + " " + event.currency() + " recorded"
                    + (event.orderRef() == null ? "" : " (order " + event.orderRef() + ")"));
        }

        @Override
        public Sentence visit(ReferralRecorded event) {
            return Sentence.withDetail("Referral recorded", event.description());
        }

        @Override
        public Sentence visit(ComplaintOpened event) {
            return Sentence.withDetail("Complaint opened", event.summary());
        }

        @Override
        public Sentence visit(ComplaintResolved event) {
            return Sentence.withDetail("Complaint resolved", event.resolution());
        }

        @Override
        public Sentence visit(CoDevelopmentEngagementRecorded event) {
            return Sentence.withDetail("Co-development engagement recorded", event.description());
        }

        @Override
        public Sentence visit(PartnershipAgreementRecorded event) {
            return Sentence.withDetail("Partnership agreement recorded", event.description());
        }

        @Override
        public Sentence visit(ComplianceReviewRecorded event) {
            String plain = "Compliance review recorded: " + event.outcome();
            return new Sentence(plain, plain + " by " + event.reviewer());
        }

        @Override
        public Sentence visit(LifecycleStageAdvanced event) {
            return Sentence.of("Advanced to " + event.to());
        }

        @Override
        public Sentence visit(LifecycleStageDowngraded event) {
            return Sentence.of("Downgraded to " + event.to());
        }

        @Override
        public Sentence visit(AccountLapsed event) {
            return Sentence.of("Lapsed");
        }

        @Override
        public Sentence visit(AccountWonBack event) {
            return Sentence.of("Won back to CUSTOMER");
        }

        @Override
        public Sentence visit(ProspectDisqualified event) {
            return Sentence.of("Disqualified");
        }

        @Override
        public Sentence visit(ProspectRequalified event) {
            return Sentence.of("Requalified to PROSPECT");
        }

        @Override
        public Sentence visit(AccountClassified event) {
            return Sentence.of("Classified " + event.classification());
        }

        @Override
        public Sentence visit(KeyAccountDesignated event) {
            return Sentence.of("Designated a key account (PRE_KAM)");
        }

        @Override
        public Sentence visit(KamStageAdvanced event) {
            return Sentence.of("KAM stage advanced to " + event.to());
        }

        @Override
        public Sentence visit(KeyAccountUncoupled event) {
            return Sentence.of("Uncoupled from the KAM track (UNCOUPLING_KAM)");
        }

        @Override
        public Sentence visit(BondEstablished event) {
            return Sentence.withDetail(event.kind() + " bond established", event.description());
        }

        @Override
        public Sentence visit(BondDissolved event) {
            return Sentence.of(event.kind() + " bond dissolved"
                    + (event.departedContactId() == null ? "" : ": the contact it was with left"));
        }

        @Override
        public Sentence visit(InteractionRecorded event) {
            String plain = event.channel() + " (" + event.direction() + ")";
            // A contact of the committee is named by id: its name is the contact's own, told once (ContactAdded).
            String with = event.contact() != null ? event.contact() : "contact " + event.contactId();
            return new Sentence(plain, plain + " with " + with + ": " + event.summary());
        }

        @Override
        public Sentence visit(SatisfactionSurveyed event) {
            return Sentence.of(event.instrument() + " survey scored " + event.score());
        }

        @Override
        public Sentence visit(ContactAdded event) {
            // Never the email or phone: a timeline tells what happened, not how to reach someone.
            String plain = "Contact added: " + event.role() + ", influence " + event.influence();
            return new Sentence(plain, plain + ": " + event.name() + ", " + event.title());
        }

        @Override
        public Sentence visit(ContactRoleAssessed event) {
            return Sentence.of("Contact assessed: " + event.role() + ", influence " + event.influence());
        }

        @Override
        public Sentence visit(ContactLeft event) {
            return Sentence.of("Contact left");
        }

        @Override
        public Sentence visit(ContactErased event) {
            return Sentence.of("Contact's personal data erased");
        }

        @Override
        public Sentence visit(AccountOwnerAssigned event) {
            String plain = "Owner assigned: a " + event.kind();
            return new Sentence(plain, plain + ", " + event.owner());
        }

        @Override
        public Sentence visit(ValueComponentAssessed event) {
            return Sentence.of("Value assessed: " + event.component() + " " + (event.score() != null
                    ? event.score() + " of 100" : event.amount().toPlainString() + " " + event.currency()));
        }

        @Override
        public Sentence visit(WalletEstimated event) {
            String plain = "Wallet estimated for " + event.period() + ": " + event.amount().toPlainString() + " "
                    + event.currency();
            return new Sentence(plain, plain + " in " + event.category() + " (" + event.source() + ")");
        }

        @Override
        public Sentence visit(RelationshipLevelAssessed event) {
            return Sentence.of("Relationship level assessed: " + event.level() + " of 6");
        }

        @Override
        public Sentence visit(ServiceActivityRecorded event) {
            String plain = "Service activity: " + event.activity() + " " + (event.quantity() != null
                    ? "x " + event.quantity().toPlainString() : event.amount().toPlainString() + " " + event.currency());
            return event.description() == null ? Sentence.of(plain)
                    : new Sentence(plain, plain + " (" + event.description() + ")");
        }

        @Override
        public Sentence visit(ProfitabilityDecided event) {
            return Sentence.of("Profitability decided: " + event.decision() + (event.levers().isEmpty() ? ""
                    : " (" + event.levers().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", ")) + ")"));
        }
    }
}
