package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.LocalPaths;
import com.cruddur.localstack.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** bin/dev's launcher: it starts everything, writes local.env, and leaves nothing running however it is stopped. */
class DevLauncherIT {

    private static final Path ROOT = LocalPaths.root();

    private Process launch(Path state) throws IOException {
        int api = Ports.freeRange(5); // the API port, and the services' four after it
        ProcessBuilder builder = new ProcessBuilder("java", "-Dcruddur.root=" + ROOT, "-jar",
                ROOT.resolve("services/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(state.resolve("launcher.log").toFile());
        builder.environment().putAll(Map.of(
                "CRUDDUR_PORT", String.valueOf(api),
                "CRUDDUR_STATE_DIR", state.toString(),
                "CRUDDUR_DYNAMODB_PORT", String.valueOf(Ports.free()),
                "CRUDDUR_COGNITO_PORT", String.valueOf(Ports.free()),
                "CRUDDUR_SQS_PORT", String.valueOf(Ports.free())));
        return builder.start();
    }

    private static Properties awaitLocalEnv(Process launcher, Path state) throws Exception {
        Path env = state.resolve("local.env");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!Files.exists(env)) {
            assertTrue(launcher.isAlive(), "the launcher died: " + Files.readString(state.resolve("launcher.log")));
            assertTrue(Instant.now().isBefore(deadline), "not ready in time");
            Thread.sleep(200);
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(env)) {
            properties.load(reader);
        }
        return properties;
    }

    private static void assertAllGone(List<ProcessHandle> children) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (children.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertFalse(children.stream().anyMatch(ProcessHandle::isAlive), "processes left running");
    }

    @Test
    void startsEverythingWritesLocalEnvAndStopsEverythingOnSigterm() throws Exception {
        Path state = Files.createTempDirectory(ROOT.resolve("services/system-tests/target"), "dev-");
        Process launcher = launch(state);
        Properties env = awaitLocalEnv(launcher, state);
        for (String key : List.of("CRUDDUR_API_URL", "COGNITO_ENDPOINT", "COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID",
                "CRUDDUR_DEMO_PASSWORD")) {
            assertFalse(env.getProperty(key, "").isBlank(), key + " is in local.env");
        }
        HttpResponse<String> profile = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(env.getProperty("CRUDDUR_API_URL") + "/api/users/@londo/short")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, profile.statusCode(), profile.body());

        List<ProcessHandle> children = launcher.descendants().toList();
        assertTrue(children.size() >= 7, "emulators, services and edge run as children: " + children.size());
        launcher.destroy(); // SIGTERM, as Ctrl-C or `docker stop` would
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
        assertAllGone(children);
    }

    @Test
    void aKilledLauncherLeavesNothingRunning() throws Exception {
        Path state = Files.createTempDirectory(ROOT.resolve("services/system-tests/target"), "dev-");
        Process launcher = launch(state);
        awaitLocalEnv(launcher, state);
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroyForcibly(); // kill -9: no shutdown hook runs
        launcher.waitFor(10, TimeUnit.SECONDS);
        assertAllGone(children);
    }
}
