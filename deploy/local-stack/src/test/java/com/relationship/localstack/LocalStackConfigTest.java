package com.relationship.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackConfigTest {

    private static LocalStackConfig parse(List<String> args, Map<String, String> properties, Map<String, String> env) {
        return LocalStackConfig.parse(args, properties, env, "target/classes");
    }

    @Test
    void defaultsAreTheDocumentedPortsAndDataUnderTheWorkingDirectory() {
        LocalStackConfig config = parse(List.of(), Map.of(), Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.mongoPort()).isEqualTo(27017);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.relationshipPort()).isEqualTo(8080);
        assertThat(config.projectionPort()).isEqualTo(8081);
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(config.infraOnly()).isFalse();
        assertThat(config.mongoStoreFile()).isEqualTo(Path.of("data", "mongo", "mongo.mv.db").toAbsolutePath());
        assertThat(config.kafkaLogDir()).isEqualTo(Path.of("data", "kafka").toAbsolutePath());
        assertThat(config.keysDir()).isEqualTo(Path.of("data", "keys").toAbsolutePath());
        assertThat(config.serviceHeap()).isEqualTo("768m");
        assertThat(config.acknowledgeOnDisk()).isTrue();
    }

    @Test
    void acknowledgingOnDiskCanBeTurnedOffToMeasureItsCost() {
        assertThat(parse(List.of(), Map.of("localstack.acknowledge-on-disk", "false"), Map.of()).acknowledgeOnDisk()).isFalse();
    }

    @Test
    void theServiceHeapIsAHeapSize() {
        assertThat(parse(List.of(), Map.of(), Map.of("LOCALSTACK_SERVICE_HEAP", "2g")).serviceHeap()).isEqualTo("2g");
        assertThatThrownBy(() -> parse(List.of(), Map.of("localstack.service-heap", "lots"), Map.of()))
                .hasMessage("localstack.service-heap (env LOCALSTACK_SERVICE_HEAP) is 'lots' but must be a heap size such as 768m or 2g");
    }

    @Test
    void anEnvironmentVariableSetsWhatNoSystemPropertySets() {
        LocalStackConfig config = parse(List.of(),
                Map.of("localstack.kafka-port", "19092"),
                Map.of("LOCALSTACK_KAFKA_PORT", "29092", "LOCALSTACK_DATA_DIR", "/tmp/stack", "LOCALSTACK_MONGO_PORT", "27018"));

        assertThat(config.kafkaPort()).as("system property wins").isEqualTo(19092);
        assertThat(config.mongoPort()).isEqualTo(27018);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/stack"));
    }

    @Test
    void environmentVariableNamesFollowThePropertyNames() {
        assertThat(LocalStackConfig.envName(LocalStackConfig.DATA_DIR)).isEqualTo("LOCALSTACK_DATA_DIR");
        assertThat(LocalStackConfig.envName(LocalStackConfig.STARTUP_TIMEOUT_SECONDS)).isEqualTo("LOCALSTACK_STARTUP_TIMEOUT_SECONDS");
    }

    @Test
    void infraOnlyComesFromTheArgumentOrTheSetting() {
        assertThat(parse(List.of("--infra-only"), Map.of(), Map.of()).infraOnly()).isTrue();
        assertThat(parse(List.of(), Map.of(), Map.of("LOCALSTACK_INFRA_ONLY", "true")).infraOnly()).isTrue();
    }

    @Test
    void aBadPortNamesTheSettingAndItsVariable() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("localstack.mongo-port", "mongo"), Map.of()))
                .hasMessage("localstack.mongo-port (env LOCALSTACK_MONGO_PORT) is 'mongo' but must be a positive whole number");
        assertThatThrownBy(() -> parse(List.of(), Map.of("localstack.kafka-port", "70000"), Map.of()))
                .hasMessageContaining("a port between 1 and 65535");
    }

    /** Issue 33, finding 3: the services were open on every interface of the developer's machine. */
    @Test
    void theServicesListenOnLoopbackUnlessToldOtherwise() {
        LocalStackConfig config = parse(List.of(), Map.of(), Map.of());

        assertThat(config.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.probeHost()).isEqualTo("127.0.0.1");
        assertThat(config.browserHost()).isEqualTo("localhost");
    }

    @Test
    void theBindAddressIsASettingAndTheLauncherStillReachesTheServices() {
        LocalStackConfig everyInterface = parse(List.of(), Map.of("localstack.bind-address", "0.0.0.0"), Map.of());
        assertThat(everyInterface.bindAddress().isAnyLocalAddress()).isTrue();
        assertThat(everyInterface.probeHost()).as("probed on loopback").isEqualTo("127.0.0.1");
        assertThat(everyInterface.browserHost()).isEqualTo("localhost");

        LocalStackConfig ipv6 = parse(List.of(), Map.of(), Map.of("LOCALSTACK_BIND_ADDRESS", "::1"));
        assertThat(ipv6.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(ipv6.probeHost()).isEqualTo("[0:0:0:0:0:0:0:1]");

        LocalStackConfig oneInterface = parse(List.of(), Map.of("localstack.bind-address", "192.0.2.10"),
                Map.of("LOCALSTACK_BIND_ADDRESS", "0.0.0.0"));
        assertThat(oneInterface.bindAddress().getHostAddress()).as("system property wins").isEqualTo("192.0.2.10");
        assertThat(oneInterface.probeHost()).isEqualTo("192.0.2.10");
        assertThat(oneInterface.browserHost()).isEqualTo("192.0.2.10");
    }

    @Test
    void aBadBindAddressNamesTheSettingAndItsVariable() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("localstack.bind-address", "1::2::3"), Map.of()))
                .hasMessage("localstack.bind-address (env LOCALSTACK_BIND_ADDRESS) is '1::2::3' but must be an address"
                        + " of this machine, such as 127.0.0.1 (the default) or 0.0.0.0 (every interface)");
    }

    @Test
    void anUnknownArgumentIsRefused() {
        assertThatThrownBy(() -> parse(List.of("--port=1"), Map.of(), Map.of()))
                .hasMessageContaining("unknown argument '--port=1'");
    }

    @Test
    void servicesAreLookedForBesideTheLauncherJar() {
        assertThat(LocalStackConfig.defaultServicesDir("deploy/local-stack/target/local-stack.jar"))
                .isEqualTo(Path.of("deploy/local-stack/target/services").toAbsolutePath());
        assertThat(LocalStackConfig.defaultServicesDir("target/classes:lib/a.jar"))
                .as("started from an IDE").isEqualTo(LocalStackConfig.SERVICES_DIR_IN_REPO);
        assertThat(LocalStackConfig.parse(List.of(), Map.of("localstack.services-dir", "/opt/jars"), Map.of(), "x.jar").servicesDir())
                .isEqualTo(Path.of("/opt/jars"));
    }
}
