package com.relationship.projection.dashboard;

import com.relationship.security.SubjectRateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The live dashboard's settings ({@code projection.dashboard.*}).
 *
 * @param ringSize         how many past changes a reconnecting tab can resume from ({@code Last-Event-ID});
 *                         older than that, it is told to {@code resync} (fetch its snapshot again)
 * @param tabBuffer        changes queued for one tab that is slow to read; past that the tab is told to
 *                         resync and closed, so a slow tab never holds up the others
 * @param heartbeat        a comment line this often on every stream, so a closed tab is noticed (a
 *                         write fails) and proxies keep the connection
 * @param funnelTick       how often the funnel's counts are sent, when a status changed since the last
 * @param ticketTtl        how long a stream ticket can be redeemed (once)
 * @param reconnectAfter   the {@code retry:} a browser waits before it reconnects on its own
 * @param signIn           how the page gets its token: {@code none} (it asks the user for one), {@code local}
 *                         (the local stack's reader token, from {@code localTokenFile}) or {@code oidc} (the
 *                         company's OpenID Connect login, Spring Security's OAuth2 client)
 * @param localTokenFile   local sign-in only: the reader token the launcher minted for the page
 * @param oidcRegistration oidc sign-in only: the {@code spring.security.oauth2.client.registration.<id>} to use
 * @param streamsPerSubject open streams one token subject may hold on this instance (tabs); one more is 429
 * @param maxStreams       open streams this instance holds in all; one more is 503. Each holds a connection
 *                         through any load balancer in front: keep the sum over the instances well below
 *                         what it can hold, or streams lock out every other call through it
 * @param streamLifetime   the longest a stream stays open; then it ends and the tab reconnects with a new
 *                         ticket (and its last id), so every stream is checked against a live sign-in again
 * @param writerThreads    threads writing to the tabs (one tab's writes at a time each); a tab whose network
 *                         stalls holds one until its write fails or its stream ends
 * @param ticketRate       stream tickets one token subject may ask for; past it 429 with {@code Retry-After}
 */
@ConfigurationProperties("projection.dashboard")
public record DashboardProperties(@DefaultValue("10000") int ringSize,
                                  @DefaultValue("1000") int tabBuffer,
                                  @DefaultValue("15s") Duration heartbeat,
                                  @DefaultValue("1500ms") Duration funnelTick,
                                  @DefaultValue("30s") Duration ticketTtl,
                                  @DefaultValue("2s") Duration reconnectAfter,
                                  @DefaultValue("none") SignIn signIn,
                                  Path localTokenFile,
                                  @DefaultValue("company") String oidcRegistration,
                                  @DefaultValue("10") int streamsPerSubject,
                                  @DefaultValue("200") int maxStreams,
                                  @DefaultValue("1h") Duration streamLifetime,
                                  @DefaultValue("16") int writerThreads,
                                  @DefaultValue TicketRate ticketRate) {

    public enum SignIn { NONE, LOCAL, OIDC }

    /**
     * {@code projection.dashboard.ticket-rate.*}: 60 a minute with bursts of 20 by default, well above
     * a tab's one ticket per (re)connect.
     *
     * @param requests stream tickets one token subject may take per {@code per}
     * @param per      the period the {@code requests} refill over
     * @param burst    tickets a subject may take at once before the rate applies
     */
    public record TicketRate(@DefaultValue("60") long requests, @DefaultValue("1m") Duration per,
                             @DefaultValue("20") long burst) {

        SubjectRateLimit.Limit limit() {
            return new SubjectRateLimit.Limit(requests, per, burst);
        }
    }

    public DashboardProperties {
        if (ringSize < 1 || tabBuffer < 1 || streamsPerSubject < 1 || maxStreams < 1 || writerThreads < 1) {
            throw new IllegalArgumentException("projection.dashboard.ring-size, tab-buffer, streams-per-subject,"
                    + " max-streams and writer-threads must be at least 1");
        }
        if (streamLifetime.isNegative() || streamLifetime.isZero()) {
            throw new IllegalArgumentException("projection.dashboard.stream-lifetime must be positive, was " + streamLifetime);
        }
        if (signIn == SignIn.LOCAL && localTokenFile == null) {
            throw new IllegalArgumentException("projection.dashboard.sign-in=local needs projection.dashboard.local-token-file:"
                    + " the reader token the local stack minted for the page");
        }
    }
}
