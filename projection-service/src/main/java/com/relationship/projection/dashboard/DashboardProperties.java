package com.relationship.projection.dashboard;

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
                                  @DefaultValue("company") String oidcRegistration) {

    public enum SignIn { NONE, LOCAL, OIDC }

    public DashboardProperties {
        if (ringSize < 1 || tabBuffer < 1) {
            throw new IllegalArgumentException("projection.dashboard.ring-size and tab-buffer must be at least 1");
        }
        if (signIn == SignIn.LOCAL && localTokenFile == null) {
            throw new IllegalArgumentException("projection.dashboard.sign-in=local needs projection.dashboard.local-token-file:"
                    + " the reader token the local stack minted for the page");
        }
    }
}
