package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.security.test.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client for the REST API, as another team's service would call it: with a bearer
 * token from {@link TestTokens}, whose subject becomes the actor of the events it causes.
 */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final String base;
    private final String token;

    /** As {@code actor}, with every role: for tests about something other than who may call what. */
    public Api(String base, String actor) {
        this(base, new Bearer(TestTokens.allRoles(actor)));
    }

    private record Bearer(String token) {
    }

    private Api(String base, Bearer bearer) {
        this.base = base;
        this.token = bearer.token();
    }

    /** With exactly this token (or none, for null): for tests of the token check itself. */
    public static Api withToken(String base, String token) {
        return new Api(base, new Bearer(token));
    }

    public record Reply(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply post(String path, Object body) {
        return post(path, body, Map.of());
    }

    /** A command with extra headers (Idempotency-Key, If-Match, ...). */
    public Reply post(String path, Object body, Map<String, String> headers) {
        return withBody("POST", path, body, headers);
    }

    /** A PUT of {@code body} as JSON, with extra headers (If-Match, ...). */
    public Reply put(String path, Object body, Map<String, String> headers) {
        return withBody("PUT", path, body, headers);
    }

    private Reply withBody(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                            : json.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Any request as raw bytes, with exactly the headers given (Content-Type and Accept included, or
     * left out), for sending what a well-behaved client would not: broken or oddly encoded bodies,
     * wrong media types. It goes through the same {@link #send} as every other call.
     */
    public Reply raw(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request
                    .header("X-Correlation-Id", "test-" + System.nanoTime())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // JSON answers parsed; other ones (Prometheus text, the Swagger UI page) only raw
            JsonNode body = response.body().isEmpty() || !contentType.contains("json") ? null
                    : json.readTree(response.body());
            return new Reply(response.statusCode(), contentType, body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
