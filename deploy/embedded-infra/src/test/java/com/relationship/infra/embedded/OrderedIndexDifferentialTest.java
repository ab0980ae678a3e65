package com.relationship.infra.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordered-index backend answers every query as mongo-java-server's stock memory backend does:
 * thousands of random queries (numbers of three types, strings, booleans, dates, ObjectIds, UUIDs,
 * null and missing values, sub-documents and arrays; {@code $and}, {@code $or}, {@code $in},
 * {@code $nin}, {@code $ne}, {@code $exists}, ranges; sorts both ways; skip, limit and batch
 * sizes), on the same data in both, between random inserts, updates and deletes, and again after
 * the file is closed and reopened. Where MongoDB leaves the answer open (the order of documents
 * with equal sort keys, which of them a limit keeps) the check allows any valid answer; everything
 * else must be equal. Seeded: {@code -Ddifferential.seed=N} repeats a run.
 */
class OrderedIndexDifferentialTest {

    private static final int DOCUMENTS = 1_500;
    private static final int ROUNDS = 8;
    private static final int QUERIES_PER_ROUND = 400;

    private static final List<Document> SORTS = List.of(new Document("a", 1), new Document("a", -1),
            new Document("a", 1).append("b", -1), new Document("a", -1).append("b", 1),
            new Document("a", 1).append("b", 1), new Document("b", 1), new Document("b", -1),
            new Document("c", 1).append("d", 1), new Document("c", -1).append("d", -1), new Document("d", 1),
            new Document("_id", 1), new Document("_id", -1), new Document("ts", 1).append("seq", 1),
            new Document("ts", -1).append("seq", -1), new Document("seq", 1), new Document("s", -1),
            new Document("a", 1).append("_id", 1));

    @TempDir
    Path dir;

    private Random random;
    private int nextId;
    private int mismatches;
    private int queries;
    private final List<String> firstMismatches = new ArrayList<>();

    @Test
    void randomQueriesAnswerAsTheStockMemoryBackendDoes() {
        long seed = Long.getLong("differential.seed", 20261202L);
        random = new Random(seed);
        Path file = dir.resolve("ordered.mv.db");
        try (EmbeddedMongo stock = new EmbeddedMongo(new MemoryBackend(), 0);
             MongoClient stockClient = client(stock)) {
            MongoCollection<Document> expected = stockClient.getDatabase("diff").getCollection("items");
            EmbeddedMongo ordered = new EmbeddedMongo(DurableH2Backend.open(file), 0);
            MongoClient orderedClient = client(ordered);
            try {
                MongoCollection<Document> actual = orderedClient.getDatabase("diff").getCollection("items");
                createIndexes(expected);
                createIndexes(actual);
                for (int i = 0; i < DOCUMENTS; i++) {
                    insertInBoth(expected, actual);
                }
                for (int round = 0; round < ROUNDS; round++) {
                    for (int q = 0; q < QUERIES_PER_ROUND; q++) {
                        compare(expected, actual);
                    }
                    changeBoth(expected, actual);
                }
                orderedClient.close();
                ordered.close();
                // Reopened from the file: the indexes come back as they were written.
                ordered = new EmbeddedMongo(DurableH2Backend.open(file), 0);
                orderedClient = client(ordered);
                actual = orderedClient.getDatabase("diff").getCollection("items");
                for (int q = 0; q < QUERIES_PER_ROUND; q++) {
                    compare(expected, actual);
                }
            } finally {
                orderedClient.close();
                ordered.close();
            }
        }
        System.out.printf("OrderedIndexDifferentialTest: seed %d, %d queries, %d mismatches%n", seed, queries, mismatches);
        assertThat(firstMismatches).as("mismatches of %d queries (seed %d)", queries, seed).isEmpty();
        assertThat(queries).isGreaterThan(3_000);
    }

    private static MongoClient client(EmbeddedMongo mongo) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
    }

    private static void createIndexes(MongoCollection<Document> items) {
        items.createIndex(Indexes.ascending("a"));
        items.createIndex(Indexes.compoundIndex(Indexes.ascending("a"), Indexes.descending("b")));
        items.createIndex(Indexes.ascending("c", "d"), new IndexOptions().unique(true));
        items.createIndex(Indexes.ascending("ts", "seq"));
        items.createIndex(Indexes.ascending("s"), new IndexOptions().unique(true).sparse(true));
        items.createIndex(Indexes.ascending("t"));
        items.createIndex(Indexes.descending("seq"));
    }

    // --- data

    private void insertInBoth(MongoCollection<Document> expected, MongoCollection<Document> actual) {
        Document document = randomDocument();
        same("insert " + document.toJson(), () -> insert(expected, document), () -> insert(actual, document));
    }

    private static String insert(MongoCollection<Document> items, Document document) {
        try {
            items.insertOne(new Document(document));
            return "ok";
        } catch (MongoException e) {
            return "error " + e.getCode();
        }
    }

    private Document randomDocument() {
        int id = nextId++;
        Document document = new Document("_id", randomId(id));
        putMaybe(document, "a", randomScalar());
        putMaybe(document, "b", randomScalar());
        document.put("c", random.nextInt(40));
        document.put("d", id); // (c, d) unique
        putMaybe(document, "e", randomValue());
        if (random.nextInt(3) > 0) {
            document.put("s", "s-" + id); // sparse unique
        }
        document.put("t", random.nextInt(5) == 0 ? List.of(random.nextInt(5), random.nextInt(5)) : random.nextInt(5));
        document.put("ts", "2026-12-02T10:00:" + String.format("%02d", random.nextInt(60)) + "Z");
        document.put("seq", (long) random.nextInt(50));
        return document;
    }

    private Object randomId(int id) {
        return switch (random.nextInt(3)) {
            case 0 -> id;
            case 1 -> "id-" + id;
            default -> new ObjectId();
        };
    }

    private void putMaybe(Document document, String field, Object value) {
        if (random.nextInt(10) > 0) {
            document.put(field, value);
        }
    }

    /**
     * Few distinct values, so that equalities and ranges hit, ties happen and types mix. Arrays only
     * in {@code t} (an index that turns multikey) and {@code e} (no index): in {@code a} and
     * {@code b} one array would send every query on them to the stock path.
     */
    private Object randomValue() {
        return random.nextInt(16) == 13 ? List.of(random.nextInt(10), "v" + random.nextInt(10)) : randomScalar();
    }

    private Object randomScalar() {
        return switch (random.nextInt(15)) {
            case 0, 1, 2, 3 -> random.nextInt(10);
            case 4 -> (long) random.nextInt(10);
            case 5 -> random.nextInt(10) + (random.nextBoolean() ? 0.5 : 0.0);
            case 6, 7, 8 -> "v" + random.nextInt(10);
            case 9 -> random.nextBoolean();
            case 10 -> null;
            case 11 -> new Date(1_700_000_000_000L + random.nextInt(10) * 1000L);
            case 12 -> new Document("x", random.nextInt(3));
            case 13 -> new UUID(0, random.nextInt(4));
            default -> "";
        };
    }

    private void changeBoth(MongoCollection<Document> expected, MongoCollection<Document> actual) {
        for (int i = 0; i < 60; i++) {
            int kind = random.nextInt(6);
            if (kind == 0) {
                insertInBoth(expected, actual);
            } else if (kind <= 2) {
                // updateMany: which of several matches updateOne changes is open.
                Document filter = randomFilter();
                Document update = randomUpdate();
                same("updateMany " + filter.toJson() + " " + update.toJson(),
                        () -> update(expected, filter, update, true), () -> update(actual, filter, update, true));
            } else if (kind == 3) {
                Document filter = randomFilter();
                same("deleteMany " + filter.toJson(),
                        () -> String.valueOf(expected.deleteMany(filter).getDeletedCount()),
                        () -> String.valueOf(actual.deleteMany(filter).getDeletedCount()));
            } else {
                Document filter = new Document("d", random.nextInt(nextId));
                Document update = randomUpdate();
                same("updateOne " + filter.toJson() + " " + update.toJson(),
                        () -> update(expected, filter, update, false), () -> update(actual, filter, update, false));
            }
        }
    }

    private Document randomUpdate() {
        String field = List.of("a", "b", "e", "ts", "seq", "t").get(random.nextInt(6));
        if (random.nextInt(5) == 0) {
            return new Document("$unset", new Document(field, ""));
        }
        Object value = switch (field) {
            case "ts" -> "2026-12-02T10:00:" + String.format("%02d", random.nextInt(60)) + "Z";
            case "seq" -> (long) random.nextInt(50);
            case "a", "b" -> randomScalar();
            default -> randomValue();
        };
        return new Document("$set", new Document(field, value));
    }

    private static String update(MongoCollection<Document> items, Document filter, Document update, boolean many) {
        try {
            var result = many ? items.updateMany(filter, update) : items.updateOne(filter, update);
            // nModified of updateOne depends on which tied document was picked first; the match count does not.
            return many ? result.getMatchedCount() + "/" + result.getModifiedCount() : String.valueOf(result.getMatchedCount());
        } catch (MongoException e) {
            return "error " + e.getCode();
        }
    }

    // --- queries

    private Document randomFilter() {
        int clauses = random.nextInt(4);
        List<Document> parts = new ArrayList<>();
        for (int i = 0; i < clauses; i++) {
            parts.add(randomClause());
        }
        if (parts.isEmpty()) {
            return new Document();
        }
        if (random.nextBoolean()) {
            return new Document("$and", parts);
        }
        Document flat = new Document();
        for (Document part : parts) {
            for (Map.Entry<String, Object> entry : part.entrySet()) {
                flat.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
        return flat;
    }

    private Document randomClause() {
        String field = List.of("a", "a", "b", "c", "d", "_id", "s", "t", "ts", "seq", "e").get(random.nextInt(11));
        Supplier<Object> value = () -> valueFor(field);
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> new Document(field, value.get());
            case 3 -> new Document(field, new Document("$eq", value.get()));
            case 4 -> new Document(field, new Document(randomComparison(), value.get()));
            case 5 -> new Document(field, new Document(randomComparison(), value.get()).append(randomComparison(), value.get()));
            case 6 -> new Document(field, new Document("$in", Arrays.asList(value.get(), value.get(), value.get())));
            case 7 -> new Document(field, new Document("$nin", random.nextBoolean() ? Arrays.asList(value.get(), value.get())
                    : strings(field))); // a list of strings only is checked against a hash set (HashedNotIn)
            case 8 -> new Document(field, new Document("$ne", value.get()));
            case 9 -> new Document(field, new Document("$exists", random.nextBoolean()));
            case 10 -> new Document("$or", List.of(new Document(field, value.get()), randomClause()));
            default -> new Document(field, new Document("$gte", value.get()).append("$nin", Arrays.asList(value.get())));
        };
    }

    /** Up to 30 strings, values of the field or not: Axon's tracking query sends thousands of event ids. */
    private List<Object> strings(String field) {
        List<Object> strings = new ArrayList<>();
        for (int i = random.nextInt(31); i > 0; i--) {
            Object value = valueFor(field);
            strings.add(value instanceof String text ? text : "s-" + random.nextInt(nextId));
        }
        return strings;
    }

    private String randomComparison() {
        return List.of("$gt", "$gte", "$lt", "$lte").get(random.nextInt(4));
    }

    private Object valueFor(String field) {
        return switch (field) {
            case "c" -> random.nextInt(45);
            case "d", "_id" -> random.nextInt(4) == 0 ? "id-" + random.nextInt(nextId) : random.nextInt(nextId);
            case "s" -> "s-" + random.nextInt(nextId);
            case "t" -> random.nextInt(6);
            case "ts" -> "2026-12-02T10:00:" + String.format("%02d", random.nextInt(60)) + "Z";
            case "seq" -> random.nextInt(3) == 0 ? random.nextInt(50) : (long) random.nextInt(50);
            default -> randomValue();
        };
    }

    private void compare(MongoCollection<Document> expected, MongoCollection<Document> actual) {
        queries++;
        Document filter = randomFilter();
        Document sort = random.nextInt(5) == 0 ? null : SORTS.get(random.nextInt(SORTS.size()));
        int skip = List.of(0, 0, 0, 1, 5).get(random.nextInt(5));
        int limit = List.of(0, 0, 0, 1, 3, 10).get(random.nextInt(6));
        int batchSize = List.of(0, 0, 1, 2, 5, 100).get(random.nextInt(6));
        String what = "find " + filter.toJson() + " sort " + (sort == null ? "-" : sort.toJson())
                + " skip " + skip + " limit " + limit + " batch " + batchSize;
        List<Document> want = find(expected, filter, sort, skip, limit, batchSize);
        List<Document> got = find(actual, filter, sort, skip, limit, batchSize);
        if (want == null || got == null) {
            if (!Objects.equals(want == null, got == null)) {
                mismatch(what, String.valueOf(want), String.valueOf(got));
            }
            return;
        }
        List<Document> all = skip > 0 || limit > 0 ? find(expected, filter, sort, 0, 0, 0) : want;
        String problem = check(want, got, all, sort, skip > 0 || limit > 0);
        if (problem != null) {
            mismatch(what + ": " + problem, want.toString(), got.toString());
        }
        // Counted from an index alone when one holds exactly the matches (OrderedH2Collection#count).
        CountOptions options = new CountOptions().skip(skip).limit(limit);
        same("count " + filter.toJson() + " skip " + skip + " limit " + limit,
                () -> String.valueOf(expected.countDocuments(filter, options)),
                () -> String.valueOf(actual.countDocuments(filter, options)));
    }

    private static List<Document> find(MongoCollection<Document> items, Document filter, Document sort, int skip,
                                       int limit, int batchSize) {
        try {
            FindIterable<Document> find = items.find(filter).skip(skip).limit(limit);
            if (sort != null) {
                find.sort(sort);
            }
            if (batchSize > 0) {
                find.batchSize(batchSize);
            }
            return find.into(new ArrayList<>());
        } catch (MongoException e) {
            return null;
        }
    }

    /**
     * Null if {@code got} is a valid answer: the same sort keys in the same order, the same
     * documents for every sort key (for a skip or limit, except the sort keys at the cut, where
     * any of the tied documents may be kept), and only documents that match.
     */
    private static String check(List<Document> want, List<Document> got, List<Document> all, Document sort, boolean cut) {
        if (want.size() != got.size()) {
            return "size " + want.size() + " != " + got.size();
        }
        List<String> allJson = all.stream().map(Document::toJson).toList();
        for (Document document : got) {
            if (!allJson.contains(document.toJson())) {
                return "does not match: " + document.toJson();
            }
        }
        if (sort == null) {
            return cut ? null : sameGroups(group(want, null), group(got, null), null, null);
        }
        List<String> wantKeys = want.stream().map(d -> sortKey(d, sort)).toList();
        List<String> gotKeys = got.stream().map(d -> sortKey(d, sort)).toList();
        if (!wantKeys.equals(gotKeys)) {
            return "sort keys " + wantKeys + " != " + gotKeys;
        }
        if (want.isEmpty()) {
            return null;
        }
        String firstKey = cut ? wantKeys.get(0) : null;
        String lastKey = cut ? wantKeys.get(wantKeys.size() - 1) : null;
        return sameGroups(group(want, sort), group(got, sort), firstKey, lastKey);
    }

    private static Map<String, List<String>> group(List<Document> documents, Document sort) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Document document : documents) {
            groups.computeIfAbsent(sort == null ? "" : sortKey(document, sort), k -> new ArrayList<>()).add(document.toJson());
        }
        groups.values().forEach(list -> list.sort(String::compareTo));
        return groups;
    }

    private static String sameGroups(Map<String, List<String>> want, Map<String, List<String>> got, String skipA,
                                     String skipB) {
        for (Map.Entry<String, List<String>> group : want.entrySet()) {
            if (group.getKey().equals(skipA) || group.getKey().equals(skipB)) {
                continue;
            }
            if (!group.getValue().equals(got.get(group.getKey()))) {
                return "documents for sort key " + group.getKey() + " differ";
            }
        }
        return null;
    }

    /** The sort fields' values as BSON order sees them: numbers by value, null and missing alike. */
    private static String sortKey(Document document, Document sort) {
        List<String> key = new ArrayList<>();
        for (String field : sort.keySet()) {
            key.add(canonical(document.get(field)));
        }
        return key.toString();
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number number) {
            return "n:" + number.doubleValue();
        }
        if (value instanceof Document document) {
            Map<String, String> fields = new HashMap<>();
            document.forEach((k, v) -> fields.put(k, canonical(v)));
            return "d:" + fields;
        }
        if (value instanceof Collection<?> list) {
            return "l:" + list.stream().map(OrderedIndexDifferentialTest::canonical).toList();
        }
        return value.getClass().getSimpleName() + ":" + value;
    }

    private void same(String what, Supplier<String> expected, Supplier<String> actual) {
        String want = expected.get();
        String got = actual.get();
        if (!want.equals(got)) {
            mismatch(what, want, got);
        }
    }

    private void mismatch(String what, String want, String got) {
        mismatches++;
        if (firstMismatches.size() < 5) {
            firstMismatches.add(abbreviate(what) + "\n   stock:   " + abbreviate(want) + "\n   ordered: " + abbreviate(got));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
