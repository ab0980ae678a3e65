package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a query says about single fields, as an index can use it: an equality, a range, or an
 * {@code $in} list per field, read from the top level and from {@code $and} clauses (the MongoDB
 * driver renders {@code Filters.and(...)} as {@code $and}). Everything else ({@code $or},
 * {@code $nin}, {@code $ne}, {@code $exists}, regexes, arrays, sub-documents, null) is left out: the
 * matcher still checks the whole query on every document the index yields, so bounds only need to
 * contain every match, never to be exact.
 * <p>
 * Only plain scalar values are used (numbers other than NaN and Decimal128, strings, ObjectIds,
 * booleans, dates, UUIDs): for them mongo-java-server's matcher agrees with BSON value order, and
 * an equality or comparison only ever matches values of the same type (numbers with numbers).
 */
final class QueryBounds {

    /** What the query says about one field. Values are normalized as index keys are. */
    static final class Field {
        Object equal;
        boolean hasEqual;
        Object lower;
        Object upper;
        List<Object> in;

        boolean hasRange() {
            return lower != null || upper != null;
        }
    }

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private final Map<String, Field> fields = new HashMap<>();

    private QueryBounds() {
    }

    static QueryBounds of(Document query) {
        QueryBounds bounds = new QueryBounds();
        if (query != null) {
            bounds.read(query);
        }
        return bounds;
    }

    Field field(String name) {
        return fields.get(name);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private void read(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("$and") && value instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document) {
                        read(document);
                    }
                }
            } else if (!key.startsWith("$")) {
                readField(key, value);
            }
        }
    }

    private void readField(String name, Object value) {
        if (value instanceof Document operators) {
            if (operators.isEmpty() || operators.keySet().stream().anyMatch(op -> !op.startsWith("$"))) {
                return; // a sub-document to compare whole
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object operand = operator.getValue();
                switch (operator.getKey()) {
                    case "$eq" -> {
                        if (usable(operand)) {
                            equal(name, operand);
                        }
                    }
                    case "$gt", "$gte" -> {
                        if (usable(operand)) {
                            lower(name, operand);
                        }
                    }
                    case "$lt", "$lte" -> {
                        if (usable(operand)) {
                            upper(name, operand);
                        }
                    }
                    case "$in" -> {
                        if (operand instanceof Collection<?> values && values.stream().allMatch(QueryBounds::usable)) {
                            in(name, values);
                        }
                    }
                    default -> {
                        // left to the matcher
                    }
                }
            }
        } else if (usable(value)) {
            equal(name, value);
        }
    }

    private Field at(String name) {
        return fields.computeIfAbsent(name, n -> new Field());
    }

    private void equal(String name, Object value) {
        Field field = at(name);
        if (!field.hasEqual) {
            field.hasEqual = true;
            field.equal = normalize(value);
        }
    }

    /** Of two lower bounds the higher one: a match must pass both. Inclusive either way, the matcher decides. */
    private void lower(String name, Object value) {
        Field field = at(name);
        Object bound = normalize(value);
        if (field.lower == null || ORDER.compare(bound, field.lower) > 0) {
            field.lower = bound;
        }
    }

    private void upper(String name, Object value) {
        Field field = at(name);
        Object bound = normalize(value);
        if (field.upper == null || ORDER.compare(bound, field.upper) < 0) {
            field.upper = bound;
        }
    }

    private void in(String name, Collection<?> values) {
        Field field = at(name);
        if (field.in == null) {
            List<Object> normalized = new ArrayList<>(values.size());
            for (Object value : values) {
                normalized.add(normalize(value));
            }
            normalized.sort(ORDER);
            field.in = normalized;
        }
    }

    static boolean usable(Object value) {
        if (value instanceof Double d) {
            return !d.isNaN();
        }
        if (value instanceof Float f) {
            return !f.isNaN();
        }
        return value instanceof Integer || value instanceof Long || value instanceof String
                || value instanceof ObjectId || value instanceof Boolean || value instanceof Instant
                || value instanceof UUID;
    }

    /** The form an index key holds (numbers as doubles unless a long would lose digits). */
    static Object normalize(Object value) {
        return new KeyValue(value).normalized().get(0);
    }
}
