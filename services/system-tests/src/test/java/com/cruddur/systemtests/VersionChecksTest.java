package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.LocalPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bin/dev and the build refuse a JDK older than 17 and a Node older than 20.19 (or a Node 22 older than 22.12) with
 * one line saying what to install: checked with a fake {@code java} and {@code node} first on the PATH.
 */
class VersionChecksTest {

    private static final Path ROOT = LocalPaths.root();

    @TempDir
    Path fakes;

    private record Run(int exitCode, String output) {}

    /** Puts a {@code java} and a {@code node} that print these versions, as the real ones do, first on the PATH. */
    private void fake(String javaVersion, String nodeVersion) throws IOException {
        script("java", "echo '" + javaVersion + "' >&2");
        script("node", "echo " + nodeVersion);
    }

    private void script(String name, String body) throws IOException {
        Path file = fakes.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(List<String> command, boolean fakesFirst) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        String path = System.getenv("PATH");
        builder.environment().put("PATH", fakesFirst ? fakes + ":" + path : path);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
        return new Run(process.exitValue(), output);
    }

    @ParameterizedTest(name = "{0} and node {1}: refused")
    @CsvSource(
            delimiter = ';',
            value = {
                "java version \"1.8.0_292\"; v22.12.0; Cruddur needs a JDK 17 or newer, but java is 1.8.0_292: install a JDK 17+ (e.g. Temurin 17 or 21) (README, Two commands).",
                "openjdk version \"11.0.2\" 2019-01-15; v22.12.0; Cruddur needs a JDK 17 or newer, but java is 11.0.2: install a JDK 17+ (e.g. Temurin 17 or 21) (README, Two commands).",
                "openjdk version \"17.0.15\" 2025-04-15; v20.18.1; Cruddur needs Node 20.19+ or 22.12+, but node is v20.18.1: install Node 22 LTS (README, Two commands).",
                "openjdk version \"21\" 2023-09-19; v18.20.4; Cruddur needs Node 20.19+ or 22.12+, but node is v18.20.4: install Node 22 LTS (README, Two commands).",
                "openjdk version \"21\" 2023-09-19; v22.11.0; Cruddur needs Node 20.19+ or 22.12+, but node is v22.11.0: install Node 22 LTS (README, Two commands).",
            })
    void binDevRefusesAnOldJdkOrNodeWithOneLine(String java, String node, String message) throws Exception {
        fake(java, node);
        Run run = run(List.of("bin/dev"), true);
        assertEquals(1, run.exitCode(), run.output());
        assertEquals(message + "\n", run.output());
    }

    @ParameterizedTest(name = "{0} and node {1}: accepted")
    @CsvSource(
            delimiter = ';',
            value = {
                "openjdk version \"17.0.15\" 2025-04-15; v20.19.0",
                "openjdk version \"17.0.15\" 2025-04-15; v20.20.2",
                "openjdk version \"21.0.1\" 2023-10-17; v22.12.0",
                "openjdk version \"25\" 2025-09-16; v24.1.0",
            })
    void theMinimumsAndNewerAreAccepted(String java, String node) throws Exception {
        fake(java, node);
        Run run = run(List.of("bin/check-versions"), true);
        assertEquals(new Run(0, ""), run);
    }

    @Test
    void theBuildRefusesAnOldNodeWithTheSameLine() throws Exception {
        List<String> validate = List.of("./mvnw", "-B", "-o", "-N", "-q", "validate");
        assertEquals(0, run(validate, false).exitCode(), "the build's checks pass with this machine's JDK and Node");

        fake("openjdk version \"17.0.15\" 2025-04-15", "v20.18.1");
        Run run = run(validate, true);
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(
                run.output()
                        .lines()
                        .anyMatch(line -> line.equals("Cruddur needs Node 20.19+ or 22.12+, but node is "
                                + "v20.18.1: install Node 22 LTS (README, Two commands).")),
                run.output());
    }
}
