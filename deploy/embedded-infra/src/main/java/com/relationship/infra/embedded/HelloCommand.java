package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server 1.47 answers the legacy {@code isMaster} handshake but not its successor
 * {@code hello}, which Spring Boot's Mongo health indicator sends; without this, readiness would
 * report the embedded MongoDB DOWN while it works. Both backends answer {@code hello} as
 * {@code isMaster} (same reply fields, including {@code maxWireVersion}); the H2 one in
 * {@link DurableH2Backend}.
 */
final class HelloCommand {

    private HelloCommand() {
    }

    static String asIsMaster(String command) {
        return "hello".equalsIgnoreCase(command) ? "isMaster" : command;
    }

    /** The stock memory backend: only unique indexes, used only for an exact match on all their fields. */
    static final class InMemory extends MemoryBackend {
        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return super.handleCommand(channel, database, asIsMaster(command), query);
        }
    }

    /**
     * The ordered-index backend of the file store ({@link OrderedH2Backend}) on an MVStore held in
     * memory: the queries run as on the local stack's file, without the file.
     */
    static final class InOrderedMemory extends OrderedH2Backend {
        InOrderedMemory() {
            super(new MVStore.Builder().open());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return super.handleCommand(channel, database, asIsMaster(command), query);
        }
    }

    /**
     * The H2 file backend with the stock MVStore auto-commit (about once a second), for measuring
     * what acknowledging on disk costs. It has the same ordered indexes as {@link DurableH2Backend},
     * so that the difference is the commit alone.
     */
    static final class InH2File extends OrderedH2Backend {
        InH2File(String fileName) {
            super(MVStore.open(fileName));
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return super.handleCommand(channel, database, asIsMaster(command), query);
        }
    }
}
