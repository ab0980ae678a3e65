package com.relationship.projection.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Runs a refresh every {@code period} on its own daemon thread while the application runs (a ranking kept in
 * memory reading what changed): a refresh that fails is logged and tried again after the period. A refresh that
 * read more than {@value #BUSY} changed accounts (the read models catching up on a backlog) waits
 * {@code busyPeriod} before the next: each refresh reads again a look-back of what the one before read, so
 * refreshing every second while thousands of documents are written a second would read each of them many times.
 * A refresh that found nothing changed doubles the wait, up to {@value #IDLE_FACTOR} periods, until one finds a
 * change: an idle instance (or an idle test context) asks its store a quarter as often.
 */
public final class PeriodicRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRefresh.class);

    /** More changed accounts than this in one refresh: busy. */
    static final int BUSY = 1_000;
    /** The longest wait after refreshes that found nothing, in periods. */
    static final int IDLE_FACTOR = 4;

    private final String name;
    private final Duration period;
    private final Duration busyPeriod;
    private final IntSupplier refresh;
    private volatile boolean running;
    private volatile Thread worker;

    /**
     * @param name    the thread's name, and what the log says could not be refreshed
     * @param refresh answers how many accounts it found changed
     */
    public PeriodicRefresh(String name, Duration period, Duration busyPeriod, IntSupplier refresh) {
        this.name = name;
        this.period = period;
        this.busyPeriod = busyPeriod;
        this.refresh = refresh;
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::run, name);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void run() {
        Duration idle = period;
        while (running) {
            Duration next = period;
            try {
                int changed = refresh.getAsInt();
                if (changed == 0) {
                    next = idle;
                    idle = idle.multipliedBy(2).compareTo(period.multipliedBy(IDLE_FACTOR)) > 0
                            ? period.multipliedBy(IDLE_FACTOR) : idle.multipliedBy(2);
                } else {
                    idle = period;
                    next = changed > BUSY ? busyPeriod : period;
                }
            } catch (RuntimeException e) {
                log.warn("{} could not be refreshed; it tries again in {}", name, period, e);
            }
            try {
                Thread.sleep(next.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
