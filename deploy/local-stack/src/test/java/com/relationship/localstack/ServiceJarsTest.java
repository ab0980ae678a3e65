package com.relationship.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceJarsTest {

    @Test
    void aMissingJarSaysWhereItLookedAndWhatToDo(@TempDir Path dir) {
        assertThatThrownBy(() -> ServiceJars.find(dir.resolve("services"), "relationship-service"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no relationship-service jar in " + dir.resolve("services"))
                .hasMessageContaining("./mvnw -q -DskipTests package")
                .hasMessageContaining("-Dlocalstack.services-dir")
                .hasMessageContaining("--infra-only");
    }

    @Test
    void prefersTheJarTheBuildCopiedOverAVersionedOne(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("relationship-service-0.1.0-SNAPSHOT.jar"));
        Path copied = Files.createFile(dir.resolve("relationship-service.jar"));

        assertThat(ServiceJars.find(dir, "relationship-service")).isEqualTo(copied);
    }

    @Test
    void acceptsAVersionedJarButNotAnotherArtifactWithTheSamePrefix(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("projection-service-extras-1.0.jar"));
        Path versioned = Files.createFile(dir.resolve("projection-service-0.1.0-SNAPSHOT.jar"));

        assertThat(ServiceJars.find(dir, "projection-service")).isEqualTo(versioned);
    }
}
