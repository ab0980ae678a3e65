package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An index of the embedded MongoDB kept as an H2 MVMap ordered by BSON value order
 * ({@link OrderedKeyType}), so that it can answer what mongo-java-server's own indexes cannot: an
 * equality on a prefix of its fields plus one range or {@code $in} on the next, found at the top
 * level or in {@code $and} clauses, in index order (so a matching sort needs no sorting and a batch
 * costs only its own documents, see {@link OrderedH2Collection}). The stock H2 index answers only an
 * exact match on all of its fields, and a non-unique index is not kept at all: every query Axon
 * sends was a full scan.
 * <p>
 * A non-unique (secondary) index is made unique by appending {@code _id} to its key, so the map
 * needs no lists of positions. The map lives in the same MVStore as the documents, so a commit
 * stores both or neither; an index that is missing or empty (a file written by the stock backend)
 * is filled from the documents when its collection opens.
 * <p>
 * Not handled, left to a full scan: an index that has seen an array in one of its fields (a
 * multikey index: one document has several keys, and BSON sort order of arrays is not index
 * order); sparse unique indexes unless the query fixes their first field.
 */
final class OrderedIndex extends AbstractUniqueIndex<Object> {

    private static final String MULTIKEY = "multikey";

    private final MVMap<KeyValue, Object> entries;
    private final MVMap<String, Object> meta;
    private final OrderedKeyType keyType;
    private final List<IndexKey> storedKeys;
    private final List<String> indexedFields;
    private final boolean secondary;
    private volatile boolean multikey;

    private OrderedIndex(String name, List<IndexKey> storedKeys, List<String> indexedFields, boolean sparse,
                         boolean secondary, OrderedKeyType keyType, MVMap<KeyValue, Object> entries,
                         MVMap<String, Object> meta) {
        super(name, storedKeys, sparse);
        this.storedKeys = storedKeys;
        this.indexedFields = indexedFields;
        this.secondary = secondary;
        this.keyType = keyType;
        this.entries = entries;
        this.meta = meta;
        this.multikey = Boolean.TRUE.equals(meta.get(MULTIKEY));
    }

    /**
     * Opens the index's maps in {@code store} (named after {@code mapName}), creating them if absent.
     * {@code secondary}: a non-unique index, made unique here by appending {@code _id}.
     */
    static OrderedIndex open(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse,
                             boolean secondary) {
        List<IndexKey> stored = new ArrayList<>(keys);
        if (secondary && keys.stream().noneMatch(key -> key.getKey().equals("_id"))) {
            stored.add(new IndexKey("_id", true));
        }
        boolean[] ascending = new boolean[stored.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = stored.get(i).isAscending();
        }
        OrderedKeyType keyType = new OrderedKeyType(ascending);
        MVMap<KeyValue, Object> entries = store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(keyType));
        MVMap<String, Object> meta = store.openMap(metaMapName(mapName));
        List<String> fields = keys.stream().map(IndexKey::getKey).toList();
        return new OrderedIndex(name, List.copyOf(stored), fields, sparse, secondary, keyType, entries, meta);
    }

    static String metaMapName(String mapName) {
        return mapName + ".meta";
    }

    // --- storage, as AbstractUniqueIndex needs it

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return entries.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return entries.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return entries.get(keyValue);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public boolean isUnique() {
        return !secondary;
    }

    /** Notes, once and for good, that a document holds an array in an indexed field. */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!multikey && holdsArray(document)) {
            multikey = true;
            meta.put(MULTIKEY, Boolean.TRUE);
        }
        super.add(document, position, collection);
    }

    private boolean holdsArray(Document document) {
        for (String field : indexedFields) {
            if (Utils.getSubdocumentValueCollectionAware(document, field) instanceof Collection) {
                return true;
            }
        }
        return false;
    }

    /** Removes the index's maps from the store (when the index or its collection is dropped). */
    static void removeMaps(MVStore store, String mapName) {
        if (store.hasMap(mapName)) {
            store.removeMap(mapName);
        }
        if (store.hasMap(metaMapName(mapName))) {
            store.removeMap(metaMapName(mapName));
        }
    }

    // --- queries

    /**
     * How this index can serve a query: {@code equalities} leading fields fixed, then a range or an
     * {@code $in} list on the next stored field, or nothing more (a scan of the whole index, only
     * worth it for its order). Null if the index cannot serve the query at all.
     */
    record Plan(OrderedIndex index, int equalities, Object[] equal, QueryBounds.Field next, boolean inList) {

        /** Two points per fixed field, one for a range or list after them. */
        int score() {
            return 2 * equalities + (next != null ? 1 : 0);
        }

        boolean constrains() {
            return score() > 0;
        }
    }

    Plan plan(QueryBounds bounds) {
        if (multikey) {
            return null;
        }
        int equalities = 0;
        List<Object> equal = new ArrayList<>();
        QueryBounds.Field next = null;
        boolean inList = false;
        for (IndexKey key : storedKeys) {
            QueryBounds.Field field = bounds.field(key.getKey());
            if (field == null) {
                break;
            }
            if (field.hasEqual) {
                equalities++;
                equal.add(field.equal);
                continue;
            }
            if (field.in != null) {
                next = field;
                inList = true;
            } else if (field.hasRange()) {
                next = field;
            }
            break;
        }
        if (isSparse() && !secondary && equalities == 0) {
            return null; // documents without the fields are not in a sparse index
        }
        return new Plan(this, equalities, equal.toArray(), next, inList);
    }

    /**
     * Whether scanning {@code plan} yields documents in the order {@code orderBy} asks for: true
     * for forward, false for reverse, null if neither. Fields fixed by an equality are constant
     * within the scan and drop out of the sort; the rest must be the next stored fields, all in the
     * index's direction or all against it. A plan with an {@code $in} list is never streamed: its
     * values are looked up one by one, as the stock unique index does.
     */
    Boolean order(Plan plan, Document orderBy) {
        if (plan.inList()) {
            return null; // point lookups, one per value: their positions, sorted by the stock code if asked
        }
        if (orderBy == null || orderBy.isEmpty()) {
            return Boolean.TRUE;
        }
        Set<String> fixed = new LinkedHashSet<>();
        for (int i = 0; i < plan.equalities(); i++) {
            fixed.add(storedKeys.get(i).getKey());
        }
        int position = plan.equalities();
        Boolean forward = null;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (fixed.contains(sort.getKey())) {
                continue;
            }
            if (position >= storedKeys.size() || !storedKeys.get(position).getKey().equals(sort.getKey())
                    || !(sort.getValue() instanceof Number direction)) {
                return null;
            }
            boolean sameWay = (direction.intValue() > 0) == storedKeys.get(position).isAscending();
            if (forward == null) {
                forward = sameWay;
            } else if (forward != sameWay) {
                return null;
            }
            position++;
        }
        return forward == null ? Boolean.TRUE : forward;
    }

    /** The first key of the plan's range in map order (the key of the first entry a forward scan may return). */
    KeyValue first(Plan plan) {
        return bound(plan, plan.inList() ? null : plan.next(), true, null);
    }

    /** The last key of the plan's range in map order. */
    KeyValue last(Plan plan) {
        return bound(plan, plan.inList() ? null : plan.next(), false, null);
    }

    /**
     * A bound of the scan: the fixed values, then the range of the next field in map order (its
     * lower value first for an ascending field), or {@code point} for one value of an {@code $in},
     * then the edge of the map for the fields after.
     */
    private KeyValue bound(Plan plan, QueryBounds.Field range, boolean first, Object point) {
        List<Object> key = new ArrayList<>(storedKeys.size());
        for (Object value : plan.equal()) {
            key.add(value);
        }
        int position = key.size();
        if (position < storedKeys.size() && (range != null || point != null)) {
            if (point != null) {
                key.add(point);
            } else {
                boolean ascending = storedKeys.get(position).isAscending();
                boolean wantLower = first == ascending;
                key.add(wantLower ? lowerOf(range) : upperOf(range));
            }
        }
        while (key.size() < storedKeys.size()) {
            key.add(first ? OrderedKeyType.Edge.FIRST : OrderedKeyType.Edge.LAST);
        }
        return new KeyValue(key);
    }

    private static Object lowerOf(QueryBounds.Field range) {
        return range.lower != null ? range.lower : OrderedKeyType.TypeBound.below(range.upper);
    }

    private static Object upperOf(QueryBounds.Field range) {
        return range.upper != null ? range.upper : OrderedKeyType.TypeBound.above(range.lower);
    }

    int compare(KeyValue a, KeyValue b) {
        return keyType.compare(a, b);
    }

    /**
     * The entries from {@code from} to {@code to} (both in the order of the scan, inclusive) on the
     * map as it is now; a cursor holds pages of the version it started on, so callers keep it only
     * for the time of one request.
     */
    Cursor<KeyValue, Object> cursor(KeyValue from, KeyValue to, boolean reverse) {
        return entries.cursor(from, to, reverse);
    }

    /** Every position the plan's range holds, in map order (an {@code $in} value by value, without repeats). */
    List<Object> positions(Plan plan) {
        if (!plan.inList()) {
            List<Object> positions = new ArrayList<>();
            Cursor<KeyValue, Object> cursor = cursor(first(plan), last(plan), false);
            while (cursor.hasNext()) {
                cursor.next();
                positions.add(cursor.getValue());
            }
            return positions;
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (Object value : plan.next().in) {
            Cursor<KeyValue, Object> cursor = cursor(bound(plan, null, true, value), bound(plan, null, false, value), false);
            while (cursor.hasNext()) {
                cursor.next();
                positions.add(cursor.getValue());
            }
        }
        return new ArrayList<>(positions);
    }

    /**
     * How many entries the plan's range holds, from the map's positions of its two bounds (each a
     * descent of the B-tree, whatever the range holds); for a plan of equalities only, with no range
     * or list after them. A bound is a stored key itself when the equalities fix every field of the
     * index (a unique one's), otherwise it ends in {@link OrderedKeyType.Edge}s and falls between keys.
     */
    long count(Plan plan) {
        if (plan.next() != null) {
            throw new IllegalArgumentException("only a plan of equalities is counted from its bounds");
        }
        return positionAfter(last(plan)) - positionOf(first(plan));
    }

    /** The position of the first entry at or after {@code bound}. */
    private long positionOf(KeyValue bound) {
        long index = entries.getKeyIndex(bound);
        return index < 0 ? -index - 1 : index;
    }

    /** The position of the first entry after {@code bound}. */
    private long positionAfter(KeyValue bound) {
        long index = entries.getKeyIndex(bound);
        return index < 0 ? -index - 1 : index + 1;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        Plan plan = plan(QueryBounds.of(query));
        return plan != null && plan.constrains();
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        return positions(plan(QueryBounds.of(query)));
    }
}
