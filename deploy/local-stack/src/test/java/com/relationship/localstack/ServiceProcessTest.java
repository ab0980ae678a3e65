package com.relationship.localstack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/** The child-process handling, with a tiny fake service in place of a Spring Boot jar. */
class ServiceProcessTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void forwardsOutputWithAPrefixWaitsForReadinessAndStopsGracefully() throws Exception {
        int port = freePort();
        ServiceProcess service = ServiceProcess.start("fake", fakeService(port, "1000"), port, out);

        service.awaitReady(Duration.ofSeconds(30));
        assertThat(output()).contains("[fake] started on " + port);

        service.requestStop();
        service.awaitStopped(Duration.ofSeconds(30));

        assertThat(service.isAlive()).isFalse();
        // SIGTERM, not a kill: the child's shutdown hook ran (Spring's graceful shutdown hangs off the same).
        await().atMost(Duration.ofSeconds(5)).until(() -> output().contains("[fake] shutting down gracefully"));
        assertThat(output()).doesNotContain("exited on its own");
    }

    @Test
    void aChildThatDiesDuringStartupFailsTheWaitAtOnceQuotingWhatItPrinted() {
        int port = freePort();
        ServiceProcess service = ServiceProcess.start("fake", fakeService(port, "0", "3"), port, out);

        // The reason is in the failure itself, not only in forwarded output a long build log may cut.
        assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(60)))
                .hasMessageContaining("fake exited with code 3 before it was ready")
                .hasMessageContaining("failing on purpose");
        await().atMost(Duration.ofSeconds(5)).until(() -> output().contains("[fake] failing on purpose"));
    }

    @Test
    void aChildThatNeverGetsReadyTimesOutWithAHint() {
        int port = freePort();
        ServiceProcess service = ServiceProcess.start("fake", fakeService(port, "600000"), port, out);
        try {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(2)))
                    .hasMessageContaining("fake was not ready within 2 s")
                    .hasMessageContaining("-Dlocalstack.startup-timeout-seconds");
        } finally {
            service.requestStop();
            service.awaitStopped(Duration.ofSeconds(30));
        }
    }

    @Test
    void runsJarsWithTheLaunchersOwnJava() {
        List<String> command = ServiceProcess.javaJarCommand(Path.of("services/relationship-service.jar"), List.of("--server.port=8080"));

        assertThat(command).containsExactly(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-XX:+ExitOnOutOfMemoryError", "-jar", "services/relationship-service.jar", "--server.port=8080");
    }

    @Test
    void aLauncherKilledWithSigkillTakesItsServicesWithIt() throws Exception {
        assumeTrue(LauncherDeath.available(), "needs util-linux setpriv (Linux)");
        int port = freePort();
        List<String> launcher = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeLauncher.class.getName()));
        launcher.addAll(fakeService(port, "0"));
        Process process = new ProcessBuilder(launcher).redirectErrorStream(true).start();
        try {
            long childPid = FakeLauncher.childPid(process);
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() -> listening(port));

            process.destroyForcibly(); // SIGKILL: the launcher runs no shutdown hook
            process.waitFor();

            await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive());
            assertThat(listening(port)).as("port %d freed for the next start", port).isFalse();
            System.out.printf("launcher killed with SIGKILL: its service (pid %d) exited and freed port %d%n", childPid, port);
        } finally {
            process.destroyForcibly();
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static String testClasses() {
        try {
            return Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fakeService(int port, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClasses(), FakeService.class.getName(), String.valueOf(port)));
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
