package com.relationship.projection.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Runs a refresh every {@code period} on its own daemon thread while the application runs (a ranking kept in
 * memory reading what changed): a refresh that fails is logged and tried again after the period.
 */
public final class PeriodicRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRefresh.class);

    private final String name;
    private final Duration period;
    private final Runnable refresh;
    private volatile boolean running;
    private volatile Thread worker;

    /** @param name the thread's name, and what the log says could not be refreshed */
    public PeriodicRefresh(String name, Duration period, Runnable refresh) {
        this.name = name;
        this.period = period;
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
        while (running) {
            try {
                refresh.run();
            } catch (RuntimeException e) {
                log.warn("{} could not be refreshed; it tries again in {}", name, period, e);
            }
            try {
                Thread.sleep(period.toMillis());
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
