package com.relationship.projection.committee;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One person of the account's buying committee as the account team sees them. {@code name},
 * {@code title}, {@code email}, {@code phone} and the reasons are personal data (decision 0015): shown
 * to the account team, never logged ({@link #toString()} leaves email and phone out).
 *
 * @param role                  the role now: the latest assessment's
 * @param influence             on a purchase, 1 to 5, now
 * @param preferredChannel      null when they named none
 * @param addedEventId          the ContactAdded event
 * @param departure             null while the contact is ACTIVE
 * @param lastTwoWayInteraction the latest (by when it happened) TWO_WAY interaction naming their contactId; null when none
 * @param roleHistory           the role and influence they were added with, then each assessment, oldest first
 */
public record Contact(UUID contactId, String name, String title, String email, String phone, ContactRole role,
                      int influence, InteractionChannel preferredChannel, ContactStatus status, Instant addedAt,
                      String addedEventId, Departure departure, Touch lastTwoWayInteraction,
                      List<RoleAssessment> roleHistory) {

    /** What an erased contact's personal data reads as (security module's {@code PersonalData.ERASED}). */
    public static final String ERASED = "[erased]";

    public Contact {
        roleHistory = List.copyOf(roleHistory);
    }

    public enum ContactStatus { ACTIVE, LEFT }

    /** When and why the contact left, and the ContactLeft event. */
    public record Departure(Instant at, String reason, String eventId) {
    }

    /** An interaction with the contact: when it happened, on which channel, and its event. */
    public record Touch(Instant at, InteractionChannel channel, String eventId) {
    }

    /**
     * A role and influence given to the contact.
     *
     * @param reason why it was assessed so; null for the role the contact was added with
     */
    public record RoleAssessment(Instant at, ContactRole role, int influence, String reason, String eventId) {
    }

    boolean isActive() {
        return status == ContactStatus.ACTIVE;
    }

    Contact assessed(RoleAssessment assessment) {
        List<RoleAssessment> history = new ArrayList<>(roleHistory);
        history.add(assessment);
        return new Contact(contactId, name, title, email, phone, assessment.role(), assessment.influence(),
                preferredChannel, status, addedAt, addedEventId, departure, lastTwoWayInteraction, history);
    }

    Contact left(Departure left) {
        return new Contact(contactId, name, title, email, phone, role, influence, preferredChannel, ContactStatus.LEFT,
                addedAt, addedEventId, left, lastTwoWayInteraction, roleHistory);
    }

    /**
     * The contact with their name, title, email and phone as {@code open} reads them: the committee keeps
     * them sealed, as the events carry them, and opens them only in an answer, so no document ever holds
     * a contact's personal data in plaintext (a storage engine's old pages included: docs/personal-data.md).
     */
    Contact opened(java.util.function.UnaryOperator<String> open) {
        return new Contact(contactId, open.apply(name), open.apply(title), email == null ? null : open.apply(email),
                phone == null ? null : open.apply(phone), role, influence, preferredChannel, status, addedAt,
                addedEventId, departure, lastTwoWayInteraction, roleHistory);
    }

    /**
     * The contact after their personal data was erased: each of name, title, email and phone they had
     * reads {@value #ERASED}, as the same fields read when a rebuild opens them without their key.
     */
    Contact erased() {
        return new Contact(contactId, ERASED, ERASED, email == null ? null : ERASED, phone == null ? null : ERASED,
                role, influence, preferredChannel, status, addedAt, addedEventId, departure, lastTwoWayInteraction,
                roleHistory);
    }

    Contact touched(Touch touch) {
        return new Contact(contactId, name, title, email, phone, role, influence, preferredChannel, status, addedAt,
                addedEventId, departure, touch, roleHistory);
    }

    /** Without email and phone: a record's default text prints every field, and a log line must not carry them. */
    @Override
    public String toString() {
        return "Contact[" + contactId + ", " + role + ", influence " + influence + ", " + status + "]";
    }
}
