package com.relationship.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.relationship.infra.embedded.TestInfrastructure;

/**
 * One driver client on the shared embedded MongoDB for the store tests of this JVM: each test names a
 * database or collection of its own, so they share the connection, not the data.
 */
public final class TestMongo {

    private static MongoClient client;

    private TestMongo() {
    }

    public static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(TestInfrastructure.shared().mongoUri());
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "test-mongo-close"));
        }
        return client;
    }
}
