package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
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

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            OrderedIndex.removeMaps(store(), mapName(collection.getCollectionName(), indexName));
        }
    }
}
