package com.relationship.infra.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
 * Its indexes are {@link OrderedIndex}es (see {@link OrderedH2Backend}). It also answers
 * {@code hello} (see {@link HelloCommand}).
 */
final class DurableH2Backend extends OrderedH2Backend {

    /** Commands that neither change data nor return it: they need no wait. */
    private static final Set<String> NO_DATA = Set.of("ismaster", "hello", "ping", "buildinfo", "whatsmyuri",
            "serverstatus", "killcursors", "endsessions", "getlasterror", "getparameter", "hostinfo",
            "connectionstatus", "getcmdlineopts", "getlog", "getfreemonitoringstatus", "saslstart",
            "saslcontinue", "logout");
    /** Commands that only read (an aggregation with $out or $merge writes, see {@link #onlyReads}). */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate",
            "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "explain");

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
    /** Below this a file is not worth packing at start (it takes well under a second per 100 MB). */
    private static final long COMPACT_ABOVE_BYTES = 64L * 1024 * 1024;

    private final GroupCommit commits;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.commits = new GroupCommit(store);
    }

    /**
     * Opens (or creates) the store file with MVStore's auto-commit off: only {@link GroupCommit} writes
     * it. Retention time 0 lets a commit reuse the space of chunks that no longer hold live data at
     * once; MVStore's default keeps them 45 s in case the disk reorders writes on a power loss, which
     * at one commit per write grew the file by megabytes a second. A process kill is safe either
     * way: the operating system writes the file's pages in full.
     */
    static DurableH2Backend open(Path file) {
        return open(file, COMPACT_ABOVE_BYTES);
    }

    /** As {@link #open(Path)}, packing the file first if it is larger than {@code compactAboveBytes}. */
    static DurableH2Backend open(Path file, long compactAboveBytes) {
        compactIfLarge(file, compactAboveBytes);
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.setRetentionTime(0);
        DurableH2Backend backend = new DurableH2Backend(store);
        // Opening may have filled indexes from the documents (a file of the stock backend): keep them.
        store.commit();
        return backend;
    }

    /**
     * One commit per acknowledged write makes many small chunks, and a chunk takes whole 4 KiB blocks
     * for as long as one page in it is live: the file grows several times larger than its data
     * (the store benchmark: 140 MB for 20 MB). MVStore's online compaction does not see that waste
     * (it counts page bytes, not blocks), so the file is packed at start instead, by copying every map
     * into a new file and renaming it over the old one (a kill during it leaves the old file).
     */
    private static void compactIfLarge(Path file, long compactAboveBytes) {
        try {
            if (!Files.exists(file) || Files.size(file) <= compactAboveBytes) {
                return;
            }
            long before = Files.size(file);
            long started = System.nanoTime();
            MVStoreTool.compact(file.toString(), false);
            log.info("Packed {} from {} MB to {} MB in {} ms", file, before / 1_000_000, Files.size(file) / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + file, e);
        }
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
