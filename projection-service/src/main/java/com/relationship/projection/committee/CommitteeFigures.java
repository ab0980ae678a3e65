package com.relationship.projection.committee;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.LifecycleStage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the committee says of the account at one instant, each figure with its inputs, a sentence and
 * the ids of the events behind it (as the churn factors do). A pure function of the committee, the
 * cadence and the time: time alone changes coverage and single-threading, as conversations fall out
 * of the cadence window.
 *
 * @param at             the instant they were reckoned at: the last event's time, or the last pass over time
 * @param champions      the active CHAMPIONs, in the order they were added
 * @param decisionMakers the active DECISION_MAKERs, in the order they were added
 * @param gaps           for CHAMPION and DECISION_MAKER: a role whose holder left with nobody of it active since
 */
public record CommitteeFigures(Instant at, Cadence cadence, Coverage coverage, SingleThreading singleThreaded,
                               List<Gap> gaps, List<UUID> champions, List<UUID> decisionMakers) {

    /** Influence from which a contact is one the account cannot be won or kept without. */
    static final int KEY_INFLUENCE = 4;
    /** Fewer two-way interactions in a window say too little to call the relationship single-threaded. */
    static final int SINGLE_THREAD_MIN_INTERACTIONS = 2;
    /** The roles whose departure leaves a gap: who sells for us inside, and who signs. */
    static final List<ContactRole> GAP_ROLES = List.of(ContactRole.CHAMPION, ContactRole.DECISION_MAKER);

    public CommitteeFigures {
        gaps = List.copyOf(gaps);
        champions = List.copyOf(champions);
        decisionMakers = List.copyOf(decisionMakers);
    }

    /**
     * The account's contact cadence and the window it makes.
     *
     * @param every       the churn model's cadence for the stage (shorter on an active KAM track)
     * @param windowStart {@code at - every}: a two-way interaction after it is within the cadence
     * @param eventIds    the events that moved the account into its stage and onto its KAM stage
     */
    public record Cadence(Duration every, LifecycleStage stage, boolean keyAccount, Instant windowStart, String reason,
                          List<String> eventIds) {
    }

    /**
     * The share of the active contacts with influence 4 or more who had a two-way interaction within the cadence.
     *
     * @param share    reached / keyContacts, rounded to three places; null when there is no such contact
     * @param eventIds the reached contacts' last two-way interactions
     */
    public record Coverage(Double share, int reached, int keyContacts, List<UUID> reachedContactIds,
                           List<UUID> notReachedContactIds, String reason, List<String> eventIds) {
    }

    /**
     * Whether one contact carries every two-way interaction of the last cadence window.
     *
     * @param value        true when at least two two-way interactions within the window name a contact, all the same one
     * @param contactId    the one contact carrying them when {@code value}; null otherwise
     * @param interactions the two-way interactions within the window that name a contact
     * @param unattributed those within the window naming a person in free text only: who they were with is unknown,
     *                     so they count neither way
     * @param eventIds     the interactions within the window, attributed or not
     */
    public record SingleThreading(boolean value, UUID contactId, int interactions, int unattributed, String reason,
                                  List<String> eventIds) {
    }

    /**
     * A CHAMPION or DECISION_MAKER who left with nobody of that role active since.
     *
     * @param since              when the last contact holding the role left
     * @param departedContactId  who left
     * @param eventIds           their ContactLeft event
     */
    public record Gap(ContactRole role, Instant since, UUID departedContactId, String reason, List<String> eventIds) {
    }

    static CommitteeFigures of(CadenceBasis basis, List<Contact> contacts, List<TwoWay> twoWay, Duration every,
                               Instant now) {
        Instant windowStart = now.minus(every);
        return new CommitteeFigures(now, cadence(basis, every, windowStart), coverage(contacts, windowStart, every),
                singleThreaded(contacts, twoWay, windowStart, every), gaps(contacts), holders(contacts, ContactRole.CHAMPION),
                holders(contacts, ContactRole.DECISION_MAKER));
    }

    /**
     * The earliest instant after {@code now} at which time alone changes the figures: when a two-way
     * interaction still within the window falls out of it. Null when none is within.
     */
    static Instant nextChange(List<Contact> contacts, List<TwoWay> twoWay, Duration every, Instant now) {
        List<Instant> candidates = new ArrayList<>();
        twoWay.forEach(t -> candidates.add(t.at().plus(every)));
        contacts.stream().map(Contact::lastTwoWayInteraction).filter(Objects::nonNull)
                .forEach(t -> candidates.add(t.at().plus(every)));
        return candidates.stream().filter(at -> at.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Within the window: after its start, so an interaction leaves it at its time plus the cadence, when nextChange says. */
    private static boolean within(Instant at, Instant windowStart) {
        return at.isAfter(windowStart);
    }

    private static Cadence cadence(CadenceBasis basis, Duration every, Instant windowStart) {
        List<String> ids = new ArrayList<>();
        if (basis.stageEventId() != null) {
            ids.add(basis.stageEventId());
        }
        if (basis.kamEventId() != null) {
            ids.add(basis.kamEventId());
        }
        String stage = basis.stage() == LifecycleStage.LAPSED && basis.lapsedFrom() != null
                ? "LAPSED account (held to the cadence of " + basis.lapsedFrom() + ")" : String.valueOf(basis.stage());
        String reason = "A " + stage + (basis.keyAccount() ? " key account" : "") + " calls for a two-way interaction every "
                + days(every) + ".";
        return new Cadence(every, basis.stage(), basis.keyAccount(), windowStart, reason, ids);
    }

    private static Coverage coverage(List<Contact> contacts, Instant windowStart, Duration every) {
        List<UUID> reached = new ArrayList<>();
        List<UUID> notReached = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Contact contact : contacts) {
            if (!contact.isActive() || contact.influence() < KEY_INFLUENCE) {
                continue;
            }
            Contact.Touch last = contact.lastTwoWayInteraction();
            if (last != null && within(last.at(), windowStart)) {
                reached.add(contact.contactId());
                ids.add(last.eventId());
            } else {
                notReached.add(contact.contactId());
            }
        }
        int of = reached.size() + notReached.size();
        if (of == 0) {
            return new Coverage(null, 0, 0, reached, notReached, "No active contact with influence " + KEY_INFLUENCE
                    + " or more: nobody to cover yet.", ids);
        }
        double share = Math.round(1000.0 * reached.size() / of) / 1000.0;
        return new Coverage(share, reached.size(), of, reached, notReached, reached.size() + " of " + of
                + " active contact(s) with influence " + KEY_INFLUENCE + " or more had a two-way interaction within the last "
                + days(every) + ".", ids);
    }

    private static SingleThreading singleThreaded(List<Contact> contacts, List<TwoWay> twoWay, Instant windowStart,
                                                  Duration every) {
        List<TwoWay> inWindow = twoWay.stream().filter(t -> within(t.at(), windowStart))
                .sorted(Comparator.comparing(TwoWay::at).thenComparing(TwoWay::eventId)).toList();
        List<TwoWay> attributed = inWindow.stream().filter(t -> t.contactId() != null).toList();
        int unattributed = inWindow.size() - attributed.size();
        Set<UUID> people = new LinkedHashSet<>();
        attributed.forEach(t -> people.add(t.contactId()));
        List<String> ids = inWindow.stream().map(TwoWay::eventId).toList();
        String window = " within the last " + days(every);
        String unnamed = unattributed == 0 ? "" : "; " + unattributed + " more name nobody of the committee and count neither way";
        if (attributed.size() < SINGLE_THREAD_MIN_INTERACTIONS) {
            return new SingleThreading(false, null, attributed.size(), unattributed, attributed.size()
                    + " two-way interaction(s) with a contact" + window + unnamed + ": too few to call it single-threaded"
                    + " (it takes " + SINGLE_THREAD_MIN_INTERACTIONS + ").", ids);
        }
        if (people.size() == 1) {
            UUID only = people.iterator().next();
            boolean left = contacts.stream().anyMatch(c -> c.contactId().equals(only) && !c.isActive());
            return new SingleThreading(true, only, attributed.size(), unattributed, "All " + attributed.size()
                    + " two-way interactions with a contact" + window + " were with one contact" + (left ? ", who has left" : "")
                    + unnamed + ".", ids);
        }
        return new SingleThreading(false, null, attributed.size(), unattributed, attributed.size()
                + " two-way interactions" + window + " reached " + people.size() + " contacts" + unnamed + ".", ids);
    }

    private static List<Gap> gaps(List<Contact> contacts) {
        List<Gap> gaps = new ArrayList<>();
        for (ContactRole role : GAP_ROLES) {
            if (contacts.stream().anyMatch(c -> c.isActive() && c.role() == role)) {
                continue;
            }
            // A departed contact keeps the role they held when they left: nobody assesses them after.
            contacts.stream().filter(c -> !c.isActive() && c.role() == role)
                    .max(Comparator.comparing((Contact c) -> c.departure().at()).thenComparing(c -> c.departure().eventId()))
                    .ifPresent(c -> gaps.add(new Gap(role, c.departure().at(), c.contactId(), "The last " + role
                            + " left on " + c.departure().at() + " and no active contact holds the role since.",
                            List.of(c.departure().eventId()))));
        }
        return gaps;
    }

    private static List<UUID> holders(List<Contact> contacts, ContactRole role) {
        return contacts.stream().filter(c -> c.isActive() && c.role() == role).map(Contact::contactId).toList();
    }

    private static String days(Duration every) {
        long days = every.toDays();
        return days * 86_400 == every.toSeconds() ? days + " day(s)" : every.toString();
    }
}
