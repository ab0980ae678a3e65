package com.relationship.service.api;

import com.relationship.contracts.Topics;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.infra.embedded.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 32: a command's trace goes on with its events. A caller's W3C {@code traceparent} is continued by
 * the request's span; its trace id travels in the events' metadata to the events topic, as the CloudEvents
 * distributed tracing extension and as the W3C header, where the projection continues it.
 */
class TraceContextTest extends EmbeddedServiceTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    @Test
    void theCallersTraceIdReachesTheEventsTopicWithEveryEventOfTheCommand() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "tracy");
        Api.Reply registered = api.post("/accounts", Map.of("name", "Traced Ltd", "industry", "Retail",
                "employeeCount", 12, "region", "EMEA", "classification", "TACTICAL"),
                Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        String accountId = registered.body().get("accountId").asText();
        Api.Reply untraced = api.post("/accounts/" + accountId + "/referrals", Map.of("description", "a peer"));
        assertThat(untraced.status()).isEqualTo(200);

        // By sequence: another test context's relay may send the same events again (a re-send, same content).
        Map<Long, ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsOf(accountId), found -> found.size() >= 2);
        EnvelopedAccountEvent registration = new AccountEventCodec().decode(records.get(0L).value());
        assertThat(registration.traceparent()).as("the CloudEvents traceparent extension")
                .startsWith("00-" + TRACE_ID + "-").doesNotEndWith("-00f067aa0ba902b7-01");
        assertThat(header(records.get(0L), "traceparent")).isEqualTo(registration.traceparent());

        EnvelopedAccountEvent referral = new AccountEventCodec().decode(records.get(1L).value());
        assertThat(referral.traceparent()).as("a request without one starts a trace of its own")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}").doesNotContain(TRACE_ID);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The account's records on the events topic, the first of each sequence. */
    private static Map<Long, ConsumerRecord<String, byte[]>> recordsOf(String accountId) {
        Map<Long, ConsumerRecord<String, byte[]>> bySequence = new java.util.TreeMap<>();
        EventsOnTopic.records(TestInfrastructure.shared().kafkaBootstrapServers(), Topics.ACCOUNT_EVENTS, accountId)
                .forEach(record -> bySequence.putIfAbsent(new AccountEventCodec().sequenceOf(record.value()), record));
        return bySequence;
    }
}
