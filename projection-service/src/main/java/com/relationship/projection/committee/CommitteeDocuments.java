package com.relationship.projection.committee;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.projection.committee.Contact.ContactStatus;
import com.relationship.projection.committee.Contact.Departure;
import com.relationship.projection.committee.Contact.RoleAssessment;
import com.relationship.projection.committee.Contact.Touch;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.relationship.projection.bonding.BondDocuments.instant;

/**
 * The document form of a committee: what it was folded from, and when its figures were reckoned (they
 * are reckoned again on read, a pure function of the rest). Instants are ISO-8601 strings, enums their
 * names and ids strings, as in the other read models' documents (see BondDocuments).
 */
final class CommitteeDocuments {

    /** What a document holds: the view but its figures. */
    record Stored(UUID accountId, CadenceBasis basis, List<Contact> contacts, List<TwoWay> recentTwoWay,
                  Instant figuresAt, long lastAppliedSequence) {
    }

    private CommitteeDocuments() {
    }

    static void write(CommitteeView view, Document into) {
        CadenceBasis b = view.basis();
        into.append("accountId", view.accountId().toString())
                .append("basis", new Document("stage", name(b.stage())).append("lapsedFrom", name(b.lapsedFrom()))
                        .append("keyAccount", b.keyAccount()).append("stageEventId", b.stageEventId())
                        .append("kamEventId", b.kamEventId()))
                .append("contacts", view.contacts().stream().map(CommitteeDocuments::contact).toList())
                .append("recentTwoWay", view.recentTwoWay().stream().map(t -> new Document("at", instant(t.at()))
                        .append("contactId", text(t.contactId())).append("eventId", t.eventId())).toList())
                .append("figuresAt", instant(view.figures().at()))
                .append("lastAppliedSequence", view.lastAppliedSequence());
    }

    static Stored read(Document from) {
        Document b = from.get("basis", Document.class);
        CadenceBasis basis = new CadenceBasis(stage(b.getString("stage")), stage(b.getString("lapsedFrom")),
                b.getBoolean("keyAccount", false), b.getString("stageEventId"), b.getString("kamEventId"));
        List<Contact> contacts = from.getList("contacts", Document.class, List.of()).stream()
                .map(CommitteeDocuments::contact).toList();
        List<TwoWay> twoWay = from.getList("recentTwoWay", Document.class, List.of()).stream()
                .map(t -> new TwoWay(instant(t, "at"), uuid(t.getString("contactId")), t.getString("eventId"))).toList();
        return new Stored(UUID.fromString(from.getString("accountId")), basis, contacts, twoWay,
                instant(from, "figuresAt"), ((Number) from.get("lastAppliedSequence")).longValue());
    }

    private static Document contact(Contact c) {
        Departure d = c.departure();
        Touch t = c.lastTwoWayInteraction();
        return new Document("contactId", c.contactId().toString()).append("name", c.name()).append("title", c.title())
                .append("email", c.email()).append("phone", c.phone()).append("role", c.role().name())
                .append("influence", c.influence()).append("preferredChannel", name(c.preferredChannel()))
                .append("status", c.status().name()).append("addedAt", instant(c.addedAt()))
                .append("addedEventId", c.addedEventId())
                .append("departure", d == null ? null : new Document("at", instant(d.at())).append("reason", d.reason())
                        .append("eventId", d.eventId()))
                .append("lastTwoWayInteraction", t == null ? null : new Document("at", instant(t.at()))
                        .append("channel", t.channel().name()).append("eventId", t.eventId()))
                .append("roleHistory", c.roleHistory().stream().map(r -> new Document("at", instant(r.at()))
                        .append("role", r.role().name()).append("influence", r.influence()).append("reason", r.reason())
                        .append("eventId", r.eventId())).toList());
    }

    private static Contact contact(Document c) {
        Document d = c.get("departure", Document.class);
        Document t = c.get("lastTwoWayInteraction", Document.class);
        String channel = c.getString("preferredChannel");
        return new Contact(UUID.fromString(c.getString("contactId")), c.getString("name"), c.getString("title"),
                c.getString("email"), c.getString("phone"), ContactRole.valueOf(c.getString("role")),
                c.getInteger("influence"), channel == null ? null : InteractionChannel.valueOf(channel),
                ContactStatus.valueOf(c.getString("status")), instant(c, "addedAt"), c.getString("addedEventId"),
                d == null ? null : new Departure(instant(d, "at"), d.getString("reason"), d.getString("eventId")),
                t == null ? null : new Touch(instant(t, "at"), InteractionChannel.valueOf(t.getString("channel")),
                        t.getString("eventId")),
                c.getList("roleHistory", Document.class, List.of()).stream().map(r -> new RoleAssessment(
                        instant(r, "at"), ContactRole.valueOf(r.getString("role")), r.getInteger("influence"),
                        r.getString("reason"), r.getString("eventId"))).toList());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static LifecycleStage stage(String name) {
        return name == null ? null : LifecycleStage.valueOf(name);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
