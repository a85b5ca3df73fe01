package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.Backend;
import com.cruddur.localstack.LocalPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The frontend contract suite ({@code frontend-contract/test/contract}, node's test runner) against the packaged
 * services through the edge: every operation of the contract, called as the React frontend calls it, every answer
 * checked against the contract. The same suite a frontend developer runs against bin/dev.
 */
class ContractSuiteIT {

    private static final Path PACKAGE = LocalPaths.root().resolve("frontend-contract");
    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void theFrontendContractSuitePassesAgainstThePackagedServices() throws Exception {
        Backend backend = SystemUnderTest.backend();
        // the suite's npm packages; a no-op when the build installed them already
        assertEquals(
                0,
                run(List.of("node", "scripts/install.js"), new ProcessBuilder()).exitCode(),
                "npm ci failed");

        ProcessBuilder suite = new ProcessBuilder();
        suite.environment().put("CRUDDUR_API_URL", backend.api().toString());
        suite.environment()
                .put("COGNITO_ENDPOINT", backend.emulators().cognito().toString());
        suite.environment().put("COGNITO_CLIENT_ID", backend.pool().clientId());
        suite.environment().put("CRUDDUR_DEMO_PASSWORD", SystemUnderTest.password());
        suite.environment().put("FRONTEND_ORIGIN", SystemUnderTest.FRONTEND);
        suite.environment()
                .put("COGNITO_CODES_FILE", backend.emulators().cognitoCodes().toString());
        // not the settings of a bin/dev that may be running in this checkout
        suite.environment()
                .put(
                        "CRUDDUR_STATE_DIR",
                        LocalPaths.root()
                                .resolve("services/system-tests/target/no-state")
                                .toString());
        Result result = run(List.of("node", "--test", "--test-reporter=spec", "test/contract/"), suite);

        assertTrue(result.exitCode() == 0, "the frontend contract suite failed:\n" + result.summary());
    }

    private record Result(int exitCode, List<String> lines) {
        /** node's counts and its list of failing tests, which it prints last. */
        String summary() {
            int from = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("ℹ tests ")) {
                    from = i;
                    break;
                }
            }
            return String.join("\n", lines.subList(from, lines.size()));
        }
    }

    /** Runs a command in the package folder, its output streamed to the build log. */
    private static Result run(List<String> command, ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.command(command)
                .directory(PACKAGE.toFile())
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            System.out.println("[contract suite] " + line);
                            synchronized (lines) {
                                lines.add(line);
                            }
                        }
                    } catch (IOException e) {
                        // the process is gone
                    }
                },
                "contract-suite-output");
        reader.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            reader.join(5_000);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_MINUTES
                    + " minutes:\n" + String.join("\n", lines));
        }
        reader.join(5_000);
        synchronized (lines) {
            return new Result(process.exitValue(), List.copyOf(lines));
        }
    }
}
