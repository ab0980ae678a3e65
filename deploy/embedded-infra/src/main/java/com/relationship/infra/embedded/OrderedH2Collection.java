package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's H2 collection, answering queries from its {@link OrderedIndex}es. The stock
 * collection uses an index only for an exact match on all its fields, and then (as for a full scan)
 * builds every match, sorts them all and keeps them in a cursor: a catch-up batch of 100 events
 * cost the whole rest of the store. Here the best index for the query's fields is scanned over
 * its range only; when the scan's order is the order the query sorts by (or it sorts by nothing),
 * documents are taken lazily, batch by batch, so a batch costs about its own size whatever the
 * store holds. Otherwise the range's documents are sorted as the stock collection sorts them.
 * The matcher still checks the whole query on every document, so the index only narrows the search
 * (its {@code $nin} lists of strings against hash sets: {@link HashedNotIn}).
 */
final class OrderedH2Collection extends H2Collection {

    OrderedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /** The index plan chosen for a query, and whether its scan is in the query's order (null: it is not). */
    private record Choice(OrderedIndex.Plan plan, Boolean forward) {
        boolean betterThan(Choice other) {
            if (other == null) {
                return true;
            }
            if (plan.score() != other.plan.score()) {
                return plan.score() > other.plan.score();
            }
            return forward != null && other.forward == null;
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (orderBy != null && !orderBy.isEmpty() && orderBy.keySet().iterator().next().equals("$natural")) {
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Choice choice = choose(query, orderBy);
        if (choice == null) {
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector); // full scan
        }
        OrderedIndex index = choice.plan().index();
        if (choice.forward() == null) {
            return matchDocuments(query, index.positions(choice.plan()), orderBy, numberToSkip, limit, batchSize,
                    fieldSelector);
        }
        boolean forward = choice.forward();
        KeyValue first = index.first(choice.plan());
        KeyValue last = index.last(choice.plan());
        IndexScan scan = new IndexScan(index, forward ? first : last, forward ? last : first, !forward, query,
                fieldSelector, numberToSkip, limit);
        List<Document> firstBatch = scan.take(batchSize > 0 ? batchSize : Integer.MAX_VALUE);
        if (scan.isEmpty()) {
            return new QueryResult(firstBatch);
        }
        cursorRegistry.add(scan);
        return new QueryResult(firstBatch, scan);
    }

    /**
     * Counted from an index alone when the query is only equalities of plain values on an index's
     * leading fields (the status list's and watch list's totals, the funnel's cells): the index's
     * range then holds exactly the matches, and no document is read. Otherwise the stock count, which
     * reads the matches {@link #queryDocuments} finds.
     */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        OrderedIndex.Plan plan = query == null || query.isEmpty() ? null : exactPlan(query);
        if (plan == null) {
            return super.count(query, skip, limit);
        }
        long count = Math.max(0, plan.index().count(plan) - Math.max(skip, 0));
        return (int) (limit > 0 ? Math.min(limit, count) : count);
    }

    /** How {@link #count} answers a query, for tests: {@code "counted from <index>"} or {@code "read the matches"}. */
    synchronized String explainCount(Document query) {
        OrderedIndex.Plan plan = query == null || query.isEmpty() ? null : exactPlan(query);
        return plan == null ? "read the matches" : "counted from " + plan.index().getName();
    }

    /** The plan whose range holds exactly the query's matches, or null if none does. */
    private OrderedIndex.Plan exactPlan(Document query) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            Object value = condition.getValue();
            if (condition.getKey().startsWith("$") || !QueryBounds.usable(value)) {
                return null;
            }
        }
        Choice choice = choose(query, null);
        if (choice == null) {
            return null;
        }
        OrderedIndex.Plan plan = choice.plan();
        return plan.next() == null && plan.equalities() == query.size() ? plan : null;
    }

    /**
     * How {@link #queryDocuments} answers a query, for tests: {@code "full scan"}, or the index,
     * the number of fixed fields, whether a range or list follows, and {@code "in order"} (streamed,
     * no sort), {@code "looked up"} (an {@code $in}, value by value) or {@code "sorted"}.
     */
    synchronized String explain(Document query, Document orderBy) {
        Choice choice = choose(query, orderBy);
        if (choice == null) {
            return "full scan";
        }
        OrderedIndex.Plan plan = choice.plan();
        String next = plan.next() == null ? "" : plan.inList() ? " + list" : " + range";
        String order = choice.forward() != null ? (choice.forward() ? "in order" : "in reverse order")
                : plan.inList() ? "looked up" : "sorted";
        return plan.index().getName() + ": " + plan.equalities() + " equal" + next + ", " + order;
    }

    private Choice choose(Document query, Document orderBy) {
        QueryBounds bounds = QueryBounds.of(query);
        boolean sorted = orderBy != null && !orderBy.isEmpty();
        Choice best = null;
        for (Index<Object> candidate : getIndexes()) {
            if (!(candidate instanceof OrderedIndex index)) {
                continue;
            }
            OrderedIndex.Plan plan = index.plan(bounds);
            if (plan == null) {
                continue;
            }
            Boolean forward = index.order(plan, orderBy);
            // A scan of the whole index is only worth it for its order.
            if (!plan.constrains() && (!sorted || forward == null)) {
                continue;
            }
            Choice choice = new Choice(plan, forward);
            if (choice.betterThan(best)) {
                best = choice;
            }
        }
        return best;
    }

    /**
     * A scan of an index range that yields matching documents a batch at a time. Between batches
     * it keeps only the key to resume from, not an MVMap cursor: a cursor pins the map version it
     * started on, and with the store's retention time 0 the file space of an old version may be
     * reused. So a batch sees the collection as it is when the batch is taken, as a MongoDB
     * cursor does between yields (a document changed in between may be missed or seen again).
     */
    private final class IndexScan extends AbstractCursor {

        private final OrderedIndex index;
        private final KeyValue to;
        private final boolean reverse;
        private final HashedNotIn query;
        private final Document fieldSelector;
        private KeyValue from;
        private int toSkip;
        private int toReturn; // 0: no limit
        private boolean exhausted;

        IndexScan(OrderedIndex index, KeyValue from, KeyValue to, boolean reverse, Document query,
                  Document fieldSelector, int skip, int limit) {
            super(cursorRegistry.generateCursorId());
            this.index = index;
            this.from = from;
            this.to = to;
            this.reverse = reverse;
            this.query = HashedNotIn.of(query, OrderedH2Collection.this::documentMatchesQuery);
            this.fieldSelector = fieldSelector;
            this.toSkip = Math.max(skip, 0);
            this.toReturn = Math.max(limit, 0);
        }

        @Override
        public boolean isEmpty() {
            return exhausted;
        }

        @Override
        public List<Document> takeDocuments(int numberToReturn) {
            return take(numberToReturn > 0 ? numberToReturn : Integer.MAX_VALUE);
        }

        /**
         * Up to {@code count} matching documents from where the last batch stopped. It looks one
         * match ahead so that {@link #isEmpty()} is exact (the backend closes an empty cursor), and
         * resumes at that match's key. Under the collection's lock, as every stock query runs: the
         * matcher is not thread-safe and writes change documents in place.
         */
        List<Document> take(int count) {
            synchronized (OrderedH2Collection.this) {
                List<Document> batch = new ArrayList<>(Math.min(count, 1024));
                if (exhausted) {
                    return batch;
                }
                Cursor<KeyValue, Object> cursor = index.cursor(from, to, reverse);
                while (cursor.hasNext()) {
                    KeyValue key = cursor.next();
                    Document document = getDocument(cursor.getValue());
                    if (document == null || !query.matches(document)) {
                        continue;
                    }
                    if (toSkip > 0) {
                        toSkip--;
                        continue;
                    }
                    if (batch.size() >= count) {
                        from = key;
                        return project(batch);
                    }
                    batch.add(document);
                    if (toReturn > 0 && --toReturn == 0) {
                        break;
                    }
                }
                exhausted = true;
                return project(batch);
            }
        }

        private List<Document> project(List<Document> documents) {
            if (fieldSelector == null || fieldSelector.isEmpty() || documents.isEmpty()) {
                return documents;
            }
            // The stock projection is package-private; its stream path applies it (the empty query matches all).
            return matchDocumentsFromStream(new Document(), documents.stream(), 0, 0, 0, null, fieldSelector)
                    .collectDocuments();
        }
    }
}
