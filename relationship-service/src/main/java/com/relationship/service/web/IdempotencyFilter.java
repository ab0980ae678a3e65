package com.relationship.service.web;

import com.mongodb.MongoException;
import com.relationship.security.Actor;
import com.relationship.security.TokenSecurityAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@value #HEADER} on a command makes it safe to retry. A key is scoped by the actor who sends it
 * (the key alone, not per account or endpoint: a key names one request, so using it again for any
 * other request, on another account or endpoint included, is a client bug we refuse rather than
 * execute). The first request with a key is handled and its answer (status, body, ETag, Location;
 * refusals included) remembered; the same request again gets that answer back, marked
 * {@value #REPLAYED}: true, and stores nothing. Another request under the same key gets 422
 * {@code /problems/idempotency-key-reused}; one arriving while the first is still being handled
 * waits briefly, then gets 409 {@code /problems/idempotency-key-in-progress}. An attempt that ended
 * without an answer (a 5xx, a crash) is retried for real, but only after looking for its event in
 * the account's history (see {@link AccountCommands}).
 */
@Component
@Order(TokenSecurityAutoConfiguration.AFTER_AUTHENTICATION + 10) // keys are per actor: only after the token check
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID = Pattern.compile("[\\p{Alnum}._:+=/@-]{1,200}");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final MeterRegistry meters;

    IdempotencyFilter(IdempotencyStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /** {@code relationship.idempotency} by outcome: first, replayed, reused, in-progress, taken-over. */
    private void count(String outcome) {
        meters.counter("relationship.idempotency", "outcome", outcome).increment();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID.matcher(key).matches()) {
            FilterProblems.write(request, response, 400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    HEADER + " must be 1 to 200 letters, digits or ._:+=/@- characters; a UUID is a good key.",
                    Map.of());
            return;
        }
        CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (cached == null) {
            throw new IllegalStateException("BodyLimitFilter did not run before IdempotencyFilter");
        }
        // Runs after Spring Security's chain (see @Order): every command here has a verified actor.
        String actor = Actor.required().subject();
        String scope = actor + " " + key;
        String fingerprint = fingerprint(request.getMethod() + " " + request.getRequestURI(), cached.body());
        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(scope, fingerprint);
        } catch (MongoException unavailable) {
            log.error("Idempotency keys unavailable", unavailable);
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            FilterProblems.write(request, response, 503, "store-unavailable", "Event store unavailable",
                    "The database could not be reached, so nothing was stored; retry in a few seconds with the"
                            + " same " + HEADER + ".", Map.of());
            return;
        }
        if (claim instanceof IdempotencyStore.Reused) {
            count("reused");
            FilterProblems.write(request, response, 422, "idempotency-key-reused", "Idempotency-Key reused",
                    HEADER + " '" + key + "' was already used for another request (another body, account or"
                            + " endpoint); send each new request with a new key.", Map.of("idempotencyKey", key));
        } else if (claim instanceof IdempotencyStore.Busy) {
            count("in-progress");
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            FilterProblems.write(request, response, 409, "idempotency-key-in-progress",
                    "Request with this Idempotency-Key in progress",
                    "A request with " + HEADER + " '" + key + "' is still being handled; retry in a second"
                            + " with the same key to get its answer.", Map.of("idempotencyKey", key));
        } else if (claim instanceof IdempotencyStore.Answered answered) {
            count("replayed");
            replay(answered.response(), response);
        } else if (claim instanceof IdempotencyStore.Owned owned) {
            count(owned.outcomeUnknown() ? "taken-over" : "first");
            handle(request, response, chain, scope, owned, new IdempotentRequest(actor, key, owned.outcomeUnknown()));
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope,
                        IdempotencyStore.Owned owned, IdempotentRequest idempotent)
            throws ServletException, IOException {
        idempotent.bind(request);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(request, recorded);
            byte[] body = recorded.getContentAsByteArray();
            answered = isFinal(recorded.getStatus(), body) && record(scope, owned.attempt(),
                    new IdempotencyStore.Response(recorded.getStatus(), recorded.getContentType(),
                            recorded.getHeader(HttpHeaders.ETAG), recorded.getHeader(HttpHeaders.LOCATION), body));
        } finally {
            if (!answered) {
                releaseQuietly(scope, owned.attempt());
            }
            recorded.copyBodyToResponse();
        }
    }

    private boolean record(String scope, int attempt, IdempotencyStore.Response answer) {
        try {
            store.complete(scope, attempt, answer);
            return true;
        } catch (MongoException unrecorded) {
            // the command itself went through; a retry finds its event by the key and answers the same
            log.warn("Could not record the answer for idempotency key {}: {}", scope, unrecorded.getMessage());
            return false;
        }
    }

    /**
     * An answer to repeat: success and every refusal, but not a 5xx (the outcome may be unknown) nor a
     * lost race on the account, which nothing stored and which a retry with the same key should re-run.
     */
    private static boolean isFinal(int status, byte[] body) {
        return status < 500 && !(status == 409
                && new String(body, StandardCharsets.UTF_8).contains("/problems/concurrent-modification"));
    }

    private void releaseQuietly(String scope, int attempt) {
        try {
            store.release(scope, attempt);
        } catch (MongoException unavailable) {
            // the key stays IN_PROGRESS and is taken over once stale: still correct, only slower
            log.warn("Could not release idempotency key {}: {}", scope, unavailable.getMessage());
        }
    }

    private static void replay(IdempotencyStore.Response stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.eTag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.eTag());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(stored.body());
    }

    private static String fingerprint(String request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(request.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
