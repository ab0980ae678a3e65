package com.relationship.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The README's first command as a process of its own, on free ports and a data directory of its own. */
final class LocalStackProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    final int mongoPort = freePort();
    final int kafkaPort = freePort();
    final int relationshipPort = freePort();
    final int projectionPort = freePort();
    private final Process process;
    private final String token;

    LocalStackProcess(Path launcherJar, Path dataDir, boolean acknowledgeOnDisk) throws IOException {
        this(launcherJar, dataDir, acknowledgeOnDisk, "768m");
    }

    /** @param serviceHeap each service's -Xmx ({@code localstack.service-heap}) */
    LocalStackProcess(Path launcherJar, Path dataDir, boolean acknowledgeOnDisk, String serviceHeap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Dlocalstack.service-heap=" + serviceHeap,
                "-Dlocalstack.data-dir=" + dataDir,
                "-Dlocalstack.mongo-port=" + mongoPort,
                "-Dlocalstack.kafka-port=" + kafkaPort,
                "-Dlocalstack.relationship-port=" + relationshipPort,
                "-Dlocalstack.projection-port=" + projectionPort,
                "-Dlocalstack.acknowledge-on-disk=" + acknowledgeOnDisk,
                "-jar", launcherJar.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        awaitUp();
        token = mintToken(java, launcherJar, dataDir);
    }

    /** The launcher jar the README's first command builds; an error naming the command when it is missing. */
    static Path launcher() {
        Path launcher = Path.of("deploy", "local-stack", "target", "local-stack.jar");
        if (!Files.exists(launcher)) {
            throw new IllegalStateException(launcher + " is missing: build it first (./mvnw -q -DskipTests package)");
        }
        return launcher;
    }

    /**
     * The README's recipe on this stack's data directory: {@code local-stack.jar token ...}, its last line.
     * Long enough for a full run; may send commands, read the read models and run the admin operations.
     */
    private String mintToken(String java, Path launcherJar, Path dataDir) throws IOException {
        Process mint = new ProcessBuilder(java, "-Dlocalstack.data-dir=" + dataDir, "-jar", launcherJar.toString(),
                "token", "--roles", "writer,reader,admin", "--subject", "benchmark", "--ttl", "8h")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        try {
            if (!mint.waitFor(60, TimeUnit.SECONDS) || mint.exitValue() != 0 || lines.isEmpty()) {
                close();
                throw new IllegalStateException("the token command did not mint a token: " + lines);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while minting a token", e);
        }
        return lines.get(lines.size() - 1);
    }

    /** {@code Authorization} header value for this stack's services. */
    String authorization() {
        return "Bearer " + token;
    }

    String commands() {
        return "http://127.0.0.1:" + relationshipPort + "/api/v1";
    }

    String readModels() {
        return "http://127.0.0.1:" + projectionPort + "/api/v1";
    }

    /** relationship-service's admin operations. */
    String admin() {
        return commands() + "/admin";
    }

    /** projection-service's admin operations. */
    String readModelAdmin() {
        return readModels() + "/admin";
    }

    /** The launcher's process id. */
    long pid() {
        return process.pid();
    }

    /** The process id of the launcher's service whose command line names {@code jarName} (relationship-service...). */
    java.util.Optional<Long> descendant(String jarName) {
        return process.descendants().filter(p -> p.info().commandLine().map(c -> c.contains(jarName)).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    String mongo() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    String kafka() {
        return "127.0.0.1:" + kafkaPort;
    }

    private void awaitUp() throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Deque<String> tail = new ArrayDeque<>();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String line;
        while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
            tail.addLast(line);
            if (tail.size() > 30) {
                tail.removeFirst();
            }
            if (line.contains("Local stack is up")) {
                Thread drain = new Thread(() -> {
                    try {
                        lines.lines().forEach(ignored -> { });
                    } catch (java.io.UncheckedIOException closed) {
                        // the launcher is gone
                    }
                }, "local-stack-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        close();
        throw new IllegalStateException("the local stack did not come up:\n" + String.join("\n", tail));
    }

    /** SIGTERM: the launcher stops its services, Kafka and MongoDB. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
