package com.relationship.projection.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

import java.time.Clock;

/**
 * The page's sign-in with the company's OpenID Connect provider ({@code projection.dashboard.sign-in=oidc}):
 * Spring Security's OAuth2 client logs the person in (authorization code flow, a session cookie on
 * {@code /dashboard/sign-in} and the login paths only), and the page gets the access token the
 * provider issued, which the API verifies like any other bearer token: it needs the {@code reader}
 * role and this service's audience. The filter chain is {@link DashboardConfig#oidcSignInChain}.
 */
public class OidcSignIn {

    /** Where a login starts: append the registration id. */
    public static final String LOGIN = "/oauth2/authorization/";

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final Clock clock;

    public OidcSignIn(OAuth2AuthorizedClientRepository authorizedClients, Clock clock) {
        this.authorizedClients = authorizedClients;
        this.clock = clock;
    }

    /** The signed-in person's access token while it is valid; null when nobody is signed in. */
    public String accessToken(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!(signedIn instanceof OAuth2AuthenticationToken login)) {
            return null;
        }
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                login.getAuthorizedClientRegistrationId(), login, request);
        if (client == null || client.getAccessToken().getExpiresAt() != null
                && !client.getAccessToken().getExpiresAt().isAfter(clock.instant())) {
            return null; // signed in once, but the token ran out: sign in again
        }
        return client.getAccessToken().getTokenValue();
    }
}
