package com.relationship.service.api;

import com.mongodb.client.MongoClient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, fuzz: generated bad requests across every command endpoint (missing, unknown and
 * wrongly typed fields, values out of range, oversize strings and bodies, control characters, odd
 * encodings, non-objects and broken JSON, malformed ids, wrong media types) are each answered with a
 * 4xx problem+json, never 2xx or 5xx, and none of them stores an event.
 *
 * <p>jqwik is a JUnit Platform engine of its own, so Spring's JUnit Jupiter extension does not run
 * here; {@link Shared} asks Spring's test context framework for the context every
 * {@link EmbeddedServiceTest} shares (loading it if this class runs first), so the fuzz costs no
 * context of its own.
 */
class BadRequestFuzzTest {

    private static final int TRIES = 1200;
    private static final String JSON = "application/json";

    private static Shared service;
    private static Api api;
    private static String account;
    private static String complaint;
    private static long eventsBefore;
    private static long startedAt;
    private static final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> types = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();

    @BeforeContainer
    static void start() {
        service = Shared.get();
        api = new Api("http://127.0.0.1:" + service.port + "/api/v1", "fuzz@qa");
        // A STRATEGIC CUSTOMER with an open complaint: most valid commands would be accepted on it, so a
        // bad request that slipped through validation would show as a 2xx, not hide behind a 409.
        Api.Reply registered = api.post("/accounts", Map.of("name", "Fuzz Co", "industry", "Testing",
                "employeeCount", 10, "region", "EMEA", "classification", "STRATEGIC"));
        assertThat(registered.status()).isEqualTo(201);
        account = registered.body().get("accountId").asText();
        assertThat(api.post("/accounts/" + account + "/purchases", Map.of("amount", "10", "currency", "EUR",
                "occurredAt", "2026-01-01T00:00:00Z")).status()).isEqualTo(200);
        assertThat(api.post("/accounts/" + account + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"))
                .status()).isEqualTo(200);
        Api.Reply opened = api.post("/accounts/" + account + "/complaints", Map.of("summary", "slow support",
                "dueBy", "2026-12-31T00:00:00Z"));
        assertThat(opened.status()).isEqualTo(200);
        complaint = opened.body().get("complaintId").asText();
        eventsBefore = service.storedEvents();
        startedAt = System.nanoTime();
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void everyBadRequestIsA4xxProblemAndStoresNothing(@ForAll("badRequests") BadRequest request) {
        Api.Reply reply = api.raw(request.method(), request.path(), request.body(), request.headers());
        statuses.computeIfAbsent(reply.status(), any -> new AtomicLong()).incrementAndGet();
        kinds.computeIfAbsent(request.kind(), any -> new AtomicLong()).incrementAndGet();
        assertThat(reply.status()).as("%s answered %s", request, reply.raw().body()).isBetween(400, 499);
        assertThat(reply.contentType()).as("%s", request).startsWith("application/problem+json");
        assertThat(reply.body()).as("%s", request).isNotNull();
        assertThat(reply.body().get("type").asText()).as("%s", request).startsWith("/problems/");
        assertThat(reply.body().get("status").asInt()).isEqualTo(reply.status());
        assertThat(reply.body().get("detail").asText()).as("%s", request).isNotBlank();
        types.computeIfAbsent(reply.status() + " " + reply.body().get("type").asText(), any -> new AtomicLong())
                .incrementAndGet();
    }

    @AfterProperty
    void nothingWasStored() {
        assertThat(service.storedEvents()).as("events in the store after the fuzz").isEqualTo(eventsBefore);
    }

    @AfterContainer
    static void report() {
        long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("Bad-request fuzz: %d requests in %d ms, events stored before %d, after %d;"
                        + " by status %s; by kind %s; by type %s%n", total,
                (System.nanoTime() - startedAt) / 1_000_000, eventsBefore, service.storedEvents(),
                new TreeMap<>(counts(statuses)), new TreeMap<>(counts(kinds)), new TreeMap<>(counts(types)));
    }

    private static <K> Map<K, Long> counts(Map<K, AtomicLong> counters) {
        return counters.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    // --- the requests ---------------------------------------------------------------------------

    /** One generated request, and what was done to it (shown when the property fails). */
    record BadRequest(String kind, String method, String path, byte[] body, Map<String, String> headers) {
        @Override
        public String toString() {
            String text = body == null ? "<no body>" : new String(body, StandardCharsets.UTF_8);
            return kind + " " + method + " " + path + " " + headers + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text);
        }
    }

    enum Kind { NAME, REASON, TEXT, AMOUNT, REVENUE, COUNT, SCORE, CURRENCY, INSTANT, ENUM, UUID }

    record Field(String name, Kind kind, boolean required, List<String> values) {
        static Field of(String name, Kind kind, boolean required) {
            return new Field(name, kind, required, List.of());
        }

        static Field choice(String name, Enum<?>[] values) {
            return new Field(name, Kind.ENUM, true, Arrays.stream(values).map(Enum::name).toList());
        }

        int cap() {
            return switch (kind) {
                case NAME -> 200;
                case REASON -> 1000;
                default -> 4000;
            };
        }

        Object valid() {
            return switch (kind) {
                case NAME -> "Acme";
                case REASON -> "a reason\nwith a second line";
                case TEXT -> "some text\twith a tab";
                case AMOUNT -> new Raw("12.50");
                case REVENUE -> new Raw("250000000");
                case COUNT -> new Raw("120");
                case SCORE -> new Raw("7");
                case CURRENCY -> "EUR";
                case INSTANT -> "2026-03-14T09:30:00Z";
                case ENUM -> values.get(0);
                case UUID -> java.util.UUID.randomUUID().toString();
            };
        }
    }

    /** A command endpoint: its path under /api/v1 ({@code {a}} the account, {@code {c}} a complaint) and fields. */
    record Endpoint(String path, List<Field> fields) {
        Map<String, Object> validBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            fields.forEach(field -> body.put(field.name(), field.valid()));
            return body;
        }

        List<Field> required() {
            return fields.stream().filter(Field::required).toList();
        }

        String target(String accountId, String complaintId) {
            return path.replace("{a}", accountId).replace("{c}", complaintId);
        }
    }

    static final List<Endpoint> ENDPOINTS = endpoints();

    private static List<Endpoint> endpoints() {
        var classification = com.relationship.contracts.account.Classification.values();
        var stage = com.relationship.contracts.account.LifecycleStage.values();
        var kamStage = com.relationship.contracts.account.KamStage.values();
        var outcome = com.relationship.contracts.account.ComplianceOutcome.values();
        Field reason = Field.of("reason", Kind.REASON, true);
        return List.of(
                new Endpoint("/accounts", List.of(Field.of("accountId", Kind.UUID, false), Field.of("name", Kind.NAME, true),
                        Field.of("industry", Kind.NAME, true), Field.of("employeeCount", Kind.COUNT, true),
                        Field.of("annualRevenue", Kind.REVENUE, false), Field.of("region", Kind.NAME, true),
                        Field.choice("classification", classification))),
                new Endpoint("/accounts/{a}/classification", List.of(Field.choice("classification", classification),
                        Field.of("rationale", Kind.REASON, true))),
                new Endpoint("/accounts/{a}/purchases", List.of(Field.of("amount", Kind.AMOUNT, true),
                        Field.of("currency", Kind.CURRENCY, true), Field.of("occurredAt", Kind.INSTANT, true),
                        Field.of("description", Kind.TEXT, false))),
                new Endpoint("/accounts/{a}/referrals", List.of(Field.of("description", Kind.TEXT, true),
                        Field.of("referredCompany", Kind.NAME, false))),
                new Endpoint("/accounts/{a}/complaints", List.of(Field.of("summary", Kind.TEXT, true),
                        Field.of("dueBy", Kind.INSTANT, true))),
                new Endpoint("/accounts/{a}/complaints/{c}/resolution", List.of(Field.of("resolution", Kind.TEXT, true))),
                new Endpoint("/accounts/{a}/co-development-engagements", List.of(Field.of("description", Kind.TEXT, true))),
                new Endpoint("/accounts/{a}/partnership-agreements", List.of(Field.of("description", Kind.TEXT, true),
                        Field.of("signedAt", Kind.INSTANT, true))),
                new Endpoint("/accounts/{a}/compliance-reviews", List.of(Field.choice("outcome", outcome),
                        Field.of("reviewer", Kind.NAME, true), Field.of("notes", Kind.TEXT, false))),
                new Endpoint("/accounts/{a}/lifecycle/advance", List.of(Field.choice("targetStage", stage))),
                new Endpoint("/accounts/{a}/lifecycle/downgrade", List.of(Field.choice("targetStage", stage), reason)),
                new Endpoint("/accounts/{a}/lifecycle/lapse", List.of(reason)),
                new Endpoint("/accounts/{a}/lifecycle/win-back", List.of(reason)),
                new Endpoint("/accounts/{a}/lifecycle/disqualify", List.of(reason)),
                new Endpoint("/accounts/{a}/lifecycle/requalify", List.of(reason)),
                new Endpoint("/accounts/{a}/bonds", List.of(Field.choice("kind", com.relationship.contracts.account.BondKind.values()),
                        Field.of("description", Kind.TEXT, true), Field.of("occurredAt", Kind.INSTANT, false),
                        Field.of("validUntil", Kind.INSTANT, false))),
                new Endpoint("/accounts/{a}/bonds/{c}/dissolution", List.of(reason)),
                new Endpoint("/accounts/{a}/interactions", List.of(
                        Field.choice("channel", com.relationship.contracts.account.InteractionChannel.values()),
                        Field.choice("direction", com.relationship.contracts.account.InteractionDirection.values()),
                        Field.of("contact", Kind.NAME, true), Field.of("summary", Kind.TEXT, true),
                        Field.of("occurredAt", Kind.INSTANT, true))),
                new Endpoint("/accounts/{a}/satisfaction-surveys", List.of(Field.of("score", Kind.SCORE, true),
                        Field.choice("instrument", com.relationship.contracts.account.SurveyInstrument.values()),
                        Field.of("comment", Kind.TEXT, false), Field.of("occurredAt", Kind.INSTANT, true))),
                new Endpoint("/accounts/{a}/kam/designate", List.of(Field.of("rationale", Kind.REASON, true))),
                new Endpoint("/accounts/{a}/kam/advance", List.of(Field.choice("targetStage", kamStage))),
                new Endpoint("/accounts/{a}/kam/uncouple", List.of(reason)));
    }

    /** A JSON number written as is ("1e16", "0.001"), which no Java number type would keep. */
    record Raw(String json) {
    }

    @Provide
    Arbitrary<BadRequest> badRequests() {
        // Endpoints are drawn evenly, so most fields drawn are texts; numbers, currencies, instants and
        // ids (a few fields on a few endpoints) get a share of their own.
        Arbitrary<BadRequest> scalars = Arbitraries.of(ENDPOINTS.stream().flatMap(endpoint -> endpoint.fields().stream()
                        .filter(field -> field.kind() != Kind.NAME && field.kind() != Kind.REASON && field.kind() != Kind.TEXT)
                        .map(field -> Map.entry(endpoint, field))).toList())
                .flatMap(pair -> badValueFor(pair.getValue()).map(value -> {
                    Map<String, Object> body = pair.getKey().validBody();
                    body.put(pair.getValue().name(), value);
                    return post("bad value: " + pair.getValue().kind(), pair.getKey(), json(body));
                }));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, perEndpoint()), net.jqwik.api.Tuple.of(1, scalars));
    }

    private static Arbitrary<BadRequest> perEndpoint() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, missingField(endpoint)),
                net.jqwik.api.Tuple.of(3, unknownField(endpoint)),
                net.jqwik.api.Tuple.of(4, wrongType(endpoint)),
                net.jqwik.api.Tuple.of(4, badValue(endpoint)),
                net.jqwik.api.Tuple.of(2, oversizeString(endpoint)),
                net.jqwik.api.Tuple.of(1, oversizeBody(endpoint)),
                net.jqwik.api.Tuple.of(2, notAnObject(endpoint)),
                net.jqwik.api.Tuple.of(2, brokenJson(endpoint)),
                net.jqwik.api.Tuple.of(3, oddEncoding(endpoint)),
                net.jqwik.api.Tuple.of(2, malformedId(endpoint)),
                net.jqwik.api.Tuple.of(2, wrongMediaType(endpoint))));
    }

    private static BadRequest post(String kind, Endpoint endpoint, String json) {
        return post(kind, endpoint, json.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", JSON));
    }

    private static BadRequest post(String kind, Endpoint endpoint, byte[] body, Map<String, String> headers) {
        return new BadRequest(kind, "POST", endpoint.target(account, complaint), body, headers);
    }

    private static Arbitrary<Field> anyField(Endpoint endpoint) {
        return Arbitraries.of(endpoint.fields());
    }

    private static Arbitrary<BadRequest> missingField(Endpoint endpoint) {
        return Combinators.combine(Arbitraries.of(endpoint.required()), Arbitraries.of(true, false))
                .as((field, asNull) -> {
                    Map<String, Object> body = endpoint.validBody();
                    if (asNull) {
                        body.put(field.name(), null);
                    } else {
                        body.remove(field.name());
                    }
                    return post("missing field", endpoint, json(body));
                });
    }

    private static Arbitrary<BadRequest> unknownField(Endpoint endpoint) {
        Set<String> known = endpoint.fields().stream().map(Field::name).collect(Collectors.toSet());
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(30),
                        Arbitraries.of("accountId", "id", "actor", "version", "Reason", "amount ", "__proto__", ""))
                .filter(name -> !known.contains(name));
        Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) new Raw(Integer.toString(i))), Arbitraries.just(null));
        return Combinators.combine(names, values).as((name, value) -> {
            Map<String, Object> body = endpoint.validBody();
            body.put(name, value);
            return post("unknown field", endpoint, json(body));
        });
    }

    private static Arbitrary<BadRequest> wrongType(Endpoint endpoint) {
        return anyField(endpoint).flatMap(field -> wrongTypeFor(field).map(value -> {
            Map<String, Object> body = endpoint.validBody();
            body.put(field.name(), value);
            return post("wrong type", endpoint, json(body));
        }));
    }

    private static Arbitrary<Object> wrongTypeFor(Field field) {
        Arbitrary<Object> structures = Arbitraries.of((Object) List.of(), List.of("x"), Map.of(), Map.of("value", "x"),
                Boolean.TRUE, Boolean.FALSE);
        Arbitrary<Object> numbers = Arbitraries.of("0", "1", "-7", "3.5", "1e3", "978").map(Raw::new);
        return switch (field.kind()) {
            case NAME, REASON, TEXT, CURRENCY, INSTANT, ENUM, UUID -> Arbitraries.oneOf(structures, numbers);
            case AMOUNT, REVENUE -> structures;
            case COUNT, SCORE -> Arbitraries.oneOf(structures, Arbitraries.of("12", "", "1.5", "1e3", "12.0").map(s -> (Object) s),
                    Arbitraries.of("1.5", "1e3", "12.0").map(Raw::new));
        };
    }

    private static Arbitrary<BadRequest> badValue(Endpoint endpoint) {
        return anyField(endpoint).flatMap(field -> badValueFor(field).map(value -> {
            Map<String, Object> body = endpoint.validBody();
            body.put(field.name(), value);
            return post("bad value: " + field.kind(), endpoint, json(body));
        }));
    }

    private static final String CONTROLS_IN_NAMES = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f\u0085\u009f\u2028\u2029";
    private static final String CONTROLS_IN_TEXT = "\u0000\u0001\u0007\b\u000b\f\u001b\u001f\u007f\u0085\u009f";

    private static Arbitrary<Object> badValueFor(Field field) {
        return switch (field.kind()) {
            // Blank is a mistake only where the field is required: an optional text may be left empty.
            case NAME -> field.required() ? Arbitraries.oneOf(blank(), withControl(CONTROLS_IN_NAMES), loneSurrogate())
                    : Arbitraries.oneOf(withControl(CONTROLS_IN_NAMES), loneSurrogate());
            case REASON, TEXT -> field.required() ? Arbitraries.oneOf(blank(), withControl(CONTROLS_IN_TEXT), loneSurrogate())
                    : Arbitraries.oneOf(withControl(CONTROLS_IN_TEXT), loneSurrogate());
            case AMOUNT -> Arbitraries.oneOf(
                    Arbitraries.of("0", "-0.01", "-12", "0.001", "12.505", "1e16", "1e999999", "1234567890123456",
                            "-1e-2", "0.0").map(Raw::new),
                    Arbitraries.of("NaN", "Infinity", "-Infinity", "ten", "", " ", "12,50", "0x10", "1_000").map(s -> (Object) s));
            case REVENUE -> Arbitraries.of("-1", "-0.5", "1e16", "1.23456", "9999999999999999").map(Raw::new);
            case COUNT -> Arbitraries.of("-1", "10000001", "2147483648", "-2147483649", "99999999999999999999").map(Raw::new);
            case SCORE -> Arbitraries.of("-1", "11", "100", "2147483648", "-2147483649").map(Raw::new);
            case CURRENCY -> Arbitraries.oneOf(Arbitraries.of("EURO", "eur", "XXX", "XAU", "XDR", "ABC", "", " ", "\u20ac",
                            "US", "USD ", "U$D").map(s -> (Object) s),
                    Arbitraries.strings().alpha().ofMinLength(4).ofMaxLength(20).map(s -> (Object) s));
            case INSTANT -> Arbitraries.of("2026-03-14", "yesterday", "2026-03-14T09:30:00", "14/03/2026", "",
                    "1899-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                    "2026-02-30T00:00:00Z", "2026-03-14T25:00:00Z", "2026-03-14 09:30:00Z", " 2026-03-14T09:30:00Z",
                    "1700000000").map(s -> (Object) s);
            case ENUM -> Arbitraries.oneOf(Arbitraries.of(field.values()).map(v -> (Object) v.toLowerCase()),
                    Arbitraries.strings().ofMaxLength(20).filter(s -> !field.values().contains(s)).map(s -> (Object) s),
                    Arbitraries.of(field.values()).map(v -> (Object) (" " + v)));
            case UUID -> Arbitraries.oneOf(Arbitraries.of("not-a-uuid", "1-1-1-1-1", "", "5b0c1f9e7d534c4e9a512f7c3b7f0a11",
                            "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a1", "{5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11}").map(s -> (Object) s),
                    Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> s.length() != 36).map(s -> (Object) s));
        };
    }

    private static Arbitrary<Object> blank() {
        return Arbitraries.of("", " ", "   ", "\u00a0", "\u2003").map(s -> (Object) s)
                .filter(s -> ((String) s).isBlank());
    }

    private static Arbitrary<Object> withControl(String controls) {
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.of(controls.chars().mapToObj(c -> (char) c).toList()), Arbitraries.integers().between(0, 20))
                .as((text, control, at) -> {
                    int position = Math.min(at, text.length());
                    return text.substring(0, position) + control + text.substring(position);
                });
    }

    private static Arbitrary<Object> loneSurrogate() {
        return Arbitraries.of("\ud800", "x\udbff", "\udc00y", "a\udfffb\ud83d").map(s -> (Object) s);
    }

    private static Arbitrary<BadRequest> oversizeString(Endpoint endpoint) {
        List<Field> texts = endpoint.fields().stream()
                .filter(f -> f.kind() == Kind.NAME || f.kind() == Kind.REASON || f.kind() == Kind.TEXT).toList();
        if (texts.isEmpty()) {
            return badValue(endpoint);
        }
        return Combinators.combine(Arbitraries.of(texts), Arbitraries.integers().between(1, 3000),
                        Arbitraries.of('x', '\u00e9', '\u4e2d', ' '))
                .as((field, over, c) -> {
                    Map<String, Object> body = endpoint.validBody();
                    body.put(field.name(), "a" + String.valueOf(c).repeat(field.cap() + over - 1));
                    return post("oversize string", endpoint, json(body));
                });
    }

    private static Arbitrary<BadRequest> oversizeBody(Endpoint endpoint) {
        return Combinators.combine(anyField(endpoint), Arbitraries.integers().between(64 * 1024 + 1, 200 * 1024),
                        Arbitraries.of(true, false))
                .as((field, size, padding) -> {
                    Map<String, Object> body = endpoint.validBody();
                    if (padding) {
                        return post("oversize body", endpoint, json(body) + " ".repeat(size));
                    }
                    body.put(field.name(), "x".repeat(size));
                    return post("oversize body", endpoint, json(body));
                });
    }

    private static Arbitrary<BadRequest> notAnObject(Endpoint endpoint) {
        String valid = json(endpoint.validBody());
        return Arbitraries.of("[" + valid + "]", "[]", "\"" + valid.replace("\"", "\\\"") + "\"", "42", "-1.5", "true",
                        "false", "null", "", " ", "\n\r\t", "\"\"")
                .map(body -> post("not an object", endpoint, body));
    }

    private static Arbitrary<BadRequest> brokenJson(Endpoint endpoint) {
        String valid = json(endpoint.validBody());
        Arbitrary<String> truncated = Arbitraries.integers().between(1, valid.length() - 1).map(end -> valid.substring(0, end));
        Arbitrary<String> edited = Arbitraries.of(
                valid.replaceFirst("\"", ""), valid.replace("\"", "'"), valid.replaceFirst(":", ""),
                valid.substring(0, valid.length() - 1) + ",}", valid + valid, valid + "x", valid + "]",
                valid.replaceFirst("\\{", "{\"" + endpoint.fields().get(0).name() + "\":\"dup\","),
                valid.replaceFirst("\"", "\"\\q"), "{" + valid, valid.replace(",", ",,"),
                valid.replaceFirst(":", ": NaN,\"x\":"), valid.replaceFirst("\\{", "{/* comment */"));
        return Arbitraries.oneOf(truncated, edited.filter(body -> !body.equals(valid)))
                .map(body -> post("broken JSON", endpoint, body));
    }

    /**
     * Encodings JSON must not come in: UTF-16 and UTF-32 (with or without a byte order mark), invalid
     * UTF-8 bytes (lone continuation bytes, overlong forms, encoded surrogates, bytes that never occur),
     * Latin-1, and a declared charset other than UTF-8. A UTF-8 byte order mark alone is allowed, so
     * it is only put before a body that is bad in another way.
     */
    private static Arbitrary<BadRequest> oddEncoding(Endpoint endpoint) {
        Map<String, Object> withAccent = endpoint.validBody();
        endpoint.fields().stream().filter(f -> f.kind() == Kind.TEXT || f.kind() == Kind.REASON || f.kind() == Kind.NAME)
                .findFirst().ifPresent(f -> withAccent.put(f.name(), "Caf\u00e9 \u00fcber"));
        String valid = json(withAccent);
        Arbitrary<BadRequest> wide = Arbitraries.of("UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32", "UTF-32LE")
                .map(charset -> post("encoding " + charset, endpoint, valid.getBytes(Charset.forName(charset)),
                        Map.of("Content-Type", JSON)));
        Arbitrary<BadRequest> declared = Arbitraries.of("UTF-16", "ISO-8859-1", "US-ASCII", "windows-1252", "UTF-32")
                .map(charset -> post("declared " + charset, endpoint, valid.getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", JSON + "; charset=" + charset)));
        // Latin-1 differs from UTF-8 only where there is an accent: not for endpoints without text.
        Arbitrary<BadRequest> latin1 = valid.contains("\u00e9") ? Arbitraries.just(post("encoding ISO-8859-1",
                endpoint, valid.getBytes(StandardCharsets.ISO_8859_1), Map.of("Content-Type", JSON))) : wide;
        List<byte[]> invalid = List.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF},
                new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xFE}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[]{(byte) 0xC3}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        Arbitrary<BadRequest> broken = Combinators.combine(Arbitraries.of(invalid), Arbitraries.integers().between(1, utf8.length - 1))
                .as((bytes, at) -> post("invalid UTF-8", endpoint, insert(utf8, at, bytes), Map.of("Content-Type", JSON)));
        Arbitrary<BadRequest> bomBeforeBad = Arbitraries.oneOf(missingField(endpoint), unknownField(endpoint), brokenJson(endpoint))
                .map(bad -> new BadRequest("BOM + " + bad.kind(), bad.method(), bad.path(),
                        insert(bad.body(), 0, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), bad.headers()));
        return Arbitraries.oneOf(wide, declared, latin1, broken, bomBeforeBad);
    }

    private static byte[] insert(byte[] body, int at, byte[] bytes) {
        byte[] result = new byte[body.length + bytes.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(bytes, 0, result, at, bytes.length);
        System.arraycopy(body, at, result, at + bytes.length, body.length - at);
        return result;
    }

    private static Arbitrary<BadRequest> malformedId(Endpoint endpoint) {
        if (!endpoint.path().contains("{a}")) {
            return wrongMediaType(endpoint); // POST /accounts has no id in its path
        }
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.of("not-a-uuid", "1-1-1-1-1", "5b0c1f9e7d534c4e9a512f7c3b7f0a11", "0",
                        "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a1", "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a110",
                        "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a1g", "00000000-0000-0000-0000-00000000000", "..", " ", "null",
                        "-1", "5b0c1f9e_7d53_4c4e_9a51_2f7c3b7f0a11").map(BadRequestFuzzTest::encode),
                Arbitraries.of("%00", "%2F", "a%2Fb", "%5C", "%25", "%C0%AF", "%FF", "%2e%2e"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> s.length() != 36).map(BadRequestFuzzTest::encode));
        return Combinators.combine(ids, Arbitraries.of(true, false)).as((id, inComplaint) -> {
            boolean complaintId = inComplaint && endpoint.path().contains("{c}");
            String path = complaintId ? endpoint.target(account, id) : endpoint.target(id, complaint);
            return new BadRequest("malformed id", "POST", path, json(endpoint.validBody()).getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", JSON));
        });
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Arbitrary<BadRequest> wrongMediaType(Endpoint endpoint) {
        byte[] valid = json(endpoint.validBody()).getBytes(StandardCharsets.UTF_8);
        Arbitrary<BadRequest> contentType = Arbitraries.of("", "text/plain", "application/xml", "text/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
                        "text/json", "application/jsonp", "image/png", "json")
                .map(type -> post("content type '" + type + "'", endpoint, valid,
                        type.isEmpty() ? Map.of() : Map.of("Content-Type", type)));
        Arbitrary<BadRequest> accept = Arbitraries.of("text/html", "application/xml", "text/csv", "image/png", "text/plain")
                .map(type -> post("accept '" + type + "'", endpoint, valid, Map.of("Content-Type", JSON, "Accept", type)));
        return Arbitraries.oneOf(contentType, accept);
    }

    // --- JSON, written by hand so a lone surrogate or a raw number goes out exactly as generated ---

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            List<String> parts = new ArrayList<>();
            map.forEach((key, item) -> {
                StringBuilder part = new StringBuilder();
                write(String.valueOf(key), part);
                part.append(':');
                write(item, part);
                parts.add(part.toString());
            });
            out.append(String.join(",", parts)).append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append('"');
            for (char c : value.toString().toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }

    // --- the shared server ----------------------------------------------------------------------

    /** The shared Spring context of {@link EmbeddedServiceTest}, from Spring's test context cache. */
    static final class Shared {

        private static Shared instance;

        final int port;
        private final MongoClient mongo;

        private Shared(ApplicationContext context) {
            this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            this.mongo = context.getBean(MongoClient.class);
        }

        static synchronized Shared get() {
            if (instance == null) {
                instance = new Shared(new TestContextManager(Context.class).getTestContext().getApplicationContext());
            }
            return instance;
        }

        long storedEvents() {
            return mongo.getDatabase("relationship").getCollection("domainevents").countDocuments();
        }

        /** Declares nothing of its own, so it maps to the very context every EmbeddedServiceTest uses. */
        static class Context extends EmbeddedServiceTest {
        }
    }
}
