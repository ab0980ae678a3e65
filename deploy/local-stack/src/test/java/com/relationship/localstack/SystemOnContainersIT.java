package com.relationship.localstack;

import com.relationship.contracts.Topics;
import com.relationship.infra.embedded.ContainerInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The same scenario on a MongoDB replica set and a Kafka broker in Docker containers, with both
 * service jars as child JVMs. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class SystemOnContainersIT extends SystemScenario {

    static ContainerInfrastructure infrastructure;
    static ServiceProcess relationship;
    static ServiceProcess projection;
    static int relationshipPort = freePort();
    static int projectionPort = freePort();
    @TempDir
    static Path keysDir;

    @BeforeAll
    static void start() {
        LocalTokens.ensureKeys(keysDir);
        infrastructure = ContainerInfrastructure.start();
        infrastructure.createTopic(Topics.ACCOUNT_EVENTS, Topics.PARTITIONS, false);
        infrastructure.createTopic(Topics.ACCOUNT_STATUS, Topics.PARTITIONS, true);
        Path services = Path.of(System.getProperty(LocalStackConfig.SERVICES_DIR, "target/services"));
        PrintStream out = new PrintStream(System.out, true);
        relationship = launch("relationship", ServiceJars.find(services, "relationship-service"), relationshipPort,
                "relationship", out);
        projection = launch("projection", ServiceJars.find(services, "projection-service"), projectionPort,
                "projection", out);
        relationship.awaitReady(Duration.ofSeconds(240));
        projection.awaitReady(Duration.ofSeconds(240));
    }

    private static ServiceProcess launch(String name, Path jar, int port, String database, PrintStream out) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                "--spring.mongodb.uri=" + infrastructure.mongoUri(database),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers()));
        args.addAll(LocalTokens.serviceArguments(keysDir)); // trusting the local key pair, as on the local stack
        return ServiceProcess.start(name, ServiceProcess.javaJarCommand(jar, args), port, out);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[]{projection, relationship}) {
            if (service != null) {
                service.requestStop();
                service.awaitStopped(Duration.ofSeconds(30));
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Override
    String commands() {
        return "http://127.0.0.1:" + relationshipPort;
    }

    @Override
    String readModels() {
        return "http://127.0.0.1:" + projectionPort;
    }

    @Override
    String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    @Override
    Path keysDir() {
        return keysDir;
    }
}
