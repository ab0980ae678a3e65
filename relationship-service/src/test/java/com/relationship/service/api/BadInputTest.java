package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 7, bad input: every kind of mistake in a command is a 4xx problem+json with a type of its
 * own kind, the position and the field where known, and stores no event (counted in the event store
 * before and after each request).
 */
class BadInputTest extends EmbeddedServiceTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    private Api api;
    /** One PROSPECT for the refusals (they change nothing); tests that change an account register their own. */
    private static String account;

    @BeforeEach
    void setUp() {
        api = new Api("http://127.0.0.1:" + port + "/api/v1", "dave@qa");
        if (account == null) {
            account = register();
        }
    }

    private String register() {
        Api.Reply registered = api.post("/accounts", Map.of("name", "Hooli", "industry", "Software",
                "employeeCount", 50, "region", "NA", "classification", "TACTICAL"));
        assertThat(registered.status()).isEqualTo(201);
        return "/accounts/" + registered.body().get("accountId").asText();
    }

    private long storedEvents() {
        return mongo.getDatabase("relationship").getCollection("domainevents").countDocuments();
    }

    /** Sends it, asserts a problem+json of that status and type that stored nothing, and answers it. */
    private JsonNode refused(int status, String type, Supplier<Api.Reply> request) {
        long before = storedEvents();
        Api.Reply reply = request.get();
        assertThat(reply.status()).as("%s", reply.raw().body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asText()).as("%s", reply.body()).isEqualTo(type);
        assertThat(reply.body().get("status").asInt()).isEqualTo(status);
        assertThat(reply.body().get("detail").asText()).isNotBlank().doesNotContain("com.relationship")
                .doesNotContain("java.");
        assertThat(storedEvents()).as("events stored").isEqualTo(before);
        return reply.body();
    }

    private JsonNode refused(int status, String type, String path, String body) {
        return refused(status, type, () -> api.raw("POST", path, body.getBytes(StandardCharsets.UTF_8), JSON));
    }

    private static String purchase(String field, String json) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("amount", "10.50", "currency", "\"EUR\"",
                "occurredAt", "\"2026-03-14T09:30:00Z\"", "description", "\"licence\""));
        fields.put(field, json);
        StringBuilder body = new StringBuilder("{");
        fields.forEach((name, value) -> body.append(body.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value));
        return body.append('}').toString();
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndTheFieldsThereAre() {
        JsonNode problem = refused(400, "/problems/unknown-field", account + "/lifecycle/lapse",
                "{\"reason\": \"left\",\n \"reasn\": \"typo\"}");
        assertThat(problem.get("field").asText()).isEqualTo("reasn");
        assertThat(problem.get("knownFields")).extracting(JsonNode::asText).containsExactly("occurredAt", "reason");
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("column").asInt()).isPositive();
        assertThat(problem.get("detail").asText()).contains("reasn");

        refused(400, "/problems/unknown-field", account + "/purchases", purchase("accountId", "\"" + UUID.randomUUID() + "\""));
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments("/accounts", "{\"name\":5,\"industry\":\"x\",\"employeeCount\":1,\"region\":\"x\",\"classification\":\"TACTICAL\"}", "name"),
                arguments("/accounts", "{\"name\":true,\"industry\":\"x\",\"employeeCount\":1,\"region\":\"x\",\"classification\":\"TACTICAL\"}", "name"),
                arguments("/accounts", "{\"name\":{},\"industry\":\"x\",\"employeeCount\":1,\"region\":\"x\",\"classification\":\"TACTICAL\"}", "name"),
                arguments("/accounts", "{\"name\":[\"x\"],\"industry\":\"x\",\"employeeCount\":1,\"region\":\"x\",\"classification\":\"TACTICAL\"}", "name"),
                arguments("/accounts", "{\"name\":\"x\",\"industry\":\"x\",\"employeeCount\":\"12\",\"region\":\"x\",\"classification\":\"TACTICAL\"}", "employeeCount"),
                arguments("/accounts", "{\"name\":\"x\",\"industry\":\"x\",\"employeeCount\":1.5,\"region\":\"x\",\"classification\":\"TACTICAL\"}", "employeeCount"),
                arguments("/accounts", "{\"name\":\"x\",\"industry\":\"x\",\"employeeCount\":true,\"region\":\"x\",\"classification\":\"TACTICAL\"}", "employeeCount"),
                arguments("/accounts", "{\"name\":\"x\",\"industry\":\"x\",\"employeeCount\":1,\"region\":\"x\",\"classification\":1}", "classification"),
                arguments("PURCHASE", purchase("amount", "true"), "amount"),
                arguments("PURCHASE", purchase("amount", "[10]"), "amount"),
                arguments("PURCHASE", purchase("occurredAt", "1700000000"), "occurredAt"),
                arguments("PURCHASE", purchase("currency", "978"), "currency"),
                arguments("/lifecycle/advance", "{\"targetStage\":{\"name\":\"CUSTOMER\"}}", "targetStage"));
    }

    @ParameterizedTest
    @MethodSource
    void wrongTypes(String path, String body, String field) {
        String target = path.equals("/accounts") ? path : path.equals("PURCHASE") ? account + "/purchases" : account + path;
        JsonNode problem = refused(400, "/problems/wrong-type", target, body);
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("line").asInt()).isEqualTo(1);
        assertThat(problem.get("column").asInt()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"reason\":\"x\"}]", "\"left\"", "42", "true", "null", " \n null"})
    void aBodyThatIsNotAJsonObjectIs400(String body) {
        JsonNode problem = refused(400, "/problems/not-a-json-object", account + "/lifecycle/lapse", body);
        assertThat(problem.get("line").asInt()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t\r\n"})
    void anEmptyBodyIs400(String body) {
        refused(400, "/problems/empty-body", account + "/lifecycle/lapse", body);
    }

    static Stream<Arguments> brokenJson() {
        return Stream.of(
                arguments("{\"reason\": ", 1),
                arguments("{\"reason\": \"x\",}", 1),
                arguments("{reason: \"x\"}", 1),
                arguments("{\"reason\": 'x'}", 1),
                arguments("{\n\"reason\": \"x\"\n\"other\": 1}", 3),
                arguments("{\"reason\": \"x\"} {\"reason\": \"y\"}", 1),
                arguments("{\"reason\": \"x\"}garbage", 1),
                arguments("{\"reason\": \"a\", \"reason\": \"b\"}", 1),
                arguments("{\"reason\": \"unterminated}", 1),
                arguments("{\"reason\": \"bad escape \\q\"}", 1),
                arguments("{\"reason\": NaN}", 1));
    }

    @ParameterizedTest
    @MethodSource("brokenJson")
    void brokenJsonIs400WithThePosition(String body, int line) {
        JsonNode problem = refused(400, "/problems/malformed-request", account + "/lifecycle/lapse", body);
        assertThat(problem.get("line").asInt()).isEqualTo(line);
        assertThat(problem.get("column").asInt()).isPositive();
    }

    static Stream<Arguments> oddEncodings() {
        String body = "{\"reason\": \"caf\u00e9 closed\"}";
        byte[] invalid = body.getBytes(StandardCharsets.UTF_8);
        invalid[16] = (byte) 0xC3; // a lead byte followed by ' ' instead of a continuation byte
        invalid[17] = (byte) 0x20;
        byte[] utf16 = body.getBytes(StandardCharsets.UTF_16); // with its byte order mark
        byte[] utf16le = body.getBytes(StandardCharsets.UTF_16LE);
        byte[] latin1 = body.getBytes(StandardCharsets.ISO_8859_1);
        byte[] overlong = {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        return Stream.of(
                arguments("invalid UTF-8", invalid, "application/json"),
                arguments("overlong UTF-8", overlong, "application/json"),
                arguments("Latin-1 bytes sent as UTF-8", latin1, "application/json"),
                arguments("UTF-16 with BOM", utf16, "application/json"),
                arguments("UTF-16LE", utf16le, "application/json"),
                arguments("UTF-16 declared", utf16, "application/json; charset=UTF-16"),
                arguments("Latin-1 declared", latin1, "application/json; charset=ISO-8859-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddEncodings")
    void aBodyThatIsNotUtf8Is400(String kind, byte[] body, String contentType) {
        refused(400, "/problems/not-utf8", () -> api.raw("POST", account + "/lifecycle/lapse", body,
                Map.of("Content-Type", contentType)));
    }

    @Test
    void aUtf8ByteOrderMarkIsIgnored() {
        byte[] json = "{\"reason\": \"moved to a competitor\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        String customer = register();
        api.post(customer + "/purchases", Map.of("amount", "1", "currency", "EUR", "occurredAt", "2026-01-01T00:00:00Z"));
        api.post(customer + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
        Api.Reply lapsed = api.raw("POST", customer + "/lifecycle/lapse", withBom, JSON);
        assertThat(lapsed.status()).as("%s", lapsed.body()).isEqualTo(200);
    }

    static Stream<Arguments> unknownEnumValues() {
        return Stream.of(
                arguments("/lifecycle/advance", "{\"targetStage\":\"KING\"}", "targetStage", "PROSPECT"),
                arguments("/lifecycle/advance", "{\"targetStage\":\"customer\"}", "targetStage", "CUSTOMER"),
                arguments("/lifecycle/advance", "{\"targetStage\":\" CUSTOMER\"}", "targetStage", "CUSTOMER"),
                arguments("/lifecycle/downgrade", "{\"targetStage\":\"\",\"reason\":\"x\"}", "targetStage", "CLIENT"),
                arguments("/kam/advance", "{\"targetStage\":\"LATE_KAM\"}", "targetStage", "SYNERGISTIC_KAM"),
                arguments("/classification", "{\"classification\":\"GOLD\",\"rationale\":\"x\"}", "classification", "STRATEGIC"),
                arguments("/compliance-reviews", "{\"outcome\":\"MAYBE\",\"reviewer\":\"legal\"}", "outcome", "APPROVED"));
    }

    @ParameterizedTest
    @MethodSource("unknownEnumValues")
    void anUnknownEnumValueListsTheAllowedOnes(String path, String body, String field, String allowed) {
        JsonNode problem = refused(422, "/problems/unknown-enum-value", account + path, body);
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("allowedValues")).extracting(JsonNode::asText).contains(allowed);
        assertThat(problem.get("detail").asText()).contains(allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "5b0c1f9e7d534c4e9a512f7c3b7f0a11",
            "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a110", "%7B5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11%7D", "%20",
            "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a1g"})
    void aMalformedIdInThePathIs400(String id) {
        JsonNode problem = refused(400, "/problems/invalid-parameter", account.replaceFirst("/accounts/.*", "/accounts/")
                + id + "/lifecycle/lapse", "{\"reason\":\"x\"}");
        assertThat(problem.get("detail").asText()).contains("accountId");
        refused(400, "/problems/invalid-parameter", () -> api.get("/accounts/" + id + "/events"));
        refused(400, "/problems/invalid-parameter", account + "/complaints/" + id + "/resolution",
                "{\"resolution\":\"x\"}");
    }

    /** Tomcat itself refuses these before Spring sees them; the answer is problem+json all the same. */
    @ParameterizedTest
    @ValueSource(strings = {"%00", "a%2Fb", "a%5Cb"})
    void anIdTheServerCannotReadIsA400ProblemToo(String id) {
        refused(400, "/problems/malformed-request-line", "/accounts/" + id + "/lifecycle/lapse", "{\"reason\":\"x\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream"})
    void aWrongOrMissingContentTypeIs415(String contentType) {
        Map<String, String> headers = contentType.isEmpty() ? Map.of() : Map.of("Content-Type", contentType);
        JsonNode problem = refused(415, "/problems/unsupported-media-type", () -> api.raw("POST",
                account + "/lifecycle/lapse", "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8), headers));
        assertThat(problem.get("detail").asText()).contains("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "text/csv", "image/png"})
    void aWrongAcceptIs406AsProblemJson(String accept) {
        Map<String, String> headers = new HashMap<>(JSON);
        headers.put("Accept", accept);
        refused(406, "/problems/not-acceptable", () -> api.raw("POST", account + "/lifecycle/lapse",
                "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8), headers));
        refused(406, "/problems/not-acceptable", () -> api.raw("GET", account + "/events", null, Map.of("Accept", accept)));
    }

    static Stream<Arguments> invalidNumbers() {
        String register = "{\"name\":\"x\",\"industry\":\"x\",\"region\":\"x\",\"classification\":\"TACTICAL\",";
        return Stream.of(
                arguments("PURCHASE", purchase("amount", "0"), "amount"),
                arguments("PURCHASE", purchase("amount", "-10"), "amount"),
                arguments("PURCHASE", purchase("amount", "\"-0.00\""), "amount"),
                arguments("PURCHASE", purchase("amount", "\"NaN\""), "amount"),
                arguments("PURCHASE", purchase("amount", "\"Infinity\""), "amount"),
                arguments("PURCHASE", purchase("amount", "\"-Infinity\""), "amount"),
                arguments("PURCHASE", purchase("amount", "\"ten\""), "amount"),
                arguments("PURCHASE", purchase("amount", "1e16"), "amount"),
                arguments("PURCHASE", purchase("amount", "1e999999"), "amount"),
                arguments("PURCHASE", purchase("amount", "10.123"), "amount"),
                arguments("PURCHASE", purchase("amount", "1e-3"), "amount"),
                arguments("PURCHASE", purchase("amount", "100.5").replace("\"EUR\"", "\"JPY\""), "amount"),
                arguments("PURCHASE", purchase("amount", "1.0001").replace("\"EUR\"", "\"BHD\""), "amount"),
                arguments("PURCHASE", purchase("grossMargin", "1.005"), "grossMargin"),
                arguments("PURCHASE", purchase("costOfGoods", "5.5").replace("\"EUR\"", "\"JPY\"").replace("10.50", "10"),
                        "costOfGoods"),
                arguments("PURCHASE", purchase("costOfGoods", "-1"), "costOfGoods"),
                arguments("PURCHASE", purchase("currency", "\"EURO\""), "currency"),
                arguments("PURCHASE", purchase("currency", "\"eur\""), "currency"),
                arguments("PURCHASE", purchase("currency", "\"XXX\""), "currency"),
                arguments("PURCHASE", purchase("currency", "\"XAU\""), "currency"),
                arguments("PURCHASE", purchase("currency", "\"ABC\""), "currency"),
                arguments("PURCHASE", purchase("currency", "\"\""), "currency"),
                arguments("PURCHASE", purchase("currency", "\"\u20ac\""), "currency"),
                arguments("PURCHASE", purchase("currency", "null"), "currency"),
                arguments("/accounts", register + "\"employeeCount\":-1}", "employeeCount"),
                arguments("/accounts", register + "\"employeeCount\":10000001}", "employeeCount"),
                arguments("/accounts", register + "\"employeeCount\":99999999999}", "employeeCount"),
                arguments("/accounts", register + "\"employeeCount\":1,\"annualRevenue\":-5}", "annualRevenue"),
                arguments("/accounts", register + "\"employeeCount\":1,\"annualRevenue\":1e16}", "annualRevenue"),
                arguments("/accounts", register + "\"employeeCount\":1,\"annualRevenue\":1.23456}", "annualRevenue"),
                arguments("/accounts", register + "\"employeeCount\":1,\"annualRevenue\":5,\"annualRevenueCurrency\":\"EURO\"}",
                        "annualRevenueCurrency"),
                arguments("/accounts", register + "\"employeeCount\":1,\"annualRevenue\":5,\"annualRevenueCurrency\":\"eur\"}",
                        "annualRevenueCurrency"),
                arguments("/accounts", register + "\"employeeCount\":1,\"annualRevenue\":5,\"annualRevenueCurrency\":\"XAU\"}",
                        "annualRevenueCurrency"));
    }

    @ParameterizedTest
    @MethodSource("invalidNumbers")
    void invalidNumbersAndCurrenciesAre422NamingTheField(String path, String body, String field) {
        String target = path.equals("PURCHASE") ? account + "/purchases" : path;
        JsonNode problem = refused(422, "/problems/invalid-field", target, body);
        assertThat(problem.get("fields")).extracting(f -> f.get("field").asText()).containsOnly(field);
    }

    static Stream<Arguments> invalidInstants() {
        return Stream.of(
                arguments("\"2026-03-14\""), arguments("\"yesterday\""), arguments("\"2026-03-14T09:30:00\""),
                arguments("\"14/03/2026 09:30\""), arguments("\"2026-02-30T00:00:00Z\""), arguments("\"\""),
                arguments("\"1899-12-31T23:59:59Z\""), arguments("\"2100-01-01T00:00:00Z\""),
                arguments("\"0001-01-01T00:00:00Z\""), arguments("\"+10000-01-01T00:00:00Z\""),
                arguments("\"-999999999-01-01T00:00:00Z\""), arguments("\" 2026-03-14T09:30:00Z\""));
    }

    @ParameterizedTest
    @MethodSource("invalidInstants")
    void aTimestampThatIsNotAPlausibleIsoInstantIs422(String value) {
        JsonNode problem = refused(422, "/problems/invalid-field", account + "/purchases", purchase("occurredAt", value));
        assertThat(problem.get("fields")).extracting(f -> f.get("field").asText()).containsOnly("occurredAt");
        refused(422, "/problems/invalid-field", account + "/complaints", "{\"summary\":\"late\",\"dueBy\":" + value + "}");
        refused(422, "/problems/invalid-field", account + "/partnership-agreements",
                "{\"description\":\"GTM\",\"signedAt\":" + value + "}");
    }

    /**
     * The bounds are the edge's: an instant inside them is well formed. Whether it may be a fact's date is
     * the aggregate's business-time rule: a purchase in 2099 has not happened (issue 25), a deadline may be then.
     */
    @Test
    void anInstantWithAnOffsetOrAtTheBoundsIsAccepted() {
        for (String at : List.of("2026-03-14T11:30:00+02:00", "1900-01-01T00:00:00Z")) {
            Api.Reply reply = api.post(account + "/purchases", Map.of("amount", "1", "currency", "EUR", "occurredAt", at));
            assertThat(reply.status()).as("%s: %s", at, reply.body()).isEqualTo(200);
        }
        String latest = "2099-12-31T23:59:59.999999999Z";
        Api.Reply deadline = api.post(account + "/complaints", Map.of("summary", "late", "dueBy", latest));
        assertThat(deadline.status()).as("%s", deadline.body()).isEqualTo(200);
        Api.Reply future = api.post(account + "/purchases", Map.of("amount", "1", "currency", "EUR", "occurredAt", latest));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body().get("rule").asText()).isEqualTo("IN_THE_FUTURE");
    }

    static Stream<Arguments> invalidTexts() {
        String register = "{\"industry\":\"x\",\"region\":\"x\",\"employeeCount\":1,\"classification\":\"TACTICAL\",\"name\":";
        return Stream.of(
                arguments("/accounts", register + quoted("x".repeat(201)) + "}", "name"),
                arguments("/accounts", register + "\"\"}", "name"),
                arguments("/accounts", register + "\"   \"}", "name"),
                arguments("/accounts", register + "\"two\\nlines\"}", "name"),
                arguments("/accounts", register + "\"tab\\tbed\"}", "name"),
                arguments("/accounts", register + "\"nul\\u0000\"}", "name"),
                arguments("/accounts", register + "\"escape\\u001b[31m\"}", "name"),
                arguments("/accounts", register + "\"del\\u007f\"}", "name"),
                arguments("/accounts", register + "\"c1\\u0085\"}", "name"),
                arguments("/accounts", register + "\"line\\u2028separator\"}", "name"),
                arguments("/accounts", register + "\"lone \\ud800 surrogate\"}", "name"),
                arguments("/co-development-engagements", "{\"description\":" + quoted("x".repeat(4001)) + "}", "description"),
                arguments("/co-development-engagements", "{\"description\":\"bell\\u0007\"}", "description"),
                arguments("/co-development-engagements", "{\"description\":\"\\udc00 low\"}", "description"),
                arguments("/lifecycle/lapse", "{\"reason\":" + quoted("x".repeat(1001)) + "}", "reason"),
                arguments("/lifecycle/lapse", "{\"reason\":\"\\u0000\"}", "reason"),
                arguments("/lifecycle/lapse", "{\"reason\":null}", "reason"),
                arguments("/lifecycle/lapse", "{}", "reason"),
                arguments("/compliance-reviews", "{\"outcome\":\"APPROVED\",\"reviewer\":\"a\\nb\"}", "reviewer"),
                arguments("/referrals", "{\"description\":\"ok\",\"referredCompany\":" + quoted("x".repeat(201)) + "}", "referredCompany"));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    @ParameterizedTest
    @MethodSource("invalidTexts")
    void textOverItsCapOrWithControlCharactersIs422(String path, String body, String field) {
        String target = path.equals("/accounts") ? path : account + path;
        JsonNode problem = refused(422, "/problems/invalid-field", target, body);
        assertThat(problem.get("fields")).extracting(f -> f.get("field").asText()).containsOnly(field);
    }

    @Test
    void freeTextKeepsLineBreaksAndTabsAndAnyLanguage() {
        Api.Reply reply = api.post(account + "/co-development-engagements",
                Map.of("description", "Workshop:\n\t- roadmap\r\n\t- pricing \u00e9\u4e2d\ud83d\ude80"));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        JsonNode events = api.get(account + "/events").body();
        assertThat(events.get(events.size() - 1).get("payload").get("description").asText())
                .isEqualTo("Workshop:\n\t- roadmap\r\n\t- pricing \u00e9\u4e2d\ud83d\ude80");
    }

    /**
     * A mistake the aggregate also checks (amount, currency, a blank reason) is answered by the edge
     * with the one type for an invalid field, before the command is sent; a domain refusal stays 409.
     */
    @Test
    void oneMistakeHasOneTypeAndADomainRefusalStays409() {
        for (String amount : List.of("0", "-1")) {
            refused(422, "/problems/invalid-field", account + "/purchases", purchase("amount", amount));
        }
        refused(422, "/problems/invalid-field", account + "/purchases", purchase("currency", "\"EURO\""));
        refused(422, "/problems/invalid-field", account + "/purchases", purchase("currency", "\" \""));
        refused(422, "/problems/invalid-field", account + "/lifecycle/win-back", "{\"reason\":\"  \"}");
        JsonNode refusal = refused(409, "/problems/not-lapsed", account + "/lifecycle/win-back", "{\"reason\":\"back\"}");
        assertThat(refusal.get("rule").asText()).isEqualTo("NOT_LAPSED");
    }

    /** A registration's revenue currency goes with its revenue: alone, it is refused and nothing is registered. */
    @Test
    void anAnnualRevenueCurrencyWithoutAnAnnualRevenueIsRefused() {
        JsonNode problem = refused(422, "/problems/invalid-field", "/accounts", "{\"name\":\"x\",\"industry\":\"x\","
                + "\"employeeCount\":1,\"region\":\"x\",\"classification\":\"TACTICAL\",\"annualRevenueCurrency\":\"EUR\"}");
        assertThat(problem.get("detail").asText()).contains("annualRevenueCurrency without annualRevenue");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        refused(413, "/problems/request-too-large", account + "/lifecycle/lapse",
                "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}");
    }

    /** Encoded dots, slashes and percent signs never reach a controller: Spring Security's firewall refuses the URL. */
    @ParameterizedTest
    @ValueSource(strings = {"%2e%2e", "%25", "%2F"})
    void aUrlTheFirewallRefusesIs400ProblemJson(String id) {
        refused(400, "/problems/malformed-request-line", account.replaceFirst("/accounts/.*", "/accounts/")
                + id + "/lifecycle/lapse", "{\"reason\":\"x\"}");
    }

    /** The endpoint table refuses what it does not list, before any controller (docs/security.md). */
    @Test
    void anUnknownPathOrMethodIsRefusedAsAProblem() {
        refused(403, "/problems/endpoint-not-listed", account + "/lifecycle/promote", "{\"reason\":\"x\"}");
        refused(403, "/problems/endpoint-not-listed", () -> api.raw("PUT", account + "/lifecycle/lapse",
                "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8), JSON));
    }
}
