package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.relationship.contracts.Topics;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may call what on relationship-service, over real HTTP: every endpoint against every role, a
 * token without a roles claim, and no token. The expected table is written out here, not derived
 * from {@code EndpointRoles}, so a change to either shows up as a failure. "ok" means the request
 * got past the token check (any answer but 401 and 403, and no 5xx: a 404 or 422 is the endpoint
 * answering). Also: each kind of bad token is a 401 problem with a reason and no internals; the
 * actor of the events is the token's subject, in the store and on Kafka, with the token's client and
 * the command's reason; a request without a
 * valid token never reaches the idempotency filter.
 */
class EndpointAccessTest extends EmbeddedServiceTest {

    private static final String A = "/api/v1/accounts/" + UUID.randomUUID();
    private static final String REGISTER = "{\"name\":\"Access Test\",\"industry\":\"Retail\",\"employeeCount\":5,"
            + "\"region\":\"EMEA\",\"classification\":\"TACTICAL\"}";

    /** Columns: writer, reader, auditor, admin, token without roles claim, no token. */
    private static final String[][] EXPECTED = {
            {"POST", "/api/v1/accounts", /*                        */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/classification", /*                     */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/purchases", /*                          */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/referrals", /*                          */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/complaints", /*                         */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/complaints/" + UUID.randomUUID() + "/resolution", "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/co-development-engagements", /*         */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/partnership-agreements", /*             */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/compliance-reviews", /*                 */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/lifecycle/advance", /*                  */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/lifecycle/downgrade", /*                */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/lifecycle/lapse", /*                    */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/lifecycle/win-back", /*                 */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/lifecycle/disqualify", /*               */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/lifecycle/requalify", /*                */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/bonds", /*                              */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/bonds/" + UUID.randomUUID() + "/dissolution", "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/interactions", /*                       */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/satisfaction-surveys", /*               */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/kam/designate", /*                      */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/kam/advance", /*                        */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/kam/uncouple", /*                       */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/contacts", /*                           */ "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/contacts/" + UUID.randomUUID() + "/role", "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/contacts/" + UUID.randomUUID() + "/departure", "ok", "403", "403", "403", "403", "401"},
            {"POST", A + "/owner", /*                              */ "ok", "403", "403", "403", "403", "401"},
            {"GET", A, /*                                          */ "403", "ok", "403", "403", "403", "401"},
            {"GET", A + "/lifecycle/eligibility", /*               */ "403", "ok", "403", "403", "403", "401"},
            {"GET", A + "/events", /*                              */ "403", "403", "ok", "403", "403", "401"},
            {"GET", A + "/integrity", /*                           */ "403", "403", "ok", "403", "403", "401"},
            {"GET", A + "/history", /*                             */ "403", "403", "ok", "403", "403", "401"},
            {"GET", A + "/state?version=0", /*                     */ "403", "403", "ok", "403", "403", "401"},
            {"GET", A + "/timeline", /*                            */ "403", "403", "ok", "403", "403", "401"},
            {"POST", "/api/v1/admin/integrity-checks", /*           */ "403", "403", "403", "ok", "403", "401"},
            {"GET", "/api/v1/admin/integrity-checks", /*            */ "403", "403", "403", "ok", "403", "401"},
            {"GET", "/api/v1/admin/integrity-checks/" + UUID.randomUUID(), "403", "403", "403", "ok", "403", "401"},
            {"POST", "/api/v1/admin/relay-repairs", /*              */ "403", "403", "403", "ok", "403", "401"},
            {"POST", "/api/v1/admin/data-subjects/" + UUID.randomUUID() + "/erasure", "403", "403", "403", "ok", "403",
                    "401"},
            {"GET", "/api/v1/admin/data-subjects/" + UUID.randomUUID(), "403", "403", "403", "ok", "403", "401"},
            {"GET", "/actuator/health", /*                         */ "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET", "/actuator/health/liveness", /*                */ "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET", "/actuator/health/readiness", /*               */ "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET", "/actuator/prometheus", /*                     */ "403", "403", "403", "ok", "403", "401"},
            {"GET", "/actuator/metrics", /*                        */ "403", "403", "403", "ok", "403", "401"},
            {"GET", "/actuator/info", /*                           */ "403", "403", "403", "ok", "403", "401"},
            {"GET", "/v3/api-docs", /*                             */ "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET", "/swagger-ui.html", /*                         */ "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET", "/api/v1/not-an-endpoint", /*                  */ "403", "403", "403", "403", "403", "401"},
            {"POST", A + "/events", /*                             */ "403", "403", "403", "403", "403", "401"},
    };

    private static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("writer", () -> TestTokens.token("wendy", Role.WRITER));
        CALLERS.put("reader", () -> TestTokens.token("rita", Role.READER));
        CALLERS.put("auditor", () -> TestTokens.token("audrey", Role.AUDITOR));
        CALLERS.put("admin", () -> TestTokens.token("adam", Role.ADMIN));
        CALLERS.put("no roles claim", () -> TestTokens.withoutRolesClaim("nora"));
        CALLERS.put("no token", () -> null);
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafkaBootstrapServers;

    @Autowired
    MeterRegistry meters;

    private Api as(String token) {
        return Api.withToken("http://127.0.0.1:" + port, token);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        StringBuilder seen = new StringBuilder("endpoint x caller (writer reader auditor admin no-roles no-token):\n");
        for (String[] row : EXPECTED) {
            seen.append(String.format("  %-4s %-70s", row[0], row[1]));
            int column = 2;
            for (Map.Entry<String, Supplier<String>> caller : CALLERS.entrySet()) {
                Api api = as(caller.getValue().get());
                Api.Reply reply = "POST".equals(row[0])
                        ? api.post(row[1], row[1].equals("/api/v1/accounts") ? REGISTER : "{}")
                        : api.get(row[1]);
                int status = reply.status();
                String outcome = status == 401 || status == 403 ? Integer.toString(status)
                        : status < 500 ? "ok" : "5xx";
                seen.append(' ').append(status);
                if (!outcome.equals(row[column])) {
                    mismatches.add(row[0] + " " + row[1] + " as " + caller.getKey() + ": expected " + row[column]
                            + ", got " + status + " " + reply.raw().body());
                }
                if (status == 401 || status == 403) {
                    assertThat(reply.contentType()).startsWith("application/problem+json");
                }
                column++;
            }
            seen.append('\n');
        }
        System.out.println(seen);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aMissingRoleIsA403ThatNamesIt() {
        Api.Reply reply = as(TestTokens.token("rita", Role.READER)).get(A + "/events");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asText()).isEqualTo("/problems/role-missing");
        assertThat(reply.body().get("requiredRole").asText()).isEqualTo("auditor");
        assertThat(reply.body().get("detail").asText()).contains("'auditor'").contains("rita").contains("reader");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\"");
    }

    @Test
    void everyKindOfBadTokenIsA401ProblemWithAReasonAndNoInternals() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("forged", new String[]{TestTokens.forged("mallory", Role.WRITER), "token-invalid", "signature"});
        cases.put("expired", new String[]{TestTokens.expired("wendy", Role.WRITER), "token-expired", "expired at"});
        cases.put("wrong issuer", new String[]{TestTokens.wrongIssuer("wendy", Role.WRITER), "token-invalid", "issued by"});
        cases.put("wrong audience", new String[]{TestTokens.wrongAudience("wendy", Role.WRITER), "token-invalid", "audience"});
        cases.put("alg none", new String[]{TestTokens.unsigned("wendy", Role.WRITER), "token-invalid", "not signed"});
        cases.put("no token", new String[]{null, "token-missing", "Authorization: Bearer"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Api.Reply reply = as(c.getValue()[0]).post("/api/v1/accounts", REGISTER);

            assertThat(reply.status()).as(c.getKey()).isEqualTo(401);
            assertThat(reply.contentType()).as(c.getKey()).startsWith("application/problem+json");
            assertThat(reply.header("WWW-Authenticate")).as(c.getKey()).startsWith("Bearer");
            assertThat(reply.body().get("type").asText()).as(c.getKey()).isEqualTo("/problems/" + c.getValue()[1]);
            assertThat(reply.body().get("detail").asText()).as(c.getKey()).contains(c.getValue()[2]);
            assertThat(reply.body().get("correlationId")).as(c.getKey()).isNotNull();
            assertNoInternals(reply.raw().body());
            System.out.println(c.getKey() + " -> 401 " + reply.header("WWW-Authenticate") + " " + reply.raw().body());
        }
        Api.Reply noRoles = as(TestTokens.withoutRolesClaim("nora")).post("/api/v1/accounts", REGISTER);
        assertThat(noRoles.status()).isEqualTo(403);
        assertThat(noRoles.contentType()).startsWith("application/problem+json");
        assertThat(noRoles.body().get("type").asText()).isEqualTo("/problems/roles-claim-missing");
        assertThat(noRoles.body().get("requiredRole").asText()).isEqualTo("writer");
        assertNoInternals(noRoles.raw().body());
        System.out.println("no roles claim -> 403 " + noRoles.raw().body());
    }

    /**
     * The actor is who signed in, whatever the caller claims in a header, in the store and on Kafka;
     * the token's client and the command's reason travel with it (a dashboard shows who, through what
     * and why), and a command without a reason sends none.
     */
    @Test
    void theActorClientAndReasonOfTheEventsAreTheSameInTheStoreAndOnKafka() {
        Api erin = Api.withToken("http://127.0.0.1:" + port + "/api/v1",
                TestTokens.forClient("erin@crm", "crm-sync", Role.WRITER, Role.AUDITOR));
        Api.Reply registered = erin.post("/accounts", REGISTER, Map.of("X-Actor", "mallory"));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("accountId").asText();
        assertThat(erin.post("/accounts/" + id + "/lifecycle/disqualify", Map.of("reason", "  No budget this year "))
                .status()).isEqualTo(200);

        JsonNode stored = erin.get("/accounts/" + id + "/events").body();
        assertThat(stored).hasSize(2);
        JsonNode metadata = stored.get(0).get("metadata");
        assertThat(metadata.get("actor").asText()).isEqualTo("erin@crm");
        assertThat(metadata.get("clientId").asText()).isEqualTo("crm-sync");
        assertThat(stored.get(1).get("metadata").get("reason").asText()).isEqualTo("No budget this year");

        List<EnvelopedAccountEvent> onKafka = onTopic(id, 2);
        assertThat(onKafka).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo("erin@crm");
            assertThat(event.clientId()).isEqualTo("crm-sync");
        });
        assertThat(onKafka.get(0).reason()).isNull();
        assertThat(onKafka.get(1).reason()).isEqualTo("No budget this year");
        System.out.println("in the store: " + metadata.get("actor").asText() + " (client "
                + metadata.get("clientId").asText() + "), on Kafka: " + onKafka);
    }

    /** Keys are scoped per actor, so the idempotency filter must only ever see authenticated requests. */
    @Test
    void aRequestWithoutAValidTokenNeverReachesTheIdempotencyFilter() {
        double before = idempotencyOutcomes();
        String key = UUID.randomUUID().toString();

        Api.Reply anonymous = as(null).post("/api/v1/accounts", REGISTER, Map.of("Idempotency-Key", key));
        Api.Reply forged = as(TestTokens.forged("mallory", Role.WRITER))
                .post("/api/v1/accounts", REGISTER, Map.of("Idempotency-Key", key));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(idempotencyOutcomes()).isEqualTo(before);
        Api.Reply real = as(TestTokens.token("wendy", Role.WRITER))
                .post("/api/v1/accounts", REGISTER, Map.of("Idempotency-Key", key));
        assertThat(real.status()).isEqualTo(201);
        assertThat(real.header("Idempotent-Replayed")).isNull();
        assertThat(idempotencyOutcomes()).isEqualTo(before + 1);
    }

    private double idempotencyOutcomes() {
        return meters.find("relationship.idempotency").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.springframework")
                .doesNotContain("com.nimbusds").doesNotContain("java.");
    }

    /** The account's first {@code count} events on the topic, by sequence (a re-send counts once). */
    private List<EnvelopedAccountEvent> onTopic(String accountId, int count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AccountEventCodec codec = new AccountEventCodec();
        Map<Long, EnvelopedAccountEvent> found = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS, Duration.ofSeconds(5))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (accountId.equals(record.key())) {
                        EnvelopedAccountEvent event = codec.decode(record.value());
                        found.putIfAbsent(event.sequence(), event);
                    }
                });
                return found.size() >= count;
            });
        }
        return List.copyOf(found.values()).subList(0, count);
    }
}
