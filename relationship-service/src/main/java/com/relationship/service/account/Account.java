package com.relationship.service.account;

import com.relationship.account.AccountState;
import com.relationship.account.ActiveBond;
import com.relationship.account.FactIdentity;
import com.relationship.account.KnownContact;
import com.relationship.account.RecordedFacts;
import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.contracts.commands.*;
import com.relationship.contracts.events.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A business customer (or would-be customer) and its relationship with us: the event-sourced
 * consistency boundary of docs/domain.md. Command handlers check the rules and
 * apply an event or throw an {@link AccountRuleViolation}; event sourcing handlers only assign
 * state. Instance command handlers return the account's new version (the sequence number of its
 * last event).
 */
@Aggregate(commandTargetResolver = "accountCommandTargetResolver", cache = "accountCache")
public class Account {

    /**
     * Command metadata: the version the caller last saw ({@code If-Match}). A command that carries
     * it is handled only while the account is still at that version.
     */
    public static final String EXPECTED_VERSION = "expectedVersion";

    @AggregateIdentifier
    private UUID accountId;
    /** Everything the rules read, folded from the events by the one fold, {@link AccountState#evolve}. */
    private AccountState state;
    /**
     * The business time the command being handled states ({@link BusinessTime}), checked before its
     * handler runs and carried on every event it applies; null when it states none, and then its events
     * happened when they were recorded. Set under the aggregate's lock, for one command.
     */
    private transient Instant businessTime;

    /** The reason of a SOCIAL bond dissolved by its contact's departure: the departure's own reason is the command's. */
    static final String BOND_WITH_A_DEPARTED_CONTACT = "The contact the bond was with left the account";

    private static final String ROLES = "DECISION_MAKER, INFLUENCER, BUYER, USER, GATEKEEPER, CHAMPION or SPONSOR";

    /** Commands that move a lifecycle or KAM stage: they come in the order they happened. */
    private static final Set<Class<?>> MOVES = Set.of(AdvanceLifecycleStage.class, DowngradeLifecycleStage.class,
            LapseAccount.class, WinBackAccount.class, DisqualifyProspect.class, RequalifyProspect.class,
            DesignateKeyAccount.class, AdvanceKamStage.class, UncoupleKeyAccount.class);

    protected Account() {
        // for Axon: rebuilt from its events
    }

    /**
     * An annual revenue is recorded in the currency the command names, or in the reporting currency when it
     * names none; a currency without an annual revenue is refused.
     */
    @CommandHandler
    public Account(RegisterAccount command, MetaData metaData, BusinessTimePolicy policy, ReportingCurrency reporting) {
        requireText(command.name(), "name");
        requireText(command.industry(), "industry");
        requireText(command.region(), "region");
        require(command.employeeCount() >= 0, "employeeCount must not be negative");
        String revenueCurrency = null;
        if (command.annualRevenue() != null) {
            require(command.annualRevenue().signum() >= 0, "annualRevenue must not be negative");
            revenueCurrency = command.annualRevenueCurrency() != null ? command.annualRevenueCurrency() : reporting.code();
            requireCurrency("annualRevenueCurrency", revenueCurrency);
        } else {
            require(command.annualRevenueCurrency() == null, "annualRevenueCurrency without annualRevenue: the currency"
                    + " goes with an annual revenue; give both, or neither");
        }
        require(command.classification() != null, "classification is required (STRATEGIC or TACTICAL)");
        Instant since = BusinessTime.of(metaData, null);
        requireNotInTheFuture("occurredAt", since, GenericEventMessage.clock.instant(), policy);
        businessTime = since;
        applied(new AccountRegistered(command.accountId(), command.name().strip(), command.industry().strip(),
                command.employeeCount(), command.annualRevenue(), command.region().strip(), command.classification(),
                since, revenueCurrency));
    }

    /**
     * Runs before every command handler of a loaded account, under its lock: so "still at the
     * expected version", the command's business time and the append of its event are one atomic step.
     */
    @CommandHandlerInterceptor
    public Object beforeEachCommand(CommandMessage<?> command, InterceptorChain chain, BusinessTimePolicy policy)
            throws Exception {
        checkExpectedVersion(command);
        businessTime = checkedBusinessTime(command, policy);
        return chain.proceed();
    }

    /** A command that carries the version its caller last saw is handled only while the account is still at it. */
    private void checkExpectedVersion(CommandMessage<?> command) {
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        if (expected != null) {
            Long current = AggregateLifecycle.getVersion();
            long version = current == null ? 0 : current;
            long wanted = expected instanceof Number number ? number.longValue() : Long.parseLong(expected.toString());
            if (wanted != version) {
                throw new StaleAccountVersion(accountId, wanted, version);
            }
        }
    }

    /**
     * When what the command records happened (docs/domain.md, "Business time"): never ahead of now by
     * more than the policy's skew; never before the relationship began, where the registration said
     * when; and a move never before the account's latest move, so stage periods follow each other.
     * A fact may be dated before moves already recorded: it is history.
     */
    private Instant checkedBusinessTime(CommandMessage<?> command, BusinessTimePolicy policy) {
        Instant now = GenericEventMessage.clock.instant();
        Instant stated = BusinessTime.statedBy(command.getPayload());
        Instant at = BusinessTime.of(command.getMetaData(), stated);
        if (at == null) {
            return null; // it states none: it happens when it is recorded, now
        }
        String field = command.getMetaData().get(BusinessTime.KEY) == null
                && command.getPayload() instanceof RecordPartnershipAgreement ? "signedAt" : "occurredAt";
        requireNotInTheFuture(field, at, now, policy);
        if (state.relationshipSince() != null && at.isBefore(state.relationshipSince())) {
            throw refused(Rule.BEFORE_THE_RELATIONSHIP, field, at, state.relationshipSince());
        }
        if (MOVES.contains(command.getPayloadType()) && at.isBefore(state.latestMoveAt())) {
            throw refused(Rule.MOVE_BEFORE_THE_LATEST_MOVE, at, state.latestMoveAt(), state.latestMoveAt());
        }
        return at;
    }

    private void requireNotInTheFuture(String field, Instant at, Instant now, BusinessTimePolicy policy) {
        if (at != null && at.isAfter(now.plus(policy.maxSkew()))) {
            throw refusedSaying(Rule.IN_THE_FUTURE, Rule.IN_THE_FUTURE.says(field, at, now, policy.maxSkew()));
        }
    }

    /** What the account is now, at {@code version} (its last event's sequence number). Reads state only. */
    public AccountSnapshot state(long version) {
        Map<UUID, BondKind> bonds = new HashMap<>();
        state.activeBonds().forEach((bondId, bond) -> bonds.put(bondId, bond.kind()));
        return new AccountSnapshot(accountId, version, state.stage(), state.lapsedFrom(), state.classification(),
                state.kamStage(), state.openComplaints(), bonds);
    }

    // --- evidence -------------------------------------------------------------------------------

    @CommandHandler
    public Object handle(RecordPurchase command) {
        requirePurchase("", command.amount(), command.currency(), command.occurredAt());
        requireEarnings("", command.amount(), command.grossMargin(), command.costOfGoods());
        return recordOnce(new PurchaseRecorded(accountId, command.purchaseId(), command.amount(), command.currency(),
                command.occurredAt(), command.description(), command.orderRef(), command.grossMargin(),
                command.costOfGoods(), strippedOrNull(command.productLine()), command.buyClass()));
    }

    @CommandHandler
    public Object handle(RecordReferral command) {
        requireText(command.description(), "description");
        return recordOnce(new ReferralRecorded(accountId, command.referralId(), command.description(),
                command.referredCompany(), command.ref()));
    }

    @CommandHandler
    public Object handle(OpenComplaint command) {
        requireText(command.summary(), "summary");
        require(command.dueBy() != null, "dueBy is required: when must the complaint be resolved?");
        return recordOnce(new ComplaintOpened(accountId, command.complaintId(), command.summary(), command.dueBy()),
                Rule.COMPLAINT_ALREADY_OPENED, () -> {
                    Instant raised = businessTime != null ? businessTime : GenericEventMessage.clock.instant();
                    if (!command.dueBy().isAfter(raised)) {
                        throw refused(Rule.DUE_BEFORE_RAISED, command.dueBy(), raised);
                    }
                });
    }

    @CommandHandler
    public Long handle(ResolveComplaint command) {
        requireNotDisqualified();
        requireText(command.resolution(), "resolution");
        if (state.resolvedComplaints().contains(command.complaintId())) {
            throw refused(Rule.COMPLAINT_ALREADY_RESOLVED, command.complaintId());
        }
        if (!state.openComplaints().contains(command.complaintId())) {
            throw refused(Rule.UNKNOWN_COMPLAINT, accountId, command.complaintId());
        }
        return applied(new ComplaintResolved(accountId, command.complaintId(), command.resolution()));
    }

    @CommandHandler
    public Object handle(RecordCoDevelopmentEngagement command) {
        requireText(command.description(), "description");
        return recordOnce(new CoDevelopmentEngagementRecorded(accountId, command.engagementId(), command.description(),
                command.ref()));
    }

    @CommandHandler
    public Object handle(RecordPartnershipAgreement command) {
        requireText(command.description(), "description");
        require(command.signedAt() != null, "signedAt is required");
        return recordOnce(new PartnershipAgreementRecorded(accountId, command.agreementId(), command.description(),
                command.signedAt(), command.ref()));
    }

    @CommandHandler
    public Object handle(RecordComplianceReview command) {
        require(command.outcome() != null, "outcome is required (APPROVED or REJECTED)");
        requireText(command.reviewer(), "reviewer");
        return recordOnce(new ComplianceReviewRecorded(accountId, command.reviewId(), command.outcome(),
                command.reviewer(), command.notes(), command.ref()));
    }

    // --- bonds, interactions, satisfaction: what holds the account, and whether it is heard --------

    @CommandHandler
    public Object handle(EstablishBond command) {
        require(command.kind() != null, "kind is required (FINANCIAL, SOCIAL, CUSTOMIZATION or STRUCTURAL)");
        requireText(command.description(), "description");
        require(command.occurredAt() != null, "occurredAt is required: since when does the bond hold?");
        require(command.validUntil() == null || command.validUntil().isAfter(command.occurredAt()),
                "validUntil must be after occurredAt");
        // Only a SOCIAL bond is with a person; the deeper ones hold "even if the original employees leave" (seed 001).
        require(command.contactId() == null || command.kind() == BondKind.SOCIAL, "contactId names the person a"
                + " SOCIAL bond is with; a " + command.kind() + " bond is with the account: leave contactId out");
        return recordOnce(new BondEstablished(accountId, command.bondId(), command.kind(), command.description().strip(),
                command.occurredAt(), command.validUntil(), command.contactId()), Rule.BOND_ALREADY_ESTABLISHED, () -> {
                    if (command.contactId() != null) {
                        requireContactStillThere(command.contactId());
                    }
                });
    }

    @CommandHandler
    public Long handle(DissolveBond command) {
        requireReason(command.reason());
        requireNotDisqualified();
        if (state.dissolvedBonds().contains(command.bondId())) {
            throw refused(Rule.BOND_ALREADY_DISSOLVED, command.bondId());
        }
        ActiveBond bond = state.activeBonds().get(command.bondId());
        if (bond == null) {
            throw refused(Rule.UNKNOWN_BOND, accountId, command.bondId());
        }
        return applied(new BondDissolved(accountId, command.bondId(), bond.kind(), command.reason().strip()));
    }

    @CommandHandler
    public Object handle(RecordInteraction command) {
        require(command.channel() != null, "channel is required (MEETING, CALL, EMAIL, VISIT, PORTAL or EVENT)");
        require(command.direction() != null, "direction is required (INBOUND, OUTBOUND or TWO_WAY)");
        if (command.contactId() == null) {
            requireText(command.contact(), "contact");
        } else {
            require(command.contact() == null || !command.contact().isBlank(),
                    "contact must not be blank: leave it out when contactId says who it was");
        }
        requireText(command.summary(), "summary");
        require(command.occurredAt() != null, "occurredAt is required: when did the interaction happen?");
        return recordOnce(new InteractionRecorded(accountId, command.interactionId(), command.channel(),
                command.direction(), command.contact() == null ? null : command.contact().strip(),
                command.summary().strip(), command.occurredAt(), command.ref(), command.contactId()),
                Rule.FACT_ALREADY_RECORDED, () -> {
                    if (command.contactId() != null) {
                        requireContactThereAt(command.contactId(), command.occurredAt());
                    }
                });
    }

    @CommandHandler
    public Object handle(RecordSatisfactionSurvey command) {
        require(command.score() >= 0 && command.score() <= 10, "score must be between 0 and 10");
        require(command.instrument() != null, "instrument is required (NPS or CSAT)");
        require(command.occurredAt() != null, "occurredAt is required: when was the survey answered?");
        return recordOnce(new SatisfactionSurveyed(accountId, command.surveyId(), command.score(),
                command.instrument(), command.comment(), command.occurredAt(), command.ref()));
    }

    // --- the buying committee and the owner (docs/domain.md) ----------------------------------------

    @CommandHandler
    public Object handle(AddContact command) {
        requireText(command.name(), "name");
        requireText(command.title(), "title");
        require(command.role() != null, "role is required (" + ROLES + ")");
        requireInfluence(command.influence());
        return recordOnce(new ContactAdded(accountId, command.contactId(), command.name().strip(),
                command.title().strip(), strippedOrNull(command.email()), strippedOrNull(command.phone()),
                command.role(), command.influence(), command.preferredChannel()), Rule.CONTACT_ALREADY_ADDED,
                () -> { });
    }

    @CommandHandler
    public Long handle(AssessContactRole command) {
        requireReason(command.reason());
        require(command.role() != null, "role is required (" + ROLES + ")");
        requireInfluence(command.influence());
        requireNotDisqualified();
        requireContactStillThere(command.contactId());
        return applied(new ContactRoleAssessed(accountId, command.contactId(), command.role(), command.influence(),
                command.reason().strip()));
    }

    /**
     * The contact leaves, dated when they left (now, where the command does not say), and takes the SOCIAL
     * bonds with them in the same step: each still in force then dissolves, naming the departure. The
     * CUSTOMIZATION and STRUCTURAL bonds hold "even if the original employees leave" (seed 001).
     */
    @CommandHandler
    public Long handle(RecordContactDeparture command) {
        requireReason(command.reason());
        requireNotDisqualified();
        KnownContact contact = knownContact(command.contactId());
        if (contact.hasLeft()) {
            throw refused(Rule.CONTACT_ALREADY_LEFT, command.contactId(), contact.leftAt());
        }
        Instant leftAt = businessTime != null ? businessTime : GenericEventMessage.clock.instant();
        if (leftAt.isBefore(contact.addedAt())) {
            throw refused(Rule.LEFT_BEFORE_ADDED, leftAt, contact.addedAt());
        }
        List<UUID> socialBonds = state.activeBonds().entrySet().stream()
                .filter(bond -> bond.getValue().kind() == BondKind.SOCIAL
                        && command.contactId().equals(bond.getValue().contactId())
                        && (bond.getValue().validUntil() == null || bond.getValue().validUntil().isAfter(leftAt)))
                .map(Map.Entry::getKey).sorted().toList();
        Long version = applied(new ContactLeft(accountId, command.contactId(), command.reason().strip()));
        for (UUID bondId : socialBonds) {
            version = applied(new BondDissolved(accountId, bondId, BondKind.SOCIAL, BOND_WITH_A_DEPARTED_CONTACT,
                    command.contactId()));
        }
        return version;
    }

    /**
     * Records that the contact's personal data was erased (the web edge destroys their key). Every contact
     * can be erased, one who left or of a disqualified prospect too: the law does not wait for the stage.
     * Erasing again stores nothing and answers the account's version (the first erasure stands).
     */
    @CommandHandler
    public Object handle(EraseContact command) {
        requireReason(command.reason());
        if (knownContact(command.contactId()).erased()) {
            return new Replayed(AggregateLifecycle.getVersion());
        }
        return applied(new ContactErased(accountId, command.contactId(), command.reason().strip()));
    }

    @CommandHandler
    public Long handle(AssignAccountOwner command) {
        requireReason(command.reason());
        requireText(command.owner(), "owner");
        require(command.kind() != null, "kind is required (HUNTER or DEVELOPER)");
        requireNotDisqualified();
        String owner = command.owner().strip();
        if (owner.equals(state.owner()) && command.kind() == state.ownerKind()) {
            throw refused(Rule.ALREADY_THE_OWNER, owner, command.kind());
        }
        return applied(new AccountOwnerAssigned(accountId, owner, command.kind(), command.reason().strip()));
    }

    // --- value (issue 30) ----------------------------------------------------------------------------

    @CommandHandler
    public Long handle(AssessValueComponent command) {
        require(command.component() != null, "component is required (PROJECTED_SPEND, CONTRACT_LENGTH,"
                + " OUTSOURCE_POTENTIAL, FUTURE_VALUE or TECHNOLOGY_ENTANGLEMENT)");
        require((command.score() == null) != (command.amount() == null), "give a score (0 to 100) or an amount with its"
                + " currency, one of them");
        require(command.score() == null || (command.score() >= 0 && command.score() <= 100),
                "score must be 0 to 100, is " + command.score());
        if (command.amount() != null) {
            require(command.amount().signum() >= 0, "amount must not be negative");
            requireCurrency(command.currency());
        } else {
            require(command.currency() == null, "currency goes with an amount; a score has none");
        }
        requireText(command.rationale(), "rationale");
        requireNotDisqualified();
        return applied(new ValueComponentAssessed(accountId, command.component(), command.score(), command.amount(),
                command.currency(), command.rationale().strip()));
    }

    @CommandHandler
    public Object handle(EstimateWallet command) {
        requireText(command.category(), "category");
        require(command.amount() != null && command.amount().signum() > 0, "amount must be greater than zero");
        requireCurrency(command.currency());
        require(command.period() != null && WALLET_PERIOD.matcher(command.period()).matches(), "period must be a year"
                + " (2026), a quarter (2026-Q3) or a month (2026-07), is " + command.period());
        requireText(command.source(), "source");
        return recordOnce(new WalletEstimated(accountId, command.estimateId(), command.category().strip(),
                command.amount(), command.currency(), command.period(), command.source().strip()));
    }

    private static final java.util.regex.Pattern WALLET_PERIOD = java.util.regex.Pattern.compile(EstimateWallet.PERIOD);

    @CommandHandler
    public Long handle(AssessRelationshipLevel command) {
        require(command.level() >= 1 && command.level() <= 6, "level must be 1 (utility) to 6 (co-creation), is "
                + command.level());
        requireText(command.rationale(), "rationale");
        requireNotDisqualified();
        Instant at = businessTime != null ? businessTime : GenericEventMessage.clock.instant();
        if (command.level() == 6 && state.evidence().dated().coDevelopmentEngagements().countUpTo(at) < 1) {
            throw refused(Rule.CO_CREATION_NEEDS_AN_ENGAGEMENT, at);
        }
        return applied(new RelationshipLevelAssessed(accountId, command.level(), command.rationale().strip()));
    }

    // --- cost to serve (issue 29) ----------------------------------------------------------------------

    @CommandHandler
    public Object handle(RecordServiceActivity command) {
        require(command.activity() != null && SERVICE_ACTIVITY.matcher(command.activity()).matches(), "activity must be"
                + " upper-case words joined by _ (2 to 40 characters), such as SALES_VISIT, is " + command.activity());
        require((command.quantity() == null) != (command.amount() == null), "give a quantity (priced by the activity"
                + " rate card) or an amount with its currency (a cost already known), one of them");
        require(command.amount() != null || !DISCOUNT.equals(command.activity()), "a DISCOUNT costs its own amount:"
                + " give the amount and its currency, not a quantity");
        if (command.quantity() != null) {
            require(command.quantity().signum() > 0, "quantity must be greater than zero");
            require(command.currency() == null, "currency goes with an amount; a quantity is priced by the rate card");
        } else {
            require(command.amount().signum() >= 0, "amount must not be negative");
            requireCurrency(command.currency());
        }
        String description = command.description() == null || command.description().isBlank() ? null
                : command.description().strip();
        return recordOnce(new ServiceActivityRecorded(accountId, command.activityId(), command.activity(),
                command.quantity(), command.amount(), command.currency(), description));
    }

    /**
     * Seed 000: keep the profitable, convert the unprofitable (with the levers named), fire those still
     * unprofitable after converting was tried for {@link ProfitabilityPolicy#convertBeforeFire}. A decision,
     * not a move: a FIRE does not lapse the account.
     */
    @CommandHandler
    public Long handle(DecideProfitability command, ProfitabilityPolicy policy) {
        require(command.decision() != null, "decision is required (KEEP, CONVERT or FIRE)");
        List<ConversionLever> levers = command.levers() == null ? List.of() : command.levers();
        if (command.decision() == ProfitabilityDecision.CONVERT) {
            require(!levers.isEmpty(), "a CONVERT names its levers (RAISE_PRICES, CHARGE_FOR_SERVICES,"
                    + " REMOVE_DISCOUNTS, REDUCE_COST_TO_SERVE), at least one");
            require(levers.stream().distinct().count() == levers.size(), "each lever once");
        } else {
            require(levers.isEmpty(), "levers go with a CONVERT; a " + command.decision() + " has none");
        }
        requireText(command.rationale(), "rationale");
        requireNotDisqualified();
        Instant at = businessTime != null ? businessTime : GenericEventMessage.clock.instant();
        if (command.decision() == ProfitabilityDecision.FIRE) {
            Instant converting = state.convertingSince();
            if (converting == null) {
                throw refusedIn(Rule.FIRE_NEEDS_A_CONVERT_FIRST, 0, days(policy.convertBeforeFire()));
            }
            Instant open = converting.plus(policy.convertBeforeFire());
            if (at.isBefore(open)) {
                throw refusedIn(Rule.FIRE_NEEDS_A_CONVERT_FIRST, 1, converting, days(Duration.between(converting, at)),
                        open);
            }
        }
        return applied(new ProfitabilityDecided(accountId, command.decision(), levers, command.rationale().strip()));
    }

    private static String days(Duration duration) {
        return duration.toDays() + " days";
    }

    private static final java.util.regex.Pattern SERVICE_ACTIVITY =
            java.util.regex.Pattern.compile(RecordServiceActivity.ACTIVITY);
    private static final String DISCOUNT = "DISCOUNT";

    /** A contact of this account; an id it does not know, one of another account's contacts included, is unknown. */
    private KnownContact knownContact(UUID contactId) {
        KnownContact contact = state.contacts().get(contactId);
        if (contact == null) {
            throw refused(Rule.UNKNOWN_CONTACT, accountId, contactId);
        }
        return contact;
    }

    /** A contact who has not left: the only kind a new bond or assessment can name. */
    private void requireContactStillThere(UUID contactId) {
        KnownContact contact = knownContact(contactId);
        if (contact.hasLeft()) {
            throw refused(Rule.CONTACT_LEFT, contactId, contact.leftAt());
        }
    }

    /** A contact who had not yet left at {@code at}: an interaction before the departure is history, and fine. */
    private void requireContactThereAt(UUID contactId, Instant at) {
        KnownContact contact = knownContact(contactId);
        if (contact.hasLeft() && !at.isBefore(contact.leftAt())) {
            throw refused(Rule.CONTACT_LEFT, contactId, contact.leftAt());
        }
    }

    private void requireInfluence(int influence) {
        require(influence >= 1 && influence <= 5, "influence must be 1 (little) to 5 (decisive), not " + influence);
    }

    // --- lifecycle ------------------------------------------------------------------------------

    @CommandHandler
    public Long handle(AdvanceLifecycleStage command, LifecyclePolicy policy) {
        require(command.targetStage() != null, "targetStage is required");
        Eligibility eligibility = eligibility(policy);
        if (eligibility.nextStage() == null) {
            // The eligibility's note is that rule's own sentence for the account's situation.
            throw refusedSaying(state.stage() == LifecycleStage.PARTNER ? Rule.NO_STAGE_ABOVE : Rule.NOT_ON_THE_LADDER,
                    eligibility.note());
        }
        if (command.targetStage() != eligibility.nextStage()) {
            throw refused(Rule.NOT_THE_NEXT_STAGE, state.stage(), eligibility.nextStage(),
                    command.targetStage());
        }
        if (!eligibility.eligible()) {
            throw new AccountRuleViolation(Rule.EVIDENCE_MISSING, Rule.EVIDENCE_MISSING.says(command.targetStage(),
                    String.join("; ", eligibility.missingEvidence())),
                    state.stage(), state.kamStage(), eligibility.missingEvidence());
        }
        return applied(new LifecycleStageAdvanced(accountId, state.stage(), command.targetStage()));
    }

    @CommandHandler
    public Long handle(DowngradeLifecycleStage command) {
        requireReason(command.reason());
        LifecycleStage target = command.targetStage();
        require(target != null, "targetStage is required");
        if (!state.stage().isOnLadder() || !target.isOnLadder() || !state.stage().isAbove(target)
                || target == LifecycleStage.PROSPECT) {
            throw refused(Rule.NOT_A_DOWNGRADE, state.stage(), target);
        }
        return applied(new LifecycleStageDowngraded(accountId, state.stage(), target, command.reason().strip()));
    }

    @CommandHandler
    public Long handle(LapseAccount command) {
        requireReason(command.reason());
        if (!state.stage().isOnLadder() || state.stage() == LifecycleStage.PROSPECT) {
            throw refusedIn(Rule.CANNOT_LAPSE, state.stage() == LifecycleStage.PROSPECT ? 1 : 0,
                    state.stage());
        }
        KamStage keyAccountAt = state.isKeyAccount() ? state.kamStage() : null;
        Long version = applied(new AccountLapsed(accountId, state.stage(), command.reason().strip()));
        if (keyAccountAt != null) {
            // A lost customer is no key account: the lapse uncouples it in the same step (seed 001).
            version = applied(new KeyAccountUncoupled(accountId, keyAccountAt, "Lapsed: " + command.reason().strip()));
        }
        return version;
    }

    /**
     * LAPSED to CUSTOMER on a purchase dated after the lapse: one recorded while LAPSED, or the one the
     * command carries, recorded first in the same step (two events, one answer). Every rule is checked
     * before either event is applied, so a refusal stores neither.
     */
    @CommandHandler
    public Long handle(WinBackAccount command, BusinessTimePolicy policy) {
        requireReason(command.reason());
        if (state.stage() != LifecycleStage.LAPSED) {
            throw refused(Rule.NOT_LAPSED, state.stage());
        }
        WinBackAccount.WinningPurchase carried = command.purchase();
        if (carried != null) {
            recordWinningPurchase(carried, policy);
        }
        if (state.purchasesWhileLapsed() == 0) {
            throw refused(Rule.WIN_BACK_NEEDS_A_PURCHASE, state.stageSince());
        }
        return applied(new AccountWonBack(accountId, command.reason().strip()));
    }

    /** The carried purchase, dated between the lapse and the win-back, recorded once (an order sent again is not). */
    private void recordWinningPurchase(WinBackAccount.WinningPurchase carried, BusinessTimePolicy policy) {
        requirePurchase("purchase.", carried.amount(), carried.currency(), carried.occurredAt());
        requireEarnings("purchase.", carried.amount(), carried.grossMargin(), carried.costOfGoods());
        Instant now = GenericEventMessage.clock.instant();
        requireNotInTheFuture("purchase.occurredAt", carried.occurredAt(), now, policy);
        if (carried.occurredAt().isBefore(state.stageSince())) {
            throw refusedIn(Rule.WIN_BACK_NEEDS_A_PURCHASE, 1, state.stageSince(), carried.occurredAt());
        }
        Instant winBackAt = businessTime != null ? businessTime : now;
        require(!carried.occurredAt().isAfter(winBackAt), "purchase.occurredAt (" + carried.occurredAt()
                + ") is after the win-back (" + winBackAt + "): the purchase that wins the account back comes first");
        recordOnce(new PurchaseRecorded(accountId, carried.purchaseId(), carried.amount(), carried.currency(),
                carried.occurredAt(), carried.description(), carried.orderRef(), carried.grossMargin(),
                carried.costOfGoods(), strippedOrNull(carried.productLine()), carried.buyClass()), Rule.FACT_ALREADY_RECORDED,
                () -> { }, carried.occurredAt());
    }

    @CommandHandler
    public Long handle(DisqualifyProspect command) {
        requireReason(command.reason());
        if (state.stage() != LifecycleStage.PROSPECT) {
            throw refusedIn(Rule.NOT_A_PROSPECT, state.stage().rank() > 1 ? 1 : 0, state.stage());
        }
        if (state.evidence().purchases() > 0) {
            throw refused(Rule.PROSPECT_HAS_BOUGHT);
        }
        if (state.isKeyAccount()) {
            throw refused(Rule.DISQUALIFYING_A_KEY_ACCOUNT, state.kamStage());
        }
        return applied(new ProspectDisqualified(accountId, command.reason().strip()));
    }

    @CommandHandler
    public Long handle(RequalifyProspect command) {
        requireReason(command.reason());
        if (state.stage() != LifecycleStage.DISQUALIFIED) {
            throw refused(Rule.NOT_DISQUALIFIED, state.stage());
        }
        return applied(new ProspectRequalified(accountId, command.reason().strip()));
    }

    /**
     * Whether an advance would be accepted at the command's business time (now, where it states none), and
     * if not, what is missing: {@link Eligibility#of}, over the fold.
     */
    private Eligibility eligibility(LifecyclePolicy policy) {
        return Eligibility.of(state, policy, businessTime != null ? businessTime : GenericEventMessage.clock.instant());
    }

    // --- classification and KAM -----------------------------------------------------------------

    @CommandHandler
    public Long handle(ClassifyAccount command) {
        requireNotDisqualified();
        require(command.classification() != null, "classification is required (STRATEGIC or TACTICAL)");
        requireText(command.rationale(), "rationale");
        if (command.classification() == state.classification()) {
            throw refused(Rule.ALREADY_CLASSIFIED_SO, state.classification());
        }
        if (command.classification() == Classification.TACTICAL && state.isKeyAccount()) {
            throw refused(Rule.KEY_ACCOUNT_MUST_STAY_STRATEGIC, state.kamStage());
        }
        return applied(new AccountClassified(accountId, command.classification(), command.rationale().strip()));
    }

    @CommandHandler
    public Long handle(DesignateKeyAccount command) {
        requireText(command.rationale(), "rationale");
        requireNotDisqualified();
        requireNotLapsed();
        if (state.classification() != Classification.STRATEGIC) {
            throw refused(Rule.NOT_STRATEGIC, state.classification());
        }
        if (state.isKeyAccount()) {
            throw refused(Rule.ALREADY_A_KEY_ACCOUNT, state.kamStage());
        }
        return applied(new KeyAccountDesignated(accountId, command.rationale().strip()));
    }

    @CommandHandler
    public Long handle(AdvanceKamStage command, LifecyclePolicy policy) {
        require(command.targetStage() != null, "targetStage is required");
        requireNotDisqualified();
        requireKeyAccount();
        if (state.kamStage() == KamStage.UNCOUPLING_KAM) {
            throw refused(Rule.KEY_ACCOUNT_UNCOUPLED);
        }
        requireNotLapsed();
        if (state.complianceHold()) {
            throw refused(Rule.COMPLIANCE_HOLD);
        }
        KamStage next = state.kamStage().next().orElseThrow(() -> refusedIn(Rule.NOT_THE_NEXT_KAM_STAGE,
                2, state.kamStage()));
        if (command.targetStage() != next) {
            throw refusedIn(Rule.NOT_THE_NEXT_KAM_STAGE, command.targetStage() == KamStage.UNCOUPLING_KAM ? 1 : 0,
                    state.kamStage(), next, command.targetStage());
        }
        if (next.compareTo(KamStage.PARTNERSHIP_KAM) >= 0) {
            requirePartnershipGrounds(next, policy);
        }
        return applied(new KamStageAdvanced(accountId, state.kamStage(), next));
    }

    /**
     * A partnership or joint venture on the KAM track (PARTNERSHIP_KAM and above) binds both sides: only
     * with an account that buys (CUSTOMER or above) and with an APPROVED compliance review in its current
     * tenure, so the dependency and cartel risk was looked at (seed 001).
     */
    private void requirePartnershipGrounds(KamStage target, LifecyclePolicy policy) {
        if (!state.stage().isOnLadder() || state.stage().rank() < LifecycleStage.CUSTOMER.rank()) {
            throw refusedIn(Rule.PARTNERSHIP_KAM_GROUNDS_MISSING, 0, target, state.stage());
        }
        if (state.evidence().latestComplianceReview() != ComplianceOutcome.APPROVED) {
            throw refusedIn(Rule.PARTNERSHIP_KAM_GROUNDS_MISSING, 1, target);
        }
        Instant at = businessTime != null ? businessTime : GenericEventMessage.clock.instant();
        EvidenceRequirements.staleReview(state.evidence(), policy, at).ifPresent(stale -> {
            throw refusedIn(Rule.PARTNERSHIP_KAM_GROUNDS_MISSING, 2, target, stale);
        });
    }

    @CommandHandler
    public Long handle(UncoupleKeyAccount command) {
        requireReason(command.reason());
        requireNotDisqualified();
        requireKeyAccount();
        if (state.kamStage() == KamStage.UNCOUPLING_KAM) {
            throw refused(Rule.ALREADY_UNCOUPLED);
        }
        return applied(new KeyAccountUncoupled(accountId, state.kamStage(), command.reason().strip()));
    }

    /** A disqualified prospect records nothing until it is requalified (docs/domain.md). */
    private void requireNotDisqualified() {
        if (state.stage() == LifecycleStage.DISQUALIFIED) {
            throw refused(Rule.ACCOUNT_DISQUALIFIED);
        }
    }

    /** A lapsed account is a lost customer: it moves nowhere on the KAM track until won back. */
    private void requireNotLapsed() {
        if (state.stage() == LifecycleStage.LAPSED) {
            throw refused(Rule.KAM_WHILE_LAPSED);
        }
    }

    private void requireKeyAccount() {
        if (state.kamStage() == null) {
            throw refused(Rule.NOT_A_KEY_ACCOUNT);
        }
    }

    // --- event sourcing: the one fold ---------------------------------------------------------

    @EventSourcingHandler
    void on(AccountRegistered event, @Timestamp Instant recorded, MetaData metaData) {
        accountId = event.accountId();
        state = AccountState.registered(event, BusinessTime.of(metaData, recorded));
    }

    @EventSourcingHandler
    void on(AccountEvent event, @SequenceNumber long sequence, @Timestamp Instant recorded, MetaData metaData) {
        state = state.evolve(event, sequence, BusinessTime.of(metaData, recorded));
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Applies {@code event} dated with the command's business time where it states one; answers the new version. */
    private Long applied(AccountEvent event) {
        return appliedAt(event, businessTime);
    }

    /** Applies {@code event} dated {@code at} (null: when it is recorded); answers the new version. */
    private Long appliedAt(AccountEvent event, Instant at) {
        apply(event, at == null ? MetaData.emptyInstance() : MetaData.with(BusinessTime.KEY, at.toString()));
        return AggregateLifecycle.getVersion();
    }

    private Object recordOnce(AccountEvent fact) {
        return recordOnce(fact, Rule.FACT_ALREADY_RECORDED, () -> { });
    }

    /**
     * Each fact is recorded once (docs/domain.md). When {@code fact} repeats one recorded before (the same
     * minted id: this command run again after its first run's answer was lost; or the same seller's
     * reference: the order sent again) with the same content, the answer is the first one's version and
     * nothing is stored, whatever happened to the account since; with other content it is refused. A new
     * fact is recorded if the account records facts at all (a disqualified prospect does not).
     *
     * @param sameIdRule   the rule that refuses the same id with other content
     * @param newFactRules the rules a new fact of this kind must meet (a repeat met them when it was first recorded)
     */
    private Object recordOnce(AccountEvent fact, Rule sameIdRule, Runnable newFactRules) {
        return recordOnce(fact, sameIdRule, newFactRules, businessTime);
    }

    /** The same, with the fact dated {@code at} (null: when it is recorded). */
    private Object recordOnce(AccountEvent fact, Rule sameIdRule, Runnable newFactRules, Instant at) {
        Optional<RecordedFacts.Fact> first = state.facts().recordedBefore(fact);
        if (first.isPresent()) {
            RecordedFacts.Fact recorded = first.get();
            if (FactIdentity.sameFact(recorded.event(), fact)) {
                return new Replayed(recorded.sequence());
            }
            FactIdentity identity = FactIdentity.of(fact).orElseThrow();
            boolean sameId = recorded.identity().id().equals(identity.id());
            String field = sameId ? identity.idField() : identity.refField();
            Object value = sameId ? identity.id() : identity.ref();
            String type = recorded.event().getClass().getSimpleName();
            Rule rule = sameId ? sameIdRule : Rule.REF_ALREADY_RECORDED;
            String detail = rule == Rule.REF_ALREADY_RECORDED || rule == Rule.FACT_ALREADY_RECORDED
                    ? rule.says(field, value, recorded.sequence(), type) : rule.says(value);
            throw new AccountRuleViolation(rule, detail, state.stage(), state.kamStage(), List.of(),
                    Map.of(field, value.toString(), "firstVersion", recorded.sequence(), "firstEventType", type));
        }
        requireNotDisqualified();
        newFactRules.run();
        return appliedAt(fact, at);
    }

    /** The rule refuses, in its usual sentence with these facts ({@link Rule#says}). */
    private AccountRuleViolation refused(Rule rule, Object... facts) {
        return refusedSaying(rule, rule.says(facts));
    }

    /** The rule refuses, in its sentence for situation {@code which}. */
    private AccountRuleViolation refusedIn(Rule rule, int which, Object... facts) {
        return refusedSaying(rule, rule.saysIn(which, facts));
    }

    private AccountRuleViolation refusedSaying(Rule rule, String detail) {
        // No state yet while the registration itself is checked.
        return state == null ? new AccountRuleViolation(rule, detail, null, null)
                : new AccountRuleViolation(rule, detail, state.stage(), state.kamStage());
    }

    private void require(boolean condition, String detail) {
        if (!condition) {
            throw refusedSaying(Rule.INVALID_VALUE, detail);
        }
    }

    /** A purchase's own fields, named under {@code prefix} (the win-back carries one as {@code purchase.}). */
    private void requirePurchase(String prefix, BigDecimal amount, String currency, Instant occurredAt) {
        require(amount != null && amount.signum() > 0, prefix + "amount must be greater than zero");
        requireCurrency(currency);
        require(occurredAt != null, prefix + "occurredAt is required");
    }

    /**
     * What a purchase earned, where it says: its gross margin or its cost of goods, not both (each gives the
     * other), a margin no greater than the amount (a sale below cost has a negative one), a cost not negative.
     */
    private void requireEarnings(String prefix, BigDecimal amount, BigDecimal grossMargin, BigDecimal costOfGoods) {
        require(grossMargin == null || costOfGoods == null, prefix + "grossMargin and " + prefix + "costOfGoods: give"
                + " one of them, not both (the margin is the amount less the cost of goods)");
        require(grossMargin == null || grossMargin.compareTo(amount) <= 0, prefix + "grossMargin (" + grossMargin
                + ") is more than the amount (" + amount + "): a margin is what is left of the amount after the cost of"
                + " goods");
        require(costOfGoods == null || costOfGoods.signum() >= 0, prefix + "costOfGoods must not be negative");
    }

    private void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field + " is required and must not be blank");
    }

    private static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw refused(Rule.REASON_REQUIRED);
        }
    }

    private void requireCurrency(String currency) {
        requireCurrency("currency", currency);
    }

    private void requireCurrency(String field, String currency) {
        try {
            require(currency != null && Currency.getInstance(currency).getCurrencyCode().equals(currency),
                    field + " must be an ISO 4217 code such as EUR or USD");
        } catch (IllegalArgumentException notAnIsoCode) {
            throw refusedSaying(Rule.INVALID_VALUE, field + " '" + currency + "' is not an ISO 4217 code such as EUR or USD");
        }
    }

}
