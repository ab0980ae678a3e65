package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The key type of an {@link OrderedIndex}'s MVMap: a {@link KeyValue} ordered by BSON value order
 * (mongo-java-server's own {@link ValueComparator}, the order its sort uses), component by component,
 * each ascending or descending as the index declares it. The stock H2 index stores {@code KeyValue}
 * with H2's {@code ObjectDataType}, which orders by serialized bytes: a B-tree, but useless for a
 * range or a sort. Components are written with {@code ObjectDataType}, so the file holds what the
 * stock index holds, in a different order.
 * <p>
 * Query bounds may also hold two kinds of marker that are never stored: {@link Edge} (before or
 * after every value, whatever the direction) and {@link TypeBound} (before or after every value of
 * one BSON type), so a range such as {@code $gte: 5} stops at the last number instead of running
 * on through strings and dates the matcher would reject anyway (its comparisons only match values
 * of the bound's own type).
 */
final class OrderedKeyType extends BasicDataType<KeyValue> {

    /** Before or after every stored component (used to pad a bound to the key's length). */
    enum Edge { FIRST, LAST }

    /** Just before ({@code high} false) or just after every value of the BSON type ranked {@code rank}. */
    record TypeBound(int rank, boolean high) {
        static TypeBound below(Object value) {
            return new TypeBound(OrderedKeyType.rank(value), false);
        }

        static TypeBound above(Object value) {
            return new TypeBound(OrderedKeyType.rank(value), true);
        }
    }

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private final boolean[] ascending;
    private final ObjectDataType components = new ObjectDataType();

    OrderedKeyType(boolean[] ascending) {
        this.ascending = ascending.clone();
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareComponent(a.get(i), b.get(i), i < ascending.length ? ascending[i] : true);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static int compareComponent(Object x, Object y, boolean ascending) {
        if (x == y) {
            return 0;
        }
        if (x instanceof Edge edge) {
            return edge == Edge.FIRST ? -1 : 1;
        }
        if (y instanceof Edge edge) {
            return edge == Edge.FIRST ? 1 : -1;
        }
        int c = compareValues(x, y);
        return ascending ? c : -c;
    }

    private static int compareValues(Object x, Object y) {
        if (x instanceof TypeBound bound) {
            return compareBound(bound, y);
        }
        if (y instanceof TypeBound bound) {
            return -compareBound(bound, x);
        }
        return VALUES.compare(x, y);
    }

    private static int compareBound(TypeBound bound, Object value) {
        if (value instanceof TypeBound other) {
            int c = Integer.compare(bound.rank(), other.rank());
            return c != 0 ? c : Boolean.compare(bound.high(), other.high());
        }
        int c = Integer.compare(bound.rank(), rank(value));
        if (c != 0) {
            return c;
        }
        return bound.high() ? 1 : -1;
    }

    /**
     * The position of a value's type in BSON comparison order, as {@link ValueComparator} ranks it:
     * MinKey, then null and missing, then its own list (numbers, strings, documents, ...).
     */
    static int rank(Object value) {
        if (value instanceof MinKey) {
            return 0;
        }
        if (Missing.isNullOrMissing(value)) {
            return 1;
        }
        if (value instanceof Number) {
            return 2;
        }
        if (value instanceof String) {
            return 3;
        }
        if (value instanceof Document) {
            return 4;
        }
        if (value instanceof List) {
            return 5;
        }
        if (value instanceof BinData) {
            return 6;
        }
        if (value instanceof LegacyUUID) {
            return 7;
        }
        if (value instanceof UUID) {
            return 8;
        }
        if (value instanceof ObjectId) {
            return 9;
        }
        if (value instanceof Boolean) {
            return 10;
        }
        if (value instanceof Instant) {
            return 11;
        }
        if (value instanceof BsonTimestamp) {
            return 12;
        }
        if (value instanceof BsonRegularExpression) {
            return 13;
        }
        if (value instanceof MaxKey) {
            return 14;
        }
        throw new IllegalArgumentException("no BSON order for " + value.getClass());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object component : key) {
            memory += component instanceof String s ? 48 + 2 * s.length() : 32;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object component : key) {
            components.write(buffer, component);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(components.read(buffer));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
