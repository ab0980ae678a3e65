package com.relationship.localstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTest {

    private static LocalStackConfig config(boolean infraOnly) {
        return new LocalStackConfig(Path.of("/srv/data"), 27017, 9092, 8080, 8081, Path.of("/srv/services"), Duration.ofSeconds(1), infraOnly);
    }

    @Test
    void listsEveryAddressADeveloperNeeds() {
        String banner = Banner.text(config(false), "mongodb://127.0.0.1:27017", "127.0.0.1:9092");

        assertThat(banner).contains(
                "http://localhost:8080", "http://localhost:8080/swagger-ui.html",
                "http://localhost:8081", "http://localhost:8081/swagger-ui.html", "http://localhost:8081/dashboard",
                "127.0.0.1:9092", "mongodb://127.0.0.1:27017", "/srv/data", "Ctrl-C",
                "java -jar deploy/local-stack/target/local-stack.jar token --roles writer,reader --subject alice");
    }

    @Test
    void servicesOnOneOtherInterfaceAreListedAtItsAddress() throws Exception {
        LocalStackConfig config = config(false);
        LocalStackConfig onLan = new LocalStackConfig(config.dataDir(), 27017, 9092, 8080, 8081, config.servicesDir(),
                config.startupTimeout(), false, config.serviceHeap(), true, InetAddress.getByName("192.0.2.10"));

        assertThat(Banner.text(onLan, "mongodb://127.0.0.1:27017", "127.0.0.1:9092"))
                .contains("http://192.0.2.10:8080", "http://192.0.2.10:8081/dashboard").doesNotContain("localhost");
    }

    @Test
    void infraOnlySaysHowToPointTheServicesAtIt() {
        String banner = Banner.text(config(true), "mongodb://127.0.0.1:27017", "127.0.0.1:19092");

        assertThat(banner)
                .contains("--infra-only", "--spring.mongodb.uri=mongodb://127.0.0.1:27017/relationship",
                        "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:/srv/data/keys/",
                        "--relationship.security.issuer=local-stack")
                .doesNotContain("swagger-ui");
    }
}
