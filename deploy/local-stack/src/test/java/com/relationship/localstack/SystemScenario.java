package com.relationship.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.Topics;
import com.relationship.contracts.asyncapi.AsyncApiContract;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.security.tokens.SigningKeys;
import com.relationship.security.tokens.TokenMint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system end to end, as its users see it: commands over REST to relationship-service,
 * every event on Kafka in order, and the account status read model of projection-service. The
 * subclasses decide what runs underneath (the local stack's embedded MongoDB and Kafka, or Docker
 * containers), so the same scenario proves both.
 */
abstract class SystemScenario {

    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = ContractJson.newObjectMapper();

    /** Base URL of relationship-service, e.g. {@code http://127.0.0.1:8080}. */
    abstract String commands();

    /** Base URL of projection-service. */
    abstract String readModels();

    abstract String kafkaBootstrapServers();

    /** The key pair the services were started to trust (the local stack's data directory). */
    abstract Path keysDir();

    /** Who the scenario's commands are sent as: the token's subject, so the actor of every event. */
    static final String SUBJECT = "e2e-test";
    private String token;

    /** A token for {@code subject} with {@code roles}, minted as the launcher's token command mints it. */
    String token(String subject, String... roles) {
        return LocalTokens.mint(keysDir(), subject, List.of(roles), Duration.ofHours(1)).jwt();
    }

    /** The scenario's token: {@value #SUBJECT}, allowed to send commands, read the read models and the history. */
    String token() {
        if (token == null) {
            token = token(SUBJECT, "writer", "reader", "auditor");
        }
        return token;
    }

    record Reply(int status, String contentType, JsonNode body) {
    }

    Reply post(String url, Map<String, ?> body) {
        return post(url, body, token());
    }

    Reply get(String url) {
        return get(url, token());
    }

    /** POSTs {@code body} as JSON with {@code Authorization: Bearer <token>}; no such header when the token is null. */
    static Reply post(String url, Map<String, ?> body, String token) {
        return post(url, body, Map.of(), token);
    }

    /** The same with more request headers (e.g. {@code Idempotency-Key}). */
    static Reply post(String url, Map<String, ?> body, Map<String, String> headers, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PUTs {@code body} as JSON with {@code Authorization: Bearer <token>}. */
    static Reply put(String url, Map<String, ?> body, String token) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    /** Every request of the system tests goes through here (the one place for headers all of them need). */
    private static Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request
                    .header("X-Correlation-Id", "e2e-" + UUID.randomUUID()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String register(String name) {
        return register(name, token());
    }

    String register(String name, String token) {
        Reply reply = post(commands() + "/api/v1/accounts", registration(name), token);
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
        return reply.body().get("accountId").asText();
    }

    private static Map<String, Object> registration(String name) {
        return Map.of("name", name, "industry", "Manufacturing", "employeeCount", 1200, "annualRevenue", 250000000,
                "region", "EMEA", "classification", "STRATEGIC");
    }

    long accepted(String accountId, String path, Map<String, ?> body) {
        Reply reply = post(commands() + "/api/v1/accounts/" + accountId + path, body);
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
        return reply.body().get("version").asLong();
    }

    /** Takes a new account through all six stages and the KAM track; answers its id and last version. */
    Map.Entry<String, Long> accountAtPartner() {
        String id = register("Acme Industrial GmbH");
        Map<String, Object> purchase = Map.of("amount", "48000.50", "currency", "EUR",
                "occurredAt", "2026-03-14T09:30:00Z", "description", "licence");
        accepted(id, "/purchases", purchase);
        accepted(id, "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
        accepted(id, "/purchases", purchase);
        accepted(id, "/purchases", Map.of("amount", "1000", "currency", "USD", "occurredAt", "2026-04-01T00:00:00Z"));
        accepted(id, "/lifecycle/advance", Map.of("targetStage", "CLIENT"));
        accepted(id, "/referrals", Map.of("description", "told a peer", "referredCompany", "Peer Co"));
        accepted(id, "/lifecycle/advance", Map.of("targetStage", "SUPPORTER"));
        accepted(id, "/co-development-engagements", Map.of("description", "roadmap workshop"));
        accepted(id, "/lifecycle/advance", Map.of("targetStage", "ADVOCATE"));
        accepted(id, "/partnership-agreements", Map.of("description", "joint GTM", "signedAt", "2026-09-01T00:00:00Z"));
        accepted(id, "/compliance-reviews", Map.of("outcome", "APPROVED", "reviewer", "legal", "notes", "ok"));
        accepted(id, "/lifecycle/advance", Map.of("targetStage", "PARTNER"));
        accepted(id, "/kam/designate", Map.of("rationale", "future advantage"));
        long version = 0;
        for (String stage : List.of("EARLY_KAM", "MID_KAM", "PARTNERSHIP_KAM", "SYNERGISTIC_KAM")) {
            version = accepted(id, "/kam/advance", Map.of("targetStage", stage));
        }
        return Map.entry(id, version);
    }

    JsonNode statusOnceApplied(String accountId, Predicate<JsonNode> applied) {
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).until(() -> {
            Reply reply = get(readModels() + "/api/v1/accounts/" + accountId + "/status");
            if (reply.status() == 200 && applied.test(reply.body())) {
                seen.add(reply.body());
                return true;
            }
            return false;
        });
        return seen.get(0);
    }

    @Test
    void anAccountReachesPartnerAndTheReadModelShowsEveryStagePeriod() {
        Map.Entry<String, Long> account = accountAtPartner();
        String id = account.getKey();
        assertThat(account.getValue()).isEqualTo(17);

        JsonNode status = statusOnceApplied(id, s -> s.get("lastAppliedSequence").asLong() == 17);
        assertThat(status.get("stage").asText()).isEqualTo("PARTNER");
        assertThat(status.get("kamStage").asText()).isEqualTo("SYNERGISTIC_KAM");
        assertThat(status.get("classification").asText()).isEqualTo("STRATEGIC");
        assertThat(status.get("purchaseCount").asInt()).isEqualTo(3);
        assertThat(status.get("purchaseTotals").get("EUR").decimalValue()).isEqualByComparingTo("96001.00");
        assertThat(status.get("purchaseTotals").get("USD").decimalValue()).isEqualByComparingTo("1000");
        List<String> stages = new ArrayList<>();
        status.get("stagePeriods").forEach(period -> stages.add(period.get("stage").asText()));
        assertThat(stages).containsExactly("PROSPECT", "CUSTOMER", "CLIENT", "SUPPORTER", "ADVOCATE", "PARTNER");
        JsonNode periods = status.get("stagePeriods");
        for (int i = 0; i + 1 < periods.size(); i++) {
            assertThat(periods.get(i).get("leftAt").asText()).isEqualTo(periods.get(i + 1).get("enteredAt").asText());
        }
        assertThat(periods.get(5).get("leftAt").isNull()).isTrue();
        assertThat(status.get("stageSince").asText()).isEqualTo(periods.get(5).get("enteredAt").asText());

        JsonNode funnel = get(readModels() + "/api/v1/funnel").body();
        assertThat(funnel.toString()).contains("PARTNER");
    }

    @Test
    void aPlainKafkaConsumerReadsEveryEventInOrderWithItsEnvelope() {
        String id = accountAtPartner().getKey();
        Map<Long, EnvelopedAccountEvent> events = eventsOnTopic(id, 18);
        assertThat(events.keySet()).containsExactlyElementsOf(LongStream.rangeClosed(0, 17).boxed().toList());
        assertThat(events.values()).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo(SUBJECT);
            assertThat(event.correlationId()).startsWith("e2e-");
            assertThat(event.causationId()).isNotBlank();
            assertThat(event.type()).startsWith("com.relationship.account.").endsWith(".v1");
        });
        assertThat(events.get(12L).type()).isEqualTo("com.relationship.account.LifecycleStageAdvanced.v1");
    }

    @Test
    void theStatusTopicCarriesTheLatestStatusForDashboards() {
        String id = accountAtPartner().getKey();
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(Topics.ACCOUNT_STATUS)) {
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (id.equals(record.key())) {
                        try {
                            latest.put(id, JSON.readTree(record.value()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
                assertThat(latest.get(id)).isNotNull();
                assertThat(latest.get(id).get("lastAppliedSequence").asLong()).isEqualTo(17);
            });
        }
        assertThat(latest.get(id).get("stage").asText()).isEqualTo("PARTNER");
    }

    /**
     * Issue 32: one command's trace, followed from its REST call to its status record. The caller sends a
     * W3C traceparent; relationship-service's span continues it and its event carries it on the events topic
     * (the CloudEvents traceparent extension); projection-service continues it and publishes the status
     * with a traceparent header of the same trace id.
     */
    @Test
    void oneCommandsTraceIdGoesFromItsRestCallToItsStatusRecord() {
        String traceId = "5c0ffee5c0ffee5c0ffee5c0ffee5c0f";
        String id = register("Tracewell");
        Reply referral = post(commands() + "/api/v1/accounts/" + id + "/referrals", Map.of("description", "a peer"),
                Map.of("traceparent", "00-" + traceId + "-1111111111111111-01"), token());
        assertThat(referral.status()).as(String.valueOf(referral.body())).isEqualTo(200);

        EnvelopedAccountEvent event = eventsOnTopic(id, 2).get(1L);
        System.out.printf("Trace %s: the event's traceparent on %s is %s%n", traceId, Topics.ACCOUNT_EVENTS,
                event.traceparent());
        assertThat(event.traceparent()).startsWith("00-" + traceId + "-");

        List<String> statusTraces = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(Topics.ACCOUNT_STATUS)) {
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    org.apache.kafka.common.header.Header header = record.headers().lastHeader("traceparent");
                    if (id.equals(record.key()) && header != null) {
                        statusTraces.add(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                });
                assertThat(statusTraces).anySatisfy(header -> assertThat(header).startsWith("00-" + traceId + "-"));
            });
        }
        System.out.printf("Trace %s: the status records of account %s carry %s%n", traceId, id, statusTraces);
    }

    /**
     * Every record on the public account topics, as the running system wrote it, is a message of
     * the AsyncAPI document in api-contracts: its channel, its message, its key and its payload.
     */
    @Test
    void everyRecordOnThePublicTopicsIsAMessageOfTheAsyncApiDocument() {
        String id = accountAtPartner().getKey();
        statusOnceApplied(id, s -> s.get("lastAppliedSequence").asLong() == 17);
        AsyncApiContract contract = AsyncApiContract.load();
        for (String topic : List.of(Topics.ACCOUNT_EVENTS, Topics.ACCOUNT_STATUS, Topics.CHURN_RISK, Topics.ACCOUNT_VALUE)) {
            List<String> errors = new ArrayList<>();
            Map<String, Integer> recordsByKey = new LinkedHashMap<>();
            try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
                if (topic.equals(Topics.ACCOUNT_VALUE)) {
                    // Published after the portfolio is ranked (every few seconds): wait for the first tier.
                    await().atMost(EVENTUALLY).until(() -> consumer.endOffsets(consumer.assignment()).values().stream()
                            .mapToLong(Long::longValue).sum() > 0);
                }
                // Everything on the topic up to now: its end offsets once the account is at partner.
                Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
                await().atMost(EVENTUALLY).until(() -> {
                    consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                        recordsByKey.merge(record.key(), 1, Integer::sum);
                        errors.addAll(contract.validate(topic, record.key(), record.value()));
                    });
                    return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                });
            }
            // The churn and value topics have a record once an account first gets a band or a tier: any account's will do.
            assertThat(topic.equals(Topics.CHURN_RISK) || topic.equals(Topics.ACCOUNT_VALUE) ? recordsByKey.keySet() : List.of(recordsByKey.getOrDefault(id, 0)))
                    .as("records on %s", topic).isNotEmpty().doesNotContain(0);
            System.out.printf("AsyncAPI: %d records of %d accounts on %s, %d not as documented%n",
                    recordsByKey.values().stream().mapToInt(Integer::intValue).sum(), recordsByKey.size(), topic, errors.size());
            assertThat(errors).as("records on %s against %s", topic, AsyncApiContract.DOCUMENT).isEmpty();
        }
    }

    @Test
    void aRefusedCommandAnswersProblemJsonAndStoresNothing() {
        String id = register("Initech");
        Reply refused = post(commands() + "/api/v1/accounts/" + id + "/lifecycle/advance",
                Map.of("targetStage", "CUSTOMER"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).isEqualTo("/problems/evidence-missing");
        assertThat(refused.body().get("stage").asText()).isEqualTo("PROSPECT");
        assertThat(refused.body().get("detail").asText()).contains("purchase");

        // A later accepted command gets version 1: the refusal stored nothing in between.
        assertThat(accepted(id, "/referrals", Map.of("description", "a reference"))).isEqualTo(1);
        assertThat(get(commands() + "/api/v1/accounts/" + id + "/events").body()).hasSize(2);
        JsonNode status = statusOnceApplied(id, s -> s.get("lastAppliedSequence").asLong() == 1);
        assertThat(status.get("stage").asText()).isEqualTo("PROSPECT");
    }

    @Test
    void theActorOfAStoredEventIsTheSubjectOfTheTokenThatSentTheCommandInTheHistoryAndOnKafka() {
        String alice = token("alice", "writer", "auditor");
        String id = register("Globex", alice);
        Reply purchase = post(commands() + "/api/v1/accounts/" + id + "/purchases", Map.of("amount", "120.50",
                "currency", "EUR", "occurredAt", "2026-11-30T10:00:00Z", "description", "first order"), alice);
        assertThat(purchase.status()).as(String.valueOf(purchase.body())).isEqualTo(200);

        Reply history = get(commands() + "/api/v1/accounts/" + id + "/events", alice);
        assertThat(history.status()).as(String.valueOf(history.body())).isEqualTo(200);
        List<String> storedActors = new ArrayList<>();
        history.body().forEach(event -> storedActors.add(event.get("metadata").get("actor").asText()));
        System.out.printf("Stored actors of account %s (token subject alice): %s%n", id, storedActors);
        assertThat(storedActors).containsExactly("alice", "alice");

        Map<Long, String> actorsOnKafka = new LinkedHashMap<>();
        eventsOnTopic(id, 2).forEach((sequence, event) -> actorsOnKafka.put(sequence, event.actor()));
        System.out.printf("Actors on %s for account %s: %s%n", Topics.ACCOUNT_EVENTS, id, actorsOnKafka);
        assertThat(actorsOnKafka).containsExactly(Map.entry(0L, "alice"), Map.entry(1L, "alice"));
    }

    @Test
    void aCommandWithoutATokenOrWithATokenTheStackDidNotSignIsRefusedWith401AndStoresNothing() {
        String id = register("Hooli");
        Map<String, Object> referral = Map.of("description", "a reference");
        String url = commands() + "/api/v1/accounts/" + id + "/referrals";
        SigningKeys ours = SigningKeys.loadOrCreate(keysDir());
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("another key", new TokenMint(SigningKeys.generate(), LocalTokens.ISSUER, LocalTokens.AUDIENCE)
                .mint(SUBJECT, List.of("writer"), Duration.ofHours(1)));
        refused.put("another issuer", new TokenMint(ours, "somebody-else", LocalTokens.AUDIENCE)
                .mint(SUBJECT, List.of("writer"), Duration.ofHours(1)));
        refused.put("another audience", new TokenMint(ours, LocalTokens.ISSUER, "another-service")
                .mint(SUBJECT, List.of("writer"), Duration.ofHours(1)));
        refused.forEach((what, token) -> {
            Reply reply = post(url, referral, token);
            assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(401);
            assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        });
        // The next accepted command gets version 1: none of the refused ones stored an event.
        assertThat(accepted(id, "/referrals", referral)).isEqualTo(1);
    }

    /**
     * A history recorded late, at its true dates (issue 25), read back everywhere a consumer reads it: the
     * status's stage periods, the read side's timeline and the events topic's businesstime all say when
     * things happened; the topic's time says when they were recorded.
     */
    @Test
    void aHistoryRecordedLateShowsItsTrueDatesInTheReadModelsAndOnTheTopic() {
        Reply registered = post(commands() + "/api/v1/accounts", Map.of("name", "Backdated Industries",
                "industry", "Manufacturing", "employeeCount", 300, "region", "EMEA", "classification", "STRATEGIC",
                "occurredAt", "2024-12-01T09:00:00Z"));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        String id = registered.body().get("accountId").asText();
        accepted(id, "/purchases", Map.of("amount", "1000", "currency", "EUR", "occurredAt", "2024-12-10T10:00:00Z",
                "orderRef", "PO-1"));
        accepted(id, "/lifecycle/advance", Map.of("targetStage", "CUSTOMER", "occurredAt", "2024-12-15T00:00:00Z"));

        JsonNode status = statusOnceApplied(id, s -> s.get("lastAppliedSequence").asLong() == 2);
        assertThat(status.get("stagePeriods").toString()).isEqualTo("[{\"stage\":\"PROSPECT\",\"enteredAt\":"
                + "\"2024-12-01T09:00:00Z\",\"leftAt\":\"2024-12-15T00:00:00Z\"},{\"stage\":\"CUSTOMER\","
                + "\"enteredAt\":\"2024-12-15T00:00:00Z\",\"leftAt\":null}]");
        JsonNode timeline = get(readModels() + "/api/v1/accounts/" + id + "/timeline").body();
        assertThat(timeline.at("/lifecycle/1/enteredAt").asText()).isEqualTo("2024-12-15T00:00:00Z");

        Map<Long, EnvelopedAccountEvent> onTopic = eventsOnTopic(id, 3);
        assertThat(onTopic.get(2L).businessTime()).isEqualTo(java.time.Instant.parse("2024-12-15T00:00:00Z"));
        assertThat(onTopic.get(2L).occurredAt()).as("recorded now").isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * What each account earns and costs, through both services (issue 29): an admin sets this month's exchange
     * rate and an activity rate card over REST; three accounts buy and are visited; the read side prices
     * them with the rates it read from their topic, ranks them on the whale curve, suggests a decision, and
     * the status shows the trailing year. A FIRE before a CONVERT has had its time is refused and stores
     * nothing. The stack is shared with the other scenarios, so the curve is read for these accounts' places.
     */
    @Test
    void aPortfolioPricedWithReferenceDataSetOverRestIsRankedOnTheWhaleCurve() {
        String admin = token("controller@finance", "admin");
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        Reply rates = put(commands() + "/api/v1/admin/exchange-rates/" + month,
                Map.of("rates", Map.of("USD", 0.90), "reason", "ECB monthly average"), admin);
        assertThat(rates.status()).as(String.valueOf(rates.body())).isEqualTo(200);
        Reply card = put(commands() + "/api/v1/admin/activity-rates", Map.of("appliesFrom", month.minusMonths(1).toString(),
                "costPerUnit", Map.of("SALES_VISIT", 100), "reason", "e2e costing"), admin);
        assertThat(card.status()).as(String.valueOf(card.body())).isEqualTo(200);

        String whale = portfolioAccount("E2E Whale Inc", "5000.00", "USD", "1000.00", 1);     // 4500 EUR, 900 - 100 = 800
        String even = portfolioAccount("E2E Even Ltd", "1000.00", "EUR", "100.00", 1);        // 100 - 100 = 0
        String loser = portfolioAccount("E2E Loser plc", "1000.00", "EUR", "0.00", 3);        // 0 - 300 = -300

        JsonNode curve = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(
                () -> get(readModels() + "/api/v1/portfolio/whale-curve?period=P1M&limit=1000").body(),
                c -> ranked(c.get("top"), whale) != null && ranked(c.get("tail"), loser) != null);
        assertThat(ranked(curve.get("top"), whale).get("profit").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(ranked(curve.get("top"), whale).get("revenue").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(ranked(curve.get("tail"), loser).get("profit").decimalValue()).isEqualByComparingTo("-300.00");
        assertThat(ranked(curve.get("tail"), loser).get("suggested").asText()).isEqualTo("CONVERT");
        assertThat(ranked(curve.get("top"), even)).as("it breaks even: neither whale nor tail").isNull();
        assertThat(ranked(curve.get("tail"), even)).isNull();
        assertThat(curve.get("reading").asText()).startsWith("Over the month to " + month);

        JsonNode figures = get(readModels() + "/api/v1/accounts/" + loser + "/profitability?period=P1M&periods=1").body();
        assertThat(figures.at("/periods/0/profit").decimalValue()).isEqualByComparingTo("-300.00");
        assertThat(figures.at("/periods/0/costByActivity/0/activity").asText()).isEqualTo("SALES_VISIT");
        assertThat(figures.at("/periods/0/costByActivity/0/eventIds")).hasSize(3);
        assertThat(figures.at("/suggestion/decision").asText()).isEqualTo("CONVERT");

        accepted(loser, "/profitability-decisions", Map.of("decision", "CONVERT", "levers", List.of("CHARGE_FOR_SERVICES"),
                "rationale", "charge for the visits"));
        Reply fire = post(commands() + "/api/v1/accounts/" + loser + "/profitability-decisions",
                Map.of("decision", "FIRE", "rationale", "still losing"));
        assertThat(fire.status()).isEqualTo(409);
        assertThat(fire.contentType()).startsWith("application/problem+json");
        assertThat(fire.body().get("type").asText()).isEqualTo("/problems/fire-needs-a-convert-first");
        JsonNode status = statusOnceApplied(loser, s -> s.at("/profitability/decision").asText().equals("CONVERT")
                && s.at("/profitability/trailingYear/profit").isNumber());
        assertThat(status.get("lastAppliedSequence").asLong()).as("the refused FIRE stored nothing").isEqualTo(5);
        assertThat(status.at("/profitability/trailingYear/profit").decimalValue()).isEqualByComparingTo("-300.00");
        assertThat(status.at("/profitability/belowZero").asBoolean()).isTrue();
    }

    /**
     * Treat different customers differently, through both services (issue 30): a client's judgements (projected
     * spend, a wallet estimate, the relationship level) are commands over REST; the read side scores its lifetime
     * value from them and its purchases, ranks and tiers it, publishes its tier on {@code relationship.account-value.v1}
     * and keeps it in the value history; the status shows the tier and the level. Level 6 without a co-development
     * engagement is refused and stores nothing. The stack is shared with the other scenarios, so the tier is whatever
     * the account's rank among them makes it; what it is built from is checked exactly.
     */
    @Test
    void aClientsValueJudgedOverRestIsScoredRankedTieredAndPublished() {
        String id = register("E2E Value GmbH");
        String now = java.time.Instant.now().toString();
        long purchase = accepted(id, "/purchases", Map.of("amount", "20000.00", "currency", "EUR", "grossMargin", "5000.00",
                "description", "sensors", "occurredAt", now));
        accepted(id, "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
        accepted(id, "/value-assessments", Map.of("component", "PROJECTED_SPEND", "amount", "30000.00", "currency", "EUR",
                "rationale", "their 2027 budget, from the buyer"));
        accepted(id, "/wallet-estimates", Map.of("category", "sensors", "amount", "100000.00", "currency", "EUR",
                "period", java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString(), "source", "the buyer"));
        long level = accepted(id, "/relationship-level", Map.of("level", 3, "rationale", "they call us first"));
        Reply coCreation = post(commands() + "/api/v1/accounts/" + id + "/relationship-level",
                Map.of("level", 6, "rationale", "we design together"));
        assertThat(coCreation.status()).as(String.valueOf(coCreation.body())).isEqualTo(409);
        assertThat(coCreation.body().get("type").asText()).isEqualTo("/problems/co-creation-needs-an-engagement");

        JsonNode value = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(
                () -> get(readModels() + "/api/v1/accounts/" + id + "/value"),
                reply -> reply.status() == 200 && reply.body().get("ranked").asBoolean()
                        && reply.body().at("/relationshipLevel/level").asInt() == 3
                        && reply.body().get("tierHistory").size() > 0).body();
        assertThat(value.get("tier").asText()).isIn("MVC", "MGC", "MIGRATOR", "BZ");
        assertThat(value.get("indices")).hasSize(6);
        assertThat(value.at("/indices/0/index").asText()).isEqualTo("AVERAGE_REVENUE");
        assertThat(value.at("/indices/0/reason").asText()).as("this year's 20,000 averaged with the projected 30,000")
                .contains("projected 30,000.00 (averaged: 25,000.00)");
        assertThat(value.at("/shareOfWallet/0/sharePercent").decimalValue()).isEqualByComparingTo("20.0");
        assertThat(value.at("/relationshipLevel/name").asText()).isEqualTo("COMFORT");
        assertThat(value.at("/tierHistory/0/cause/kind").asText()).isEqualTo("FIRST_RANKED");
        assertThat(value.at("/tierHistory/0/tier").asText()).isEqualTo(value.get("tier").asText());

        JsonNode status = statusOnceApplied(id, s -> s.at("/value/level").asInt() == 3);
        assertThat(status.get("lastAppliedSequence").asLong()).as("the refused level 6 stored nothing").isEqualTo(level);
        assertThat(status.at("/value/tier").asText()).isEqualTo(value.get("tier").asText());
        assertThat(level).isGreaterThan(purchase);

        Map<String, Integer> published = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(Topics.ACCOUNT_VALUE)) {
            com.relationship.contracts.value.AccountValueCodec codec = new com.relationship.contracts.value.AccountValueCodec();
            await().atMost(EVENTUALLY).until(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (record.key().equals(id)) {
                        published.put(codec.decode(record.value()).tier(), codec.decode(record.value()).sequence());
                    }
                });
                return published.containsKey(value.get("tier").asText());
            });
        }
        assertThat(published).as("its first tier, published once, as the history keeps it").containsEntry(
                value.get("tier").asText(), 1);
    }

    /** Registers an account that buys once (with its margin) and is visited {@code visits} times this month. */
    private String portfolioAccount(String name, String amount, String currency, String margin, int visits) {
        String id = register(name);
        // Dated as they are sent: this month, and not before the relationship that began at the registration.
        accepted(id, "/purchases", Map.of("amount", amount, "currency", currency, "grossMargin", margin,
                "description", "order", "occurredAt", java.time.Instant.now().toString()));
        for (int i = 0; i < visits; i++) {
            accepted(id, "/interactions", Map.of("channel", "MEETING", "direction", "TWO_WAY", "contact", "Dana",
                    "summary", "account review " + i, "occurredAt", java.time.Instant.now().toString()));
        }
        return id;
    }

    /** The account's row in a list of the whale curve; null when it is not listed there. */
    private static JsonNode ranked(JsonNode rows, String accountId) {
        for (JsonNode row : rows) {
            if (row.get("accountId").asText().equals(accountId)) {
                return row;
            }
        }
        return null;
    }

    /**
     * Ordinary load, as a consuming team's client sends it (issue 24): 8 clients register 100 accounts,
     * then send 1,900 purchases across them; three such bursts. Afterwards every account's stored events
     * are on the events topic exactly as stored (sequence and event id, none missing, none conflicting),
     * compared account by account, and every account has a status at its last version.
     */
    @Test
    void burstsOfConcurrentCommandsLeaveEveryStoredEventOnTheTopicAndEveryAccountWithAStatus() throws Exception {
        int clients = 8;
        int accountsPerBurst = 100;
        int purchasesPerBurst = 1_900;
        List<String> accounts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            for (int burst = 0; burst < 3; burst++) {
                List<Future<String>> registered = new ArrayList<>();
                for (int i = 0; i < accountsPerBurst; i++) {
                    String name = "Burst " + burst + " Account " + i;
                    registered.add(pool.submit(() -> register(name)));
                }
                List<String> these = new ArrayList<>();
                for (Future<String> account : registered) {
                    these.add(account.get(2, TimeUnit.MINUTES));
                }
                List<Future<Long>> purchases = new ArrayList<>();
                for (int i = 0; i < purchasesPerBurst; i++) {
                    String account = these.get(i % these.size());
                    purchases.add(pool.submit(() -> accepted(account, "/purchases", Map.of("amount", "120.00",
                            "currency", "EUR", "occurredAt", "2026-06-01T00:00:00Z", "description", "burst order"))));
                }
                for (Future<Long> purchase : purchases) {
                    purchase.get(2, TimeUnit.MINUTES);
                }
                accounts.addAll(these);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("bursts: %d accounts, %d commands from %d clients in %.1f s (%.0f commands/s)%n",
                accounts.size(), 3 * (accountsPerBurst + purchasesPerBurst), clients, seconds,
                3 * (accountsPerBurst + purchasesPerBurst) / seconds);

        Map<String, Map<Long, String>> stored = new LinkedHashMap<>();
        for (String account : accounts) {
            Map<Long, String> events = new LinkedHashMap<>();
            get(commands() + "/api/v1/accounts/" + account + "/events").body()
                    .forEach(event -> events.put(event.get("sequence").asLong(), event.get("eventId").asText()));
            stored.put(account, events);
        }
        TopicAgainstStore topic = TopicAgainstStore.read(kafkaBootstrapServers(), stored, EVENTUALLY);
        System.out.printf("bursts: events topic against the store: %s%n", topic.summary());
        assertThat(topic.storedEvents()).isEqualTo(3L * (accountsPerBurst + purchasesPerBurst));
        topic.assertEveryStoredEventOnTheTopicAsStored();
        assertThat(topic.outOfOrder()).as("records ahead of their account's next sequence").isZero();

        long withStatus = 0;
        for (Map.Entry<String, Map<Long, String>> account : stored.entrySet()) {
            long last = account.getValue().size() - 1;
            statusOnceApplied(account.getKey(), s -> s.get("lastAppliedSequence").asLong() == last);
            withStatus++;
        }
        System.out.printf("bursts: %d of %d accounts have a status at their last version%n", withStatus, stored.size());
    }

    /** The account's events on the events topic by sequence, read until there are {@code count}; a re-send is skipped. */
    private Map<Long, EnvelopedAccountEvent> eventsOnTopic(String accountId, int count) {
        Map<Long, EnvelopedAccountEvent> events = new LinkedHashMap<>(); // in topic order, first appearances
        AccountEventCodec codec = new AccountEventCodec();
        try (KafkaConsumer<String, byte[]> consumer = consumer(Topics.ACCOUNT_EVENTS)) {
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (accountId.equals(record.key())) {
                        EnvelopedAccountEvent event = codec.decode(record.value());
                        events.putIfAbsent(event.sequence(), event); // at least once: a redelivery is skipped
                    }
                });
                assertThat(events).hasSize(count);
            });
        }
        return events;
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
