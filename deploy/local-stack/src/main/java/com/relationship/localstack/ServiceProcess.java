package com.relationship.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service running as a child JVM: its output is forwarded line by line with a {@code [name]} prefix,
 * readiness is its actuator readiness probe, and stopping is SIGTERM (Spring's graceful shutdown)
 * with a forced kill only after a grace period. A child also gets SIGTERM from the kernel when the
 * launcher dies, even of SIGKILL (see {@link LauncherDeath}), so it never holds its port for the next start.
 */
final class ServiceProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** How much of a child's output a start-up failure quotes: enough for Spring Boot's failure report. */
    static final int LINES_QUOTED = 40;

    private final String name;
    private final String host;
    private final int port;
    private final Process process;
    private final PrintStream out;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private Thread forwarder;
    private volatile boolean stopping;

    private ServiceProcess(String name, String host, int port, Process process, PrintStream out) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.process = process;
        this.out = out;
    }

    /** {@code java -jar JAR ARGS...} with the launcher's own Java and the default heap. */
    static List<String> javaJarCommand(Path jar, List<String> args) {
        return javaJarCommand(jar, args, LocalStackConfig.DEFAULT_SERVICE_HEAP);
    }

    /**
     * {@code java -XmxHEAP -XX:+ExitOnOutOfMemoryError -jar JAR ARGS...} with the launcher's own Java:
     * a bounded heap so the launcher and two services fit beside each other, and a service that runs
     * out of it exits (the launcher says so) instead of limping on.
     */
    static List<String> javaJarCommand(Path jar, List<String> args, String heap) {
        return javaJarCommand(jar, List.of(), args, heap);
    }

    /** The same, with more JVM options before {@code -jar} (tests that run several services at once tune them). */
    static List<String> javaJarCommand(Path jar, List<String> jvmOptions, List<String> args, String heap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /** A service listening on 127.0.0.1 (or every interface). */
    static ServiceProcess start(String name, List<String> command, int port, PrintStream out) {
        return start(name, command, LocalStackConfig.DEFAULT_BIND_ADDRESS, port, out);
    }

    /** @param host where its readiness is probed: the address it listens on (an IPv6 one in brackets) */
    static ServiceProcess start(String name, List<String> command, String host, int port, PrintStream out) {
        Process process;
        try {
            process = new ProcessBuilder(LauncherDeath.signalsChild(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        ServiceProcess service = new ServiceProcess(name, host, port, process, out);
        service.forwardOutput();
        process.onExit().thenAccept(exited -> {
            if (!service.stopping) {
                out.println(service.prefix() + "exited on its own with code " + exited.exitValue());
            }
        });
        return service;
    }

    private void forwardOutput() {
        forwarder = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.println(prefix() + line);
                    remember(line);
                }
            } catch (IOException e) {
                // The stream closes when the child exits; nothing left to forward.
            }
        }, name + "-output");
        forwarder.setDaemon(true);
        forwarder.start();
    }

    private void remember(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == LINES_QUOTED) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
    }

    /**
     * The last {@value #LINES_QUOTED} lines the child printed, once it has exited and its output is read
     * to the end: a start-up failure quotes them, because a long build log (a CI's tail) loses the
     * forwarded output above it.
     */
    String lastOutput() {
        try {
            forwarder.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lastLines) {
            return String.join(System.lineSeparator(), lastLines);
        }
    }

    String prefix() {
        return "[" + name + "] ";
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The process id of the service's JVM (of {@code setpriv}, which becomes it). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code /actuator/health/readiness} until it answers UP; fails if the child exits or time runs out. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(readinessUri()).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isUp(http, probe)) {
                return;
            }
            // Waiting on the process doubles as the poll interval and notices a child that died.
            if (waitForExit(POLL_INTERVAL)) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; the last lines it printed:" + System.lineSeparator() + lastOutput());
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s ("
                + readinessUri() + "); raise -D" + LocalStackConfig.STARTUP_TIMEOUT_SECONDS + " if the machine is just slow");
    }

    URI readinessUri() {
        return URI.create("http://" + host + ":" + port + "/actuator/health/readiness");
    }

    private static boolean isUp(HttpClient http, HttpRequest probe) {
        try {
            HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (ConnectException e) {
            return false; // not listening yet
        } catch (IOException e) {
            return false; // listening but not answering yet (timeout, reset)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for readiness", e);
        }
    }

    /** SIGKILL: the service gets no chance to finish anything (fault tests); waits until it is gone. */
    void kill() {
        stopping = true;
        process.toHandle().destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** Sends SIGTERM without waiting, so several services can shut down at the same time. */
    void requestStop() {
        stopping = true;
        // Through the handle: Process.destroy() also closes our end of the child's output pipe, which
        // would swallow everything it logs while shutting down.
        process.toHandle().destroy();
    }

    /** Waits up to {@code grace} for the exit a {@link #requestStop()} asked for, then kills the process. */
    void awaitStopped(Duration grace) {
        stopping = true;
        if (!waitForExit(grace)) {
            out.println(prefix() + "did not stop within " + grace.toSeconds() + " s, killing it");
            process.toHandle().destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
    }

    private boolean waitForExit(Duration duration) {
        try {
            return process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
