package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on 127.0.0.1, so the services talk to it with the
 * real MongoDB driver. It advertises wire version 8 (the library's default {@code MONGO_5_0} reply,
 * i.e. MongoDB 4.2), which is the lowest the 5.8 driver accepts. It also answers {@code hello}, which
 * Spring Boot's Mongo health check sends (see {@link HelloCommand}).
 * <p>
 * Limits that matter to callers (see docs/embedded-mongo.md): no transactions or sessions. In
 * memory and on file alike, every index is an {@link OrderedIndex}: equality on a prefix plus a
 * range, in index order (see {@link OrderedH2Backend}); other queries are full scans.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String HOST = "127.0.0.1";

    private final MongoServer server;
    private final int port;
    private boolean closed;

    EmbeddedMongo(MongoBackend backend, int requestedPort) {
        this.server = new MongoServer(backend);
        server.bind(HOST, requestedPort);
        this.port = server.getLocalAddress().getPort();
    }

    /**
     * Data lives in the heap and is gone after {@link #close()}: for tests. The same backend and
     * indexes as {@link #persistent}, so tests query as the local stack does. {@code port} 0 picks a free port.
     */
    public static EmbeddedMongo inMemory(int port) {
        EmbeddedMongo mongo = new EmbeddedMongo(new HelloCommand.InOrderedMemory(), port);
        log.info("In-memory MongoDB listening on {}", mongo.connectionString());
        return mongo;
    }

    /**
     * Data lives in an H2 MVStore file (created with its parent directories if missing) and survives
     * a restart, and a kill of the process: every acknowledged write is in the file before its reply
     * leaves (see {@link DurableH2Backend}). A power loss can still take the last writes (no fsync).
     */
    public static EmbeddedMongo persistent(Path storeFile, int port) {
        return persistent(storeFile, port, true);
    }

    /**
     * As {@link #persistent(Path, int)}; with {@code acknowledgeOnDisk} false, the file is written the
     * way mongo-java-server's stock H2 backend writes it, about once a second: it loses the last
     * writes on a kill. Only for measuring what acknowledging on disk costs (the benchmarks).
     */
    public static EmbeddedMongo persistent(Path storeFile, int port, boolean acknowledgeOnDisk) {
        Path absolute = storeFile.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + absolute.getParent(), e);
        }
        EmbeddedMongo mongo = new EmbeddedMongo(acknowledgeOnDisk
                ? DurableH2Backend.open(absolute) : new HelloCommand.InH2File(absolute.toString()), port);
        log.info("MongoDB listening on {}, data in {}", mongo.connectionString(), absolute);
        return mongo;
    }

    /** {@code mongodb://127.0.0.1:PORT}, no database. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    /** {@code mongodb://127.0.0.1:PORT/database}, the form Spring's {@code spring.mongodb.uri} takes. */
    public String connectionString(String database) {
        return connectionString() + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Disconnects clients, stops the event loops and closes the backend (for H2: commit and close the file). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        log.info("MongoDB on port {} stopped", port);
    }
}
