package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A query whose {@code $nin} lists of strings are checked against hash sets. The stock matcher
 * compares a document's value with every listed value in turn, and Axon's tracking query lists
 * every event id it has seen within its look-back ({@code eventIdentifier: {$nin: [...]}}): during a
 * burst thousands of ids, checked against each of the thousands of events in the look-back, so a
 * poll cost events × ids and starved every other query of the store (profiled: 95% of the
 * server's time while 10,000 events were relayed).
 * <p>
 * Taken out: a clause on a plain field (no dot) whose only operator is {@code $nin} with a list of
 * strings only, at the top level or directly in a top-level {@code $and}. A document whose value
 * is a string, null or missing is answered from the set (a string never equals a value of another
 * type; null and missing are not in a list of strings); any other value, an array say, goes to the
 * stock matcher with the clause as written. Everything else of the query stays with the stock matcher.
 */
final class HashedNotIn {

    private static final String AND = "$and";
    private static final String NOT_IN = "$nin";

    private record Clause(String field, Set<String> excluded, Document asWritten) {
    }

    private final Document rest;
    private final List<Clause> clauses;
    private final BiPredicate<Document, Document> stock;

    private HashedNotIn(Document rest, List<Clause> clauses, BiPredicate<Document, Document> stock) {
        this.rest = rest;
        this.clauses = clauses;
        this.stock = stock;
    }

    /** @param stock the collection's own matcher, for what is not taken out */
    static HashedNotIn of(Document query, BiPredicate<Document, Document> stock) {
        List<Clause> clauses = new ArrayList<>();
        Document rest = takeClauses(query, clauses);
        Object and = rest.get(AND);
        if (and instanceof Collection<?> parts) {
            List<Object> restParts = new ArrayList<>();
            for (Object part : parts) {
                Document restPart = part instanceof Document clause ? takeClauses(clause, clauses) : null;
                if (restPart == null) {
                    restParts.add(part);
                } else if (!restPart.isEmpty()) {
                    restParts.add(restPart);
                }
            }
            if (restParts.isEmpty()) {
                rest.remove(AND); // an empty $and is an error to the matcher; nothing is left to check
            } else {
                rest.put(AND, restParts);
            }
        }
        return new HashedNotIn(rest, clauses, stock);
    }

    /** Whether {@code document} matches the whole query. */
    boolean matches(Document document) {
        for (Clause clause : clauses) {
            Object value = document.get(clause.field());
            if (value == null) {
                continue;
            }
            if (value instanceof String text) {
                if (clause.excluded().contains(text)) {
                    return false;
                }
            } else if (!stock.test(document, clause.asWritten())) {
                return false;
            }
        }
        return rest.isEmpty() || stock.test(document, rest);
    }

    /** {@code query} without the clauses it hands to {@code taken}. */
    private static Document takeClauses(Document query, List<Clause> taken) {
        Document rest = new Document();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            Set<String> excluded = stringsNotIn(entry.getKey(), entry.getValue());
            if (excluded == null) {
                rest.put(entry.getKey(), entry.getValue());
            } else {
                taken.add(new Clause(entry.getKey(), excluded, new Document(entry.getKey(), entry.getValue())));
            }
        }
        return rest;
    }

    private static Set<String> stringsNotIn(String field, Object condition) {
        if (field.startsWith("$") || field.contains(".") || !(condition instanceof Document operators)
                || operators.size() != 1 || !(operators.get(NOT_IN) instanceof Collection<?> values)) {
            return null;
        }
        Set<String> strings = new HashSet<>(values.size() * 2);
        for (Object value : values) {
            if (!(value instanceof String text)) {
                return null;
            }
            strings.add(text);
        }
        return strings;
    }
}
