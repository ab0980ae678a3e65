package com.relationship.infra.embedded;

import org.h2.mvstore.MVStore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Makes an H2 {@link MVStore} write to its file only whole writes, and lets a caller wait until a
 * given write is in the file. Writes run concurrently under the shared side of a read-write lock;
 * a commit takes the exclusive side, so it never persists a write half-done (mongo-java-server
 * updates a collection's document map and each index map one after the other; MVStore's own
 * background auto-commit could store a state between them, which is how a crash once left a
 * document and its unique index disagreeing).
 * <p>
 * Group commit: a caller that needs its write on disk either joins a commit already running or,
 * if none is, runs one itself for every write finished so far. Under load one file write covers
 * many acknowledgements; alone, a write pays one commit.
 */
final class GroupCommit {

    /**
     * Commits between two compactions. Each commit writes a small chunk, and a chunk holds whole 4 KiB
     * blocks as long as one of its pages is live; MVStore's fill rate counts page bytes, not blocks, so
     * it reports such a file as nearly full. Asking for 100% rewrites the live pages of every chunk that
     * has a dead one into the current chunk: in the store benchmark the file ends at about half the size
     * it reaches without (247 MB instead of 561 MB after 60,000 inserts), for a pause of a few tens of
     * milliseconds every 500 commits. The rest is packed away at start ({@link DurableH2Backend}).
     */
    private static final int COMPACT_EVERY = 500;
    private static final int TARGET_FILL_RATE = 100;
    private static final int COMPACT_WRITE_BYTES = 4 * 1024 * 1024;

    private final MVStore store;
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private final AtomicLong started = new AtomicLong();
    private final Object monitor = new Object();
    private long durable;        // guarded by monitor: every write with a ticket up to this is in the file
    private boolean committing;  // guarded by monitor
    private RuntimeException failure; // guarded by monitor: once a commit failed, nothing is acknowledged again
    private long commits;        // only touched by the committing thread

    GroupCommit(MVStore store) {
        this.store = store;
    }

    /** Starts a write; returns its ticket. Pair with {@link #endWrite()}. */
    long beginWrite() {
        writes.readLock().lock();
        return started.incrementAndGet();
    }

    void endWrite() {
        writes.readLock().unlock();
    }

    /** The ticket of the newest write started: everything a reader can have seen has a ticket up to this. */
    long latestTicket() {
        return started.get();
    }

    /** Returns once every write with a ticket up to {@code ticket} is in the file. */
    void awaitDurable(long ticket) {
        synchronized (monitor) {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (durable >= ticket) {
                    return;
                }
                if (!committing) {
                    committing = true;
                    break;
                }
                waitForCommit();
            }
        }
        long upTo = 0;
        RuntimeException failed = null;
        try {
            upTo = commitFinishedWrites();
        } catch (RuntimeException e) {
            failed = new IllegalStateException("the embedded MongoDB could not write its file ("
                    + e.getMessage() + "); it acknowledges nothing until restarted", e);
        }
        synchronized (monitor) {
            committing = false;
            if (failed != null) {
                failure = failed;
            } else {
                durable = Math.max(durable, upTo);
            }
            monitor.notifyAll();
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void waitForCommit() {
        try {
            monitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded MongoDB to write its file", e);
        }
    }

    /**
     * Commits every write finished so far. The exclusive lock waits for writes in flight and holds
     * new ones back, so the ticket read under it covers exactly what the commit stores. Writing the
     * file (no fsync) is what survives a kill of the process: the operating system keeps the page;
     * a power loss can still take the last writes.
     */
    private long commitFinishedWrites() {
        writes.writeLock().lock();
        try {
            long upTo = started.get();
            if (++commits % COMPACT_EVERY == 0) {
                store.compact(TARGET_FILL_RATE, COMPACT_WRITE_BYTES);
            }
            store.commit();
            return upTo;
        } finally {
            writes.writeLock().unlock();
        }
    }
}
