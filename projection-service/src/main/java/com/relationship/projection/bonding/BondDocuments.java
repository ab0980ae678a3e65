package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The document form of bonds and the conventions the bonding and churn documents share. Instants are
 * ISO-8601 strings, not BSON dates: a BSON date keeps milliseconds, the events carry microseconds, and
 * a stored view would then differ from the one its events fold to (see AccountStatusDocuments).
 * Enums are their names, ids strings.
 */
public final class BondDocuments {

    private BondDocuments() {
    }

    public static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    public static Instant instant(Document from, String key) {
        String text = from.getString(key);
        return text == null ? null : Instant.parse(text);
    }

    public static Document bond(Bond bond) {
        return new Document("bondId", bond.bondId().toString()).append("kind", bond.kind().name())
                .append("description", bond.description()).append("since", instant(bond.since()))
                .append("validUntil", instant(bond.validUntil())).append("eventId", bond.eventId());
    }

    public static Bond bond(Document from) {
        return new Bond(UUID.fromString(from.getString("bondId")), BondKind.valueOf(from.getString("kind")),
                from.getString("description"), instant(from, "since"), instant(from, "validUntil"),
                from.getString("eventId"));
    }

    public static List<Document> bonds(List<Bond> bonds) {
        return bonds.stream().map(BondDocuments::bond).toList();
    }

    public static List<Bond> bonds(Document from, String key) {
        return from.getList(key, Document.class, List.of()).stream().map(BondDocuments::bond).toList();
    }
}
