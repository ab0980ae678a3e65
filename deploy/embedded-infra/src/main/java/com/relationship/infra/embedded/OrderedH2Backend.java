package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with {@link OrderedIndex}es in place of its own indexes: unique
 * and secondary indexes both become value-ordered MVMaps in the same store as the documents, and
 * collections ({@link OrderedH2Collection}) answer queries from them. Everything else is the stock
 * backend. Built on 1.47.0's extension points ({@code H2Database}'s protected factories), so
 * {@code OrderedIndexDifferentialTest} pins its behaviour to the stock memory backend's.
 */
class OrderedH2Backend extends H2Backend {

    /** Where the stock backend keeps an index; left over in files it wrote, and removed when found. */
    private static final String STOCK_INDEX_INFIX = "._index_";
    private static final String INDEX_INFIX = "._ordered_";

    OrderedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: {@code H2Database}'s constructor already opens the collections and
     * indexes through the overridden factories, before a field of a subclass could be set, and the
     * enclosing backend (its store) is there from the start.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        private MVStore store() {
            return getMvStore();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            // The stock H2Database's map names, so files of the stock backend open unchanged.
            MVMap<Object, Document> dataMap = store().openMap("databases." + fullName);
            MVMap<String, Object> metaMap = store().openMap("meta." + fullName);
            return new OrderedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return open(collectionName, indexName, keys, sparse, false);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return open(collectionName, indexName, keys, sparse, true);
        }

        private Index<Object> open(String collectionName, String indexName, List<IndexKey> keys, boolean sparse,
                                   boolean secondary) {
            String stockMap = getFullCollectionNamespace(collectionName) + STOCK_INDEX_INFIX + indexName;
            if (store().hasMap(stockMap)) {
                store().removeMap(stockMap); // ours is filled from the documents instead
            }
            return OrderedIndex.open(store(), mapName(collectionName, indexName), indexName, keys, sparse, secondary);
        }

        private String mapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
        }

        /**
         * The MongoDB driver's {@code countDocuments} is an aggregation, {@code $match} then a
         * {@code $group} summing 1, and the stock aggregation reads the whole collection before it
         * matches anything: a page's total of the status list cost a read of every status. Answered
         * here as the {@code count} command is, from an index when one fits ({@link OrderedH2Collection#count}).
         * Every other aggregation is the stock one.
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                      Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate") && query.get("aggregate") instanceof String collectionName
                    && query.get("explain") == null) {
                CountShape count = CountShape.of(query.get("pipeline"));
                MongoCollection<Object> collection = count == null ? null : resolveCollection(collectionName, false);
                if (collection != null) {
                    int n = collection.count(count.match(), count.skip(), count.limit());
                    List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", count.groupId()).append(count.field(), n));
                    Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                            .append("firstBatch", batch);
                    return new Document("cursor", cursor).append("ok", 1.0);
                }
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            OrderedIndex.removeMaps(store(), mapName(collection.getCollectionName(), indexName));
        }
    }

    /**
     * A pipeline of the driver's count form: {@code $match}, then optionally {@code $skip} and
     * {@code $limit}, then {@code $group} of a constant id with one field summing 1. Null for any other.
     */
    record CountShape(Document match, int skip, int limit, Object groupId, String field) {

        static CountShape of(Object pipeline) {
            if (!(pipeline instanceof List<?> stages) || stages.size() < 2 || stages.size() > 4) {
                return null;
            }
            Document match = stage(stages.get(0), "$match");
            Document group = stage(stages.get(stages.size() - 1), "$group");
            if (match == null || group == null || group.size() != 2 || !(group.get("_id") instanceof Number groupId)) {
                return null;
            }
            String field = group.keySet().stream().filter(k -> !k.equals("_id")).findFirst().orElseThrow();
            if (!(group.get(field) instanceof Document sum) || sum.size() != 1 || !(sum.get("$sum") instanceof Number one)
                    || one.doubleValue() != 1) {
                return null;
            }
            int skip = 0;
            int limit = 0;
            for (Object middle : stages.subList(1, stages.size() - 1)) {
                if (middle instanceof Document d && d.size() == 1 && d.get("$skip") instanceof Number n && skip == 0 && limit == 0) {
                    skip = n.intValue();
                } else if (middle instanceof Document d && d.size() == 1 && d.get("$limit") instanceof Number n && limit == 0) {
                    limit = n.intValue();
                } else {
                    return null;
                }
            }
            return new CountShape(match, skip, limit, groupId, field);
        }

        private static Document stage(Object stage, String name) {
            return stage instanceof Document d && d.size() == 1 && d.get(name) instanceof Document body ? body : null;
        }
    }
}
