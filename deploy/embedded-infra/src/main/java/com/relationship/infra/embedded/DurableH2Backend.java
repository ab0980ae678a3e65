package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * mongo-java-server's H2 file backend, changed to keep what it acknowledges: a reply to a write
 * leaves only once the write is in the file, and a reply to a read only once everything the read
 * could have seen is in the file (so a reader, such as the relay to Kafka, never passes on a write
 * a crash could still take back). The stock backend lets MVStore auto-commit about once a second,
 * so a kill lost up to a second of acknowledged writes and could store a write half-done.
 * <p>
 * It also answers {@code hello} (see {@link HelloCommand}).
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that neither change data nor return it: they need no wait. */
    private static final Set<String> NO_DATA = Set.of("ismaster", "hello", "ping", "buildinfo", "whatsmyuri",
            "serverstatus", "killcursors", "endsessions", "getlasterror", "getparameter", "hostinfo",
            "connectionstatus", "getcmdlineopts", "getlog", "getfreemonitoringstatus", "saslstart",
            "saslcontinue", "logout");
    /** Commands that only read (an aggregation with $out or $merge writes, see {@link #onlyReads}). */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate",
            "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "explain");

    private final GroupCommit commits;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.commits = new GroupCommit(store);
    }

    /** Opens (or creates) the store file with MVStore's auto-commit off: only {@link GroupCommit} writes it. */
    static DurableH2Backend open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = HelloCommand.asIsMaster(command);
        String lower = name.toLowerCase(Locale.ROOT);
        if (NO_DATA.contains(lower)) {
            return super.handleCommand(channel, database, name, query);
        }
        if (READS.contains(lower) && onlyReads(lower, query)) {
            Document reply = super.handleCommand(channel, database, name, query);
            commits.awaitDurable(commits.latestTicket());
            return reply;
        }
        long ticket = commits.beginWrite();
        try {
            return super.handleCommand(channel, database, name, query);
        } finally {
            commits.endWrite();
            // Also after a failed write: part of it (an insertMany before a duplicate key) may be applied.
            commits.awaitDurable(ticket);
        }
    }

    /** Legacy OP_QUERY reads (the driver's first handshake). */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        QueryResult result = super.handleQuery(query);
        commits.awaitDurable(commits.latestTicket());
        return result;
    }

    private static boolean onlyReads(String command, Document query) {
        if (!command.equals("aggregate") || !(query.get("pipeline") instanceof List<?> pipeline)) {
            return true;
        }
        return pipeline.stream().noneMatch(stage -> stage instanceof Document d
                && (d.containsKey("$out") || d.containsKey("$merge")));
    }
}
