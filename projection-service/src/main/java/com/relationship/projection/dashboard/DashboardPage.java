package com.relationship.projection.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;

/**
 * The dashboard page ({@code /dashboard}, static files under {@code static/dashboard}) and how it
 * signs in: {@code GET /dashboard/sign-in} gives the page the bearer token it calls the API with.
 */
@Controller
@Hidden
public class DashboardPage {

    public static final String PATH = "/dashboard";
    static final URI SIGN_IN_REQUIRED = URI.create("/problems/sign-in-required");
    static final URI NOT_LOOPBACK = URI.create("/problems/sign-in-not-loopback");
    /** The names a page on this machine is opened by; any other could be a DNS-rebinding site. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final DashboardProperties properties;
    private final OidcSignIn oidc;

    public DashboardPage(DashboardProperties properties, ObjectProvider<OidcSignIn> oidc) {
        this.properties = properties;
        this.oidc = oidc.getIfAvailable();
    }

    @GetMapping({PATH, PATH + "/"})
    String page() {
        return "forward:" + PATH + "/index.html";
    }

    /** The churn backtest's report: the latest finished backtest of this instance (issue 27). */
    @GetMapping(PATH + "/backtest")
    String backtest() {
        return "forward:" + PATH + "/backtest.html";
    }

    /** The portfolio's profitability: the whale curve, the unprofitable tail, the cost to serve (issue 29). */
    @GetMapping(PATH + "/portfolio")
    String portfolio() {
        return "forward:" + PATH + "/portfolio.html";
    }

    /**
     * @param mode   local, oidc
     * @param token  the bearer token for the API (role reader)
     */
    public record SignIn(String mode, String token) {
    }

    @GetMapping(value = PATH + "/sign-in", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> signIn(HttpServletRequest request) {
        switch (properties.signIn()) {
            case LOCAL -> {
                if (!fromThisMachine(request)) {
                    return required("The local stack's sign-in answers only on the machine it runs on: paste a bearer"
                            + " token with the reader role.", null);
                }
                if (!openedAsLoopback(request)) {
                    return problem(HttpStatus.FORBIDDEN, NOT_LOOPBACK, "Dashboard not opened as localhost",
                            "The local stack's sign-in hands its token only to a page opened by a loopback name"
                                    + " (localhost, 127.0.0.1 or [::1]), so that no other site can read it: open the"
                                    + " dashboard as http://localhost:" + request.getLocalPort() + PATH + ".", null);
                }
                String token = localToken();
                if (token.isEmpty()) {
                    return required("The local stack's reader token for this page is missing (" + properties.localTokenFile()
                            + "): restart the local stack, or paste a bearer token with the reader role.", null);
                }
                return noStore(new SignIn("local", token));
            }
            case OIDC -> {
                String token = oidc == null ? null : oidc.accessToken(request);
                if (token != null) {
                    return noStore(new SignIn("oidc", token));
                }
                return required("Sign in with your company account to see the dashboard.",
                        OidcSignIn.LOGIN + properties.oidcRegistration());
            }
            default -> {
                return required("This dashboard has no sign-in configured (projection.dashboard.sign-in is none):"
                        + " paste a bearer token with the reader role.", null);
            }
        }
    }

    /** The token is handed to browsers on this machine only, whichever address the local stack listens on. */
    private static boolean fromThisMachine(HttpServletRequest request) {
        try {
            return java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * A loopback peer is not enough: a site whose name the attacker re-points at 127.0.0.1 (DNS
     * rebinding) runs in the developer's browser on this machine, and reads the answer as its own.
     * Its requests carry its name in {@code Host} (which a page cannot set) and, when sent, in
     * {@code Origin}. The raw {@code Host}, not {@code getServerName()}, which forwarded headers can
     * change (and which stands in only for a request without one: no browser sends that).
     */
    private static boolean openedAsLoopback(HttpServletRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return isLoopback("http://" + (host == null ? request.getServerName() : host))
                && (origin == null || isLoopback(origin));
    }

    /** {@code http://localhost:8081}, {@code http://[::1]}: a loopback name, any port; anything unparsable is not. */
    private static boolean isLoopback(String origin) {
        try {
            URI uri = new URI(origin);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawPath().isEmpty() && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    /** Read at every sign-in, so a restarted launcher's new token is used at once; empty when there is none. */
    private String localToken() {
        try {
            return Files.readString(properties.localTokenFile()).trim();
        } catch (java.nio.file.NoSuchFileException missing) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("The local stack's reader token for the dashboard cannot be read at "
                    + properties.localTokenFile() + " (projection.dashboard.local-token-file)", e);
        }
    }

    private static ResponseEntity<SignIn> noStore(SignIn signIn) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(signIn);
    }

    private static ResponseEntity<ProblemDetail> required(String detail, String login) {
        return problem(HttpStatus.UNAUTHORIZED, SIGN_IN_REQUIRED, "Sign-in required", detail, login);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail,
                                                         String login) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (login != null) {
            problem.setProperty("login", login);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(problem);
    }
}
