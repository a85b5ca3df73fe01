package com.cruddur.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in a checkout of the repository. */
public final class LocalPaths {

    private LocalPaths() {}

    /**
     * The repository root: the {@code cruddur.root} system property (set by the build and bin/dev), or the first
     * folder upwards from the working directory that holds the emulators.
     */
    public static Path root() {
        String configured = System.getProperty("cruddur.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(emulators(dir))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -Dcruddur.root=<path>");
    }

    public static Path emulators(Path root) {
        return root.resolve("services/local-stack/emulators");
    }

    public static Path serviceJar(Path root, String service) {
        return root.resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
