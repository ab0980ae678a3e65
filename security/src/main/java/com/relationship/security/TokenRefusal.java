package com.relationship.security;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Why a request was refused with 401, in words a person can act on. The token has already been
 * rejected by Spring Security when this runs; its claims are read here (unverified) only to say
 * what was wrong with it, never to trust it.
 */
final class TokenRefusal {

    static final String MISSING = "token-missing";
    static final String INVALID = "token-invalid";
    static final String EXPIRED = "token-expired";

    record Reason(String slug, String title, String detail) {
    }

    private final String expectedIssuer;
    private final List<String> audiences;

    TokenRefusal(String expectedIssuer, List<String> audiences) {
        this.expectedIssuer = expectedIssuer;
        this.audiences = List.copyOf(audiences);
    }

    Reason reasonFor(HttpServletRequest request, AuthenticationException failure) {
        String token = bearerToken(request);
        if (token == null) {
            return new Reason(MISSING, "Token missing", "This endpoint needs a bearer token: send the header"
                    + " 'Authorization: Bearer <token>' with a token from " + issuerName() + ".");
        }
        JWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = JWTParser.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException notAJwt) {
            return invalid("The bearer token is not a JWT (three base64url parts separated by dots); send the"
                    + " token exactly as " + issuerName() + " issued it.");
        }
        Algorithm alg = jwt.getHeader().getAlgorithm();
        if (jwt instanceof PlainJWT || alg == null || Algorithm.NONE.equals(alg)) {
            return invalid("The token is not signed (alg 'none'); only tokens signed by " + issuerName()
                    + " with RS256 are accepted.");
        }
        JwtValidationException invalidClaims = cause(failure, JwtValidationException.class);
        if (invalidClaims == null) {
            if (!JWSAlgorithm.RS256.equals(alg)) {
                return invalid("The token is signed with " + alg.getName() + "; only RS256 tokens from "
                        + issuerName() + " are accepted.");
            }
            return invalid("The token's signature does not verify with the key this service trusts: it was not"
                    + " issued by " + issuerName() + ", or it was altered. Get a new token from " + issuerName() + ".");
        }
        List<String> errors = invalidClaims.getErrors().stream().map(OAuth2Error::getDescription)
                .map(String::valueOf).toList();
        if (errors.stream().anyMatch(e -> e.startsWith("Jwt expired"))) {
            Instant expiry = claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant();
            return new Reason(EXPIRED, "Token expired", "The token expired at " + expiry + "; get a new one from "
                    + issuerName() + ".");
        }
        if (errors.stream().anyMatch(e -> e.startsWith(TokenLifetime.NO_EXPIRY))) {
            return invalid("The token has no expiry ('exp'), so it would be valid for ever; this service accepts"
                    + " only tokens that expire. Get one from " + issuerName() + ".");
        }
        String tooLong = errors.stream().filter(e -> e.startsWith(TokenLifetime.TOO_LONG)).findFirst().orElse(null);
        if (tooLong != null) {
            return invalid(tooLong + "; get a token that expires sooner from " + issuerName() + ".");
        }
        if (errors.stream().anyMatch(e -> e.startsWith("Jwt used before"))) {
            return invalid("The token is not valid before " + claims.getNotBeforeTime().toInstant()
                    + "; check the clocks of the issuer and of this service.");
        }
        if (errors.stream().anyMatch(e -> e.contains("iss claim"))) {
            return invalid("The token was issued by '" + shorten(claims.getIssuer()) + "', but this service trusts"
                    + " only " + issuerName() + "; get a token from there.");
        }
        if (errors.stream().anyMatch(e -> e.contains("aud claim"))) {
            return invalid("The token is for the audience " + shorten(String.valueOf(claims.getAudience()))
                    + ", but this service accepts only " + audiences + "; ask " + issuerName()
                    + " for a token for that audience.");
        }
        if (errors.stream().anyMatch(e -> e.contains("sub claim"))) {
            return invalid("The token has no subject ('sub'), so no actor could be recorded for what it does; ask "
                    + issuerName() + " for a token issued to a user or a client.");
        }
        return invalid("The token was refused: " + errors.stream().collect(Collectors.joining("; "))
                + ". Get a new one from " + issuerName() + ".");
    }

    private Reason invalid(String detail) {
        return new Reason(INVALID, "Token invalid", detail);
    }

    private String issuerName() {
        return expectedIssuer == null ? "the configured identity provider" : "'" + expectedIssuer + "'";
    }

    private static String shorten(String text) {
        if (text == null) {
            return "(none)";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
