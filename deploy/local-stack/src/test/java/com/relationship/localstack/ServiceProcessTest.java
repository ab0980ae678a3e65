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
    void aChildThatDiesDuringStartupFailsTheWaitAtOnce() {
        int port = freePort();
        ServiceProcess service = ServiceProcess.start("fake", fakeService(port, "0", "3"), port, out);

        assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(60)))
                .hasMessageContaining("fake exited with code 3 before it was ready");
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
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "services/relationship-service.jar", "--server.port=8080");
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static List<String> fakeService(int port, String... args) {
        String testClasses;
        try {
            testClasses = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClasses, FakeService.class.getName(), String.valueOf(port)));
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
