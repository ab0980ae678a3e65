package com.relationship.projection.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.relationship.security.SubjectRateLimit;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Short-lived single-use tickets for the dashboard's stream: a browser's {@code EventSource} cannot
 * send an {@code Authorization} header, so the page trades its bearer token for a ticket (over a
 * call that can send one) and puts the ticket in the stream's URL. A URL ends up in logs and
 * browser history; a ticket is worth nothing there, because it is spent on first use and dies
 * after {@code ticket-ttl}.
 * <p>
 * Kept in MongoDB, not in memory, so a ticket issued by one instance opens the stream on any other
 * behind the same load balancer, and is spent on all of them at once: redeeming is one atomic
 * {@code findOneAndDelete}. Only the ticket's SHA-256 is stored, so whoever reads the collection
 * cannot use what is in it.
 * <p>
 * Each token subject may ask for {@code ticket-rate} of them ({@link SubjectRateLimit}): a page
 * reconnecting in a loop, or a script minting tickets, is refused 429 instead of filling the
 * collection and opening streams without end.
 */
public class StreamTickets {

    private static final SecureRandom random = new SecureRandom();

    /** Who a ticket was issued to, and until when their sign-in holds (the token's expiry; null: none). */
    public record Holder(String subject, Instant signInUntil) {
    }

    /** A ticket just issued: give it to the stream within {@code expiresAt}. */
    public record Issued(String ticket, Instant expiresAt) {
    }

    /** The subject asked for more tickets than its rate: none issued; ask again after {@code retryAfter}. */
    public static class TooManyTickets extends RuntimeException {
        private final Duration retryAfter;

        TooManyTickets(String subject, SubjectRateLimit.Limit limit, Duration retryAfter) {
            super("'" + subject + "' asked for more than " + limit.requests() + " stream tickets per "
                    + limit.per().toSeconds() + " s (bursts up to " + limit.burst() + "): ask again in "
                    + SubjectRateLimit.retryAfterSeconds(retryAfter) + " s (Retry-After).");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final MongoCollection<Document> tickets;
    private final Duration ttl;
    private final Clock clock;
    private final SubjectRateLimit rate;

    public StreamTickets(MongoCollection<Document> tickets, Duration ttl, Clock clock, SubjectRateLimit rate) {
        this.tickets = tickets;
        this.ttl = ttl;
        this.clock = clock;
        this.rate = rate;
    }

    /** @throws TooManyTickets past the holder's rate */
    public Issued issue(Holder holder) {
        rate.take(holder.subject()).ifPresent(wait -> {
            throw new TooManyTickets(holder.subject(), rate.limit(), wait);
        });
        Instant now = clock.instant();
        // Tickets nobody redeemed go when the next one is issued: a handful at any time.
        tickets.deleteMany(Filters.lt("expiresAt", Date.from(now)));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(ttl);
        tickets.insertOne(new Document("_id", hash(ticket)).append("subject", holder.subject())
                .append("signInUntil", holder.signInUntil() == null ? null : Date.from(holder.signInUntil()))
                .append("expiresAt", Date.from(expiresAt)));
        return new Issued(ticket, expiresAt);
    }

    /** The holder of a live ticket, which is spent now; empty for a ticket unknown, used or expired. */
    public Optional<Holder> redeem(String ticket) {
        if (ticket == null || ticket.isBlank()) {
            return Optional.empty();
        }
        Document spent = tickets.findOneAndDelete(Filters.eq("_id", hash(ticket)));
        if (spent == null || !spent.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        Date until = spent.getDate("signInUntil");
        return Optional.of(new Holder(spent.getString("subject"), until == null ? null : until.toInstant()));
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
