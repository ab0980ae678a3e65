package com.relationship.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The calls the benchmarks make to a running stack, with its token; an unexpected status is an error. */
final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStackProcess stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RestClient(LocalStackProcess stack) {
        this.stack = stack;
    }

    /** A new account (TACTICAL, EMEA); its id. */
    String register(int i) throws Exception {
        return post(stack.commands() + "/accounts", "{\"name\":\"Bench " + i + "\",\"industry\":\"Manufacturing\","
                + "\"employeeCount\":100,\"annualRevenue\":1000000,\"region\":\"EMEA\",\"classification\":\"TACTICAL\"}",
                201).body().get("accountId").asText();
    }

    /** A purchase of the account; the version it was stored at. */
    long purchase(String account) throws Exception {
        return post(stack.commands() + "/accounts/" + account + "/purchases", "{\"amount\":120.50,\"currency\":\"EUR\","
                + "\"occurredAt\":\"2026-11-30T10:00:00Z\",\"description\":\"benchmark purchase\"}", 200)
                .body().get("version").asLong();
    }

    /** The sequence the status read model has applied for the account, -1 while it has none. */
    long applied(String account) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.readModels() + "/accounts/"
                + account + "/status")).GET());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).get("lastAppliedSequence").asLong() : -1;
    }

    /**
     * Polls the status read model until every account shows at least the version it was last
     * answered with; how long that took, in seconds.
     */
    double secondsUntilApplied(Map<String, Long> latest, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        for (Map.Entry<String, Long> account : latest.entrySet()) {
            long applied;
            while ((applied = applied(account.getKey())) < account.getValue()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the read model of " + account.getKey() + " did not catch up: "
                            + "it shows sequence " + applied + ", the last command answered " + account.getValue()
                            + " (-1: no status yet)");
                }
                Thread.sleep(50);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** An admin operation's final report and how long it took, from its request to its end. */
    record Finished(JsonNode report, double seconds) {
    }

    /**
     * Starts an admin operation (a POST answering 202 with a Location) and polls the Location every
     * 50 ms until it is no longer RUNNING: COMPLETED (a rebuild, a re-drive) or DONE (a churn backtest);
     * a FAILED one is an error.
     */
    Finished runToEnd(String url, String body, Duration timeout) throws Exception {
        long started = System.nanoTime();
        String location = post(url, body, 202).location();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = get(location).body();
            switch (state.get("state").asText()) {
                case "RUNNING" -> Thread.sleep(50);
                case "COMPLETED", "DONE" -> {
                    return new Finished(state, (System.nanoTime() - started) / 1e9);
                }
                default -> throw new IllegalStateException(location + " ended " + state);
            }
        }
        throw new IllegalStateException(location + " still running after " + timeout);
    }

    record Answer(int status, JsonNode body, String location) {
    }

    Answer post(String url, String body, int expected) throws Exception {
        return answer(url, postJson(url, body), expected);
    }

    /** A POST whose every answer is data (a refusal counted, not an error): its status and body. */
    Answer attempt(String url, String body) throws Exception {
        HttpResponse<String> response = postJson(url, body);
        return answer(url, response, response.statusCode());
    }

    private HttpResponse<String> postJson(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String url, String body, int expected) throws Exception {
        return answer(url, send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))), expected);
    }

    Answer get(String url) throws Exception {
        return answer(url, send(HttpRequest.newBuilder(URI.create(url)).GET()), 200);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", stack.authorization()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Answer answer(String url, HttpResponse<String> response, int expected) throws Exception {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location")
                .map(l -> URI.create(url).resolve(l).toString()).orElse(null);
        return new Answer(response.statusCode(), JSON.readTree(response.body()), location);
    }
}
