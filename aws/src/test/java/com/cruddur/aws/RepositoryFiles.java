package com.cruddur.aws;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that tests read: found from the root the build passes as {@code cruddur.root}. */
public final class RepositoryFiles {

    private RepositoryFiles() {}

    /** The file at {@code relative} (e.g. {@code aws/json/budget.json}), which must exist. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + relative + " under " + root());
        }
        return file;
    }

    /** The repository root: {@code -Dcruddur.root} (set by the parent pom's Surefire configuration), else {@code ..}. */
    public static Path root() {
        String configured = System.getProperty("cruddur.root");
        return Path.of(configured == null || configured.isBlank() ? ".." : configured)
                .toAbsolutePath()
                .normalize();
    }
}
