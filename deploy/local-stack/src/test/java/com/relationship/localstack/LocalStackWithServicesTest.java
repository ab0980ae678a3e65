package com.relationship.localstack;

import com.relationship.security.tokens.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole launcher path with stand-in service jars (the real services are built by other modules):
 * the arguments each service gets, waiting for readiness, and the stop order.
 */
class LocalStackWithServicesTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void startsBothServicesAgainstTheInfrastructureAndStopsThemBeforeKafkaAndMongo(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("services"));
        fakeServiceJar(services.resolve("relationship-service.jar"), FakeService.class);
        fakeServiceJar(services.resolve("projection-service-0.1.0-SNAPSHOT.jar"), FakeService.class);
        int mongoPort = freePort();
        int kafkaPort = freePort();
        int relationshipPort = freePort();
        int projectionPort = freePort();
        LocalStackConfig config = new LocalStackConfig(dir.resolve("data"), mongoPort, kafkaPort,
                relationshipPort, projectionPort, services, Duration.ofSeconds(60), false);

        try (LocalStack stack = new LocalStack(config, out)) {
            stack.start();

            assertThat(output()).contains(
                    "[relationship] args --server.port=" + relationshipPort
                            + " --spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/relationship"
                            + " --spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                    "[projection] args --server.port=" + projectionPort
                            + " --spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/projection"
                            + " --spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort
                            + " --spring.kafka.producer.transaction-id-prefix=local-projection-tx-",
                    "[relationship] ready after",
                    "[projection] ready after");
            // Both trust the key pair the launcher made in its data directory, with the local issuer and audience.
            String trust = " --spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                    + config.keysDir().resolve(SigningKeys.PUBLIC_KEY_FILE)
                    + " --spring.security.oauth2.resourceserver.jwt.audiences=" + LocalTokens.AUDIENCE
                    + " --spring.security.oauth2.resourceserver.jwt.authorities-claim-name=roles"
                    + " --relationship.security.issuer=" + LocalTokens.ISSUER;
            assertThat(output().lines().filter(line -> line.contains("] args ")))
                    .hasSize(2).allSatisfy(line -> assertThat(line).endsWith(trust));
            // Both listen on loopback only (localstack.bind-address), not on every interface.
            assertThat(output().lines().filter(line -> line.contains("] args ")))
                    .hasSize(2).allSatisfy(line -> assertThat(line).contains(" --server.address=127.0.0.1 "));
            assertThat(config.keysDir().resolve(SigningKeys.PUBLIC_KEY_FILE)).isRegularFile();
            assertThat(config.keysDir().resolve(SigningKeys.PRIVATE_KEY_FILE)).isRegularFile();
        }

        String log = output();
        assertThat(log.indexOf("[relationship] shutting down gracefully")).isPositive()
                .isLessThan(log.indexOf("Stopping Kafka and Mongo"));
        assertThat(log.indexOf("[projection] shutting down gracefully")).isPositive()
                .isLessThan(log.indexOf("Stopping Kafka and Mongo"));
        assertThat(log).contains("Local stack stopped; data kept in " + config.dataDir());
    }

    @Test
    void aServiceThatCannotStartFailsTheStartWithItsReasonAndStopsKafkaAndMongo(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("services"));
        fakeServiceJar(services.resolve("relationship-service.jar"), FailingService.class);
        fakeServiceJar(services.resolve("projection-service.jar"), FakeService.class);
        int mongoPort = freePort();
        int kafkaPort = freePort();
        LocalStackConfig config = new LocalStackConfig(dir.resolve("data"), mongoPort, kafkaPort,
                freePort(), freePort(), services, Duration.ofSeconds(60), false);

        LocalStack stack = new LocalStack(config, out);
        assertThatThrownBy(stack::start)
                .hasMessageContaining("relationship exited with code 1 before it was ready")
                .hasMessageContaining("Port was already in use");

        // Nothing is left running: an embedded Kafka that outlived its data directory would halt the JVM.
        assertThat(output()).contains("Stopping Kafka and Mongo", "Local stack stopped");
        assertThat(stack.isClosing()).isTrue();
        for (int port : new int[] {mongoPort, kafkaPort}) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** An executable jar whose main is {@code main} ({@link FakeService}, {@link FailingService}), standing in for a Spring Boot jar. */
    private static void fakeServiceJar(Path jar, Class<?> main) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String entry = main.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream jarOut = new JarOutputStream(file, manifest);
             InputStream classFile = main.getClassLoader().getResourceAsStream(entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            classFile.transferTo(jarOut);
            jarOut.closeEntry();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
