package com.relationship.projection.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A lease in a MongoDB collection that at most one instance holds at a time: the one to do what must be done
 * once for the whole portfolio (publish the value tiers' changes). The holder renews it well within
 * {@code duration}; an instance that stops renewing it (killed, cut off) loses it once it runs out, and the
 * next instance to ask takes it. Taking is a single document write (an update of an expired or own lease,
 * else an insert that the unique {@code _id} refuses while another holds it), so it needs no transaction.
 * The holders' clocks must agree to well within {@code duration}.
 */
public final class MongoLease {

    private final MongoCollection<Document> leases;
    private final String name;
    private final String holder;
    private final Duration duration;
    private final Clock clock;

    /** @param holder this instance, unique among those that may take the lease */
    public MongoLease(MongoCollection<Document> leases, String name, String holder, Duration duration, Clock clock) {
        this.leases = leases;
        this.name = name;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
    }

    /** Renews the lease if this instance holds it, takes it if it ran out; answers whether this instance holds it now. */
    public boolean holdOrTake() {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(duration));
        long renewed = leases.updateOne(Filters.and(Filters.eq("_id", name),
                        Filters.or(Filters.eq("holder", holder), Filters.lt("until", Date.from(now)))),
                Updates.combine(Updates.set("holder", holder), Updates.set("until", until))).getMatchedCount();
        if (renewed == 1) {
            return true;
        }
        try {
            leases.insertOne(new Document("_id", name).append("holder", holder).append("until", until));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // another instance holds it
            }
            throw e;
        }
    }

    /** Gives the lease up if this instance holds it, so another can take it at once. */
    public void release() {
        leases.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("holder", holder)));
    }

    /** Who holds the lease and until when; null when nobody ever took it. */
    public Document current() {
        return leases.find(Filters.eq("_id", name)).first();
    }

    public String holder() {
        return holder;
    }
}
