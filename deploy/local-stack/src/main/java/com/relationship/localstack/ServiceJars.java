package com.relationship.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a service's executable jar in the services directory the build fills. */
final class ServiceJars {

    private ServiceJars() {
    }

    /**
     * {@code ARTIFACT.jar} (as the build copies it, version stripped), else the newest {@code ARTIFACT-*.jar}
     * (a jar dropped in by hand).
     */
    static Path find(Path servicesDir, String artifactId) {
        Path exact = servicesDir.resolve(artifactId + ".jar");
        if (Files.isRegularFile(exact)) {
            return exact;
        }
        return versioned(servicesDir, artifactId).orElseThrow(() -> new IllegalStateException(
                "no " + artifactId + " jar in " + servicesDir + ": build it first (./mvnw -q -DskipTests package"
                        + " from the repository root), point -D" + LocalStackConfig.SERVICES_DIR + " at the directory"
                        + " holding " + artifactId + ".jar, or start only Mongo and Kafka with "
                        + LocalStackConfig.INFRA_ONLY_ARG));
    }

    private static Optional<Path> versioned(Path servicesDir, String artifactId) {
        if (!Files.isDirectory(servicesDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(servicesDir)) {
            return files
                    .filter(file -> file.getFileName().toString().matches(java.util.regex.Pattern.quote(artifactId) + "-\\d.*\\.jar"))
                    .max(Comparator.comparing(ServiceJars::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
