package com.relationship.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6, test 1: every process of the local stack (the launcher with its MongoDB and Kafka, and
 * both service JVMs) killed with SIGKILL in the middle of a stream of concurrent commands, then the
 * README's command started again on the same data directory. Every acknowledged command's event is
 * stored, each account's history is gapless, the events topic carries every stored event (and
 * nothing the store lacks) under the same event id, and the read models catch up.
 */
class WholeStackKillIT {

    private static final int CLIENTS = 6;
    private static final int ACCOUNTS = 30;
    private static final int ACKS_BEFORE_KILL = 600;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration EVENTUALLY = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;
    private final int mongoPort = SystemScenario.freePort();
    private final int kafkaPort = SystemScenario.freePort();
    private final int relationshipPort = SystemScenario.freePort();
    private final int projectionPort = SystemScenario.freePort();
    private Process launcher;
    /** Minted by the launcher's token command on this data directory, as the README does. */
    private String token;

    @AfterEach
    void killWhatIsLeft() {
        if (launcher != null) {
            killEveryProcess(launcher);
        }
    }

    @Test
    void sigkillOfEveryProcessDuringACommandStreamLosesNothingAcknowledged() throws Exception {
        launcher = startLauncher();
        token = tokenFromTheTokenCommand();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(register("Crash Test " + i));
        }
        Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
        AtomicLong acks = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> streamPurchases(client, accounts, acknowledged, acks));
        }
        await().atMost(EVENTUALLY).until(() -> acks.get() >= ACKS_BEFORE_KILL);
        int killed = killEveryProcess(launcher);
        long acknowledgedCommands = acks.get();
        clients.shutdownNow();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        System.out.printf("Killed %d processes with SIGKILL after %d acknowledged commands (%d registrations + "
                + "purchases from %d clients)%n", killed, acknowledgedCommands + ACCOUNTS, ACCOUNTS, CLIENTS);

        launcher = startLauncher();

        Map<String, Map<Long, String>> stored = new HashMap<>();
        long lost = 0;
        long storedEvents = 0;
        for (String account : accounts) {
            Map<Long, String> history = storedHistory(account);
            stored.put(account, history);
            storedEvents += history.size();
            assertThat(history.keySet()).as("account %s's history is gapless", account)
                    .containsExactlyElementsOf(LongStream.range(0, history.size()).boxed().toList());
            Set<Long> missing = new HashSet<>(acknowledged.getOrDefault(account, Set.of()));
            missing.removeAll(history.keySet());
            lost += missing.size();
        }
        System.out.printf("After the restart: %d events stored for %d accounts, %d acknowledged events lost%n",
                storedEvents, ACCOUNTS, lost);
        assertThat(lost).as("acknowledged events missing from the store").isZero();

        TopicAgainstStore topic = TopicAgainstStore.read("127.0.0.1:" + kafkaPort, stored, EVENTUALLY);
        System.out.printf("Events topic against the store, account by account: %s%n", topic.summary());
        topic.assertEveryStoredEventOnTheTopicAsStored();

        for (String account : accounts) {
            long last = stored.get(account).size() - 1;
            await().atMost(EVENTUALLY).until(() -> {
                SystemScenario.Reply reply = SystemScenario.get(readModels() + "/api/v1/accounts/" + account + "/status", token);
                return reply.status() == 200 && reply.body().get("lastAppliedSequence").asLong() == last;
            });
        }
        System.out.printf("Status read models of all %d accounts caught up with the store%n", ACCOUNTS);

        // The write side carries on from the stored history.
        String first = accounts.get(0);
        SystemScenario.Reply next = SystemScenario.post(commands() + "/api/v1/accounts/" + first + "/purchases", purchase(), token);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().get("version").asLong()).isEqualTo(stored.get(first).size());
    }

    private void streamPurchases(int client, List<String> accounts, Map<String, Set<Long>> acknowledged, AtomicLong acks) {
        for (int i = client; !Thread.currentThread().isInterrupted(); i += CLIENTS) {
            String account = accounts.get(i % accounts.size());
            SystemScenario.Reply reply;
            try {
                reply = SystemScenario.post(commands() + "/api/v1/accounts/" + account + "/purchases", purchase(), token);
            } catch (RuntimeException gone) {
                return; // the stack was killed under this request: not acknowledged
            }
            if (reply.status() != 200) {
                throw new AssertionError("purchase refused before the kill: " + reply.status() + " " + reply.body());
            }
            acknowledged.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet()).add(reply.body().get("version").asLong());
            acks.incrementAndGet();
        }
    }

    private static Map<String, Object> purchase() {
        return Map.of("amount", "120.50", "currency", "EUR", "occurredAt", "2026-11-30T10:00:00Z",
                "description", "crash test purchase");
    }

    private String register(String name) {
        SystemScenario.Reply reply = SystemScenario.post(commands() + "/api/v1/accounts", Map.of("name", name,
                "industry", "Manufacturing", "employeeCount", 50, "annualRevenue", 1000000, "region", "EMEA",
                "classification", "TACTICAL"), token);
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
        return reply.body().get("accountId").asText();
    }

    /** sequence -> event id, from the history the auditors read. */
    private Map<Long, String> storedHistory(String account) {
        SystemScenario.Reply reply = SystemScenario.get(commands() + "/api/v1/accounts/" + account + "/events", token);
        assertThat(reply.status()).isEqualTo(200);
        Map<Long, String> history = new TreeMap<>();
        for (JsonNode event : reply.body()) {
            assertThat(history.put(event.get("sequence").asLong(), event.get("eventId").asText()))
                    .as("sequence %s stored once", event.get("sequence")).isNull();
        }
        return history;
    }

    private String commands() {
        return "http://127.0.0.1:" + relationshipPort;
    }

    private String readModels() {
        return "http://127.0.0.1:" + projectionPort;
    }

    /**
     * {@code java -jar local-stack.jar token --roles writer,reader,auditor --subject crash-test} on this
     * test's data directory: the last line of its output.
     */
    private String tokenFromTheTokenCommand() throws Exception {
        Process command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + LocalStackConfig.DATA_DIR + "=" + dataDir, "-jar", "target/local-stack.jar",
                "token", "--roles", "writer,reader,auditor", "--subject", "crash-test")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(command.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(command.exitValue()).as("token command exit code").isZero();
        return lines.get(lines.size() - 1);
    }

    /** The README's first command, as its own process, on this test's ports and data directory. */
    private Process startLauncher() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java,
                "-D" + LocalStackConfig.DATA_DIR + "=" + dataDir,
                "-D" + LocalStackConfig.MONGO_PORT + "=" + mongoPort,
                "-D" + LocalStackConfig.KAFKA_PORT + "=" + kafkaPort,
                "-D" + LocalStackConfig.RELATIONSHIP_PORT + "=" + relationshipPort,
                "-D" + LocalStackConfig.PROJECTION_PORT + "=" + projectionPort,
                "-D" + LocalStackConfig.SERVICES_DIR + "=" + System.getProperty(LocalStackConfig.SERVICES_DIR, "target/services"),
                "-jar", "target/local-stack.jar")
                .redirectErrorStream(true).start();
        awaitBanner(process);
        return process;
    }

    /** Forwards the launcher's output and returns once it says it is up. */
    private static void awaitBanner(Process process) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Deque<String> tail = new ArrayDeque<>();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String line;
        while ((line = lines.readLine()) != null) {
            System.out.println("[stack] " + line);
            tail.addLast(line);
            if (tail.size() > 40) {
                tail.removeFirst();
            }
            if (line.contains("Local stack is up")) {
                Thread forward = new Thread(() -> lines.lines().forEach(l -> System.out.println("[stack] " + l)),
                        "stack-output");
                forward.setDaemon(true);
                forward.start();
                return;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        killEveryProcess(process);
        throw new IllegalStateException("the local stack did not come up; its last lines:\n" + String.join("\n", tail));
    }

    /** SIGKILL to the launcher and every process under it, all at once; answers how many. */
    private static int killEveryProcess(Process launcher) {
        List<ProcessHandle> all = new ArrayList<>(launcher.descendants().toList());
        all.add(launcher.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(handle -> handle.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        return all.size();
    }
}
