package com.relationship.infra.embedded;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code main(storeFile)}: the embedded MongoDB on an H2 file in a process of its own, so a test can
 * kill it with SIGKILL. Prints {@code PORT <n>} once it listens; runs until killed or stdin closes.
 */
public final class PersistentMongoProcess {

    static final String PORT_LINE = "PORT ";

    private PersistentMongoProcess() {
    }

    public static void main(String[] args) throws IOException {
        EmbeddedMongo mongo = EmbeddedMongo.persistent(Path.of(args[0]), 0);
        System.out.println(PORT_LINE + mongo.port());
        System.out.flush();
        while (System.in.read() != -1) {
            // The test ends us with a kill; a closed stdin (the test JVM gone) ends us too.
        }
        mongo.close();
    }
}
