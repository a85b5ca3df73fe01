package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.CognitoSetup;
import com.cruddur.localstack.LocalPaths;
import com.cruddur.localstack.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bin/dev's launcher: it starts everything, writes local.env, and leaves nothing running however it is stopped. */
class DevLauncherIT {

    private static final Path ROOT = LocalPaths.root();

    private Process launch(Path state, String... args) throws IOException {
        return launch(state, Map.of(), args);
    }

    /** The launcher on free ports, with {@code environment} added (a workspace's variables) and {@code args}. */
    private Process launch(Path state, Map<String, String> environment, String... args) throws IOException {
        int api = Ports.freeRange(5); // the API port, and the services' four after it
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-Dcruddur.root=" + ROOT,
                "-jar",
                ROOT.resolve("services/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar")
                        .toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(state.resolve("launcher.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "CRUDDUR_PORT", String.valueOf(api),
                        "CRUDDUR_STATE_DIR", state.toString(),
                        "CRUDDUR_DYNAMODB_PORT", String.valueOf(Ports.free()),
                        "CRUDDUR_COGNITO_PORT", String.valueOf(Ports.free()),
                        "CRUDDUR_SQS_PORT", String.valueOf(Ports.free()),
                        "CRUDDUR_S3_PORT", String.valueOf(Ports.free())));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Properties awaitLocalEnv(Process launcher, Path state) throws Exception {
        Path env = state.resolve("local.env");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
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
        while (children.stream().anyMatch(ProcessHandle::isAlive)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertFalse(children.stream().anyMatch(ProcessHandle::isAlive), "processes left running");
    }

    /**
     * In Gitpod and Codespaces the browser reaches each port by a forwarded URL: the launcher writes those for the
     * frontend, allows the frontend's forwarded origin, makes the Cognito emulator name itself by its forwarded URL in
     * its tokens, which the services then accept, and presigns avatar uploads for the forwarded S3 port. Each launch
     * also proves what every launch must do (one launch costs about 20 s, so they share it): it starts everything,
     * writes local.env, and leaves nothing running, stopped by SIGTERM (as Ctrl-C or {@code docker stop} would) or
     * killed with {@code kill -9} (no shutdown hook runs).
     */
    @ParameterizedTest(name = "{0}, stopped by {3}")
    @CsvSource(
            delimiter = ';',
            value = {
                "Gitpod; GITPOD_WORKSPACE_URL=https://cruddur-abc123.ws-eu114.gitpod.io; https://{port}-cruddur-abc123.ws-eu114.gitpod.io; SIGTERM",
                "Codespaces; CODESPACES=true,CODESPACE_NAME=fluffy-space-xyz9,GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN=app.github.dev; https://fluffy-space-xyz9-{port}.app.github.dev; kill -9",
            })
    void inAWorkspaceTheBrowserGetsTheForwardedUrlsAndTheLauncherLeavesNothingRunning(
            String workspace, String variables, String forwarded, String stop) throws Exception {
        Map<String, String> environment = new HashMap<>();
        for (String pair : variables.split(",", -1)) {
            environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        int cognito = Ports.free();
        int s3 = Ports.free();
        environment.put("CRUDDUR_COGNITO_PORT", String.valueOf(cognito));
        environment.put("CRUDDUR_S3_PORT", String.valueOf(s3));
        Path state = Files.createTempDirectory(ROOT.resolve("services/system-tests/target"), "dev-");
        Process launcher = launch(state, environment);
        try {
            Properties env = awaitLocalEnv(launcher, state);
            for (String key : List.of(
                    "CRUDDUR_API_URL",
                    "COGNITO_ENDPOINT",
                    "COGNITO_USER_POOL_ID",
                    "COGNITO_CLIENT_ID",
                    "CRUDDUR_DEMO_PASSWORD")) {
                assertFalse(env.getProperty(key, "").isBlank(), key + " is in local.env");
            }
            URI api = URI.create(env.getProperty("CRUDDUR_API_URL"));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> profile = http.send(
                    HttpRequest.newBuilder(api.resolve("/api/users/@londo/short"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, profile.statusCode(), profile.body());
            String frontend = forwarded.replace("{port}", "3000");
            String issuer = forwarded.replace("{port}", String.valueOf(cognito)) + "/"
                    + env.getProperty("COGNITO_USER_POOL_ID");
            assertEquals(
                    "http://localhost:" + api.getPort(), api.toString(), "scripts on the workspace use the local API");
            assertEquals(
                    forwarded.replace("{port}", String.valueOf(api.getPort())),
                    env.getProperty("REACT_APP_BACKEND_URL"));
            assertEquals(frontend + ",http://localhost:3000", env.getProperty("FRONTEND_URL"));
            assertEquals(
                    forwarded.replace("{port}", String.valueOf(cognito)),
                    env.getProperty("REACT_APP_COGNITO_ENDPOINT"));
            assertEquals(env.getProperty("REACT_APP_COGNITO_ENDPOINT"), env.getProperty("COGNITO_ENDPOINT"));
            assertEquals(issuer, env.getProperty("COGNITO_ISSUER"));

            // a token signed in at the emulator names the forwarded issuer, and the services accept it
            String token;
            try (CognitoSetup setup = new CognitoSetup(URI.create("http://127.0.0.1:" + cognito))) {
                token = setup.signIn(
                                env.getProperty("COGNITO_CLIENT_ID"),
                                "londo@cruddur.test",
                                env.getProperty("CRUDDUR_DEMO_PASSWORD"))
                        .accessToken();
            }
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.", -1)[1]));
            assertEquals(issuer, claims.path("iss").asText());
            HttpResponse<String> upload = http.send(
                    HttpRequest.newBuilder(api.resolve("/api/avatars/key_upload"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"extension\":\"png\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, upload.statusCode(), upload.body());
            assertTrue(
                    new ObjectMapper()
                            .readTree(upload.body())
                            .path("url")
                            .asText()
                            .startsWith(forwarded.replace("{port}", String.valueOf(s3))
                                    + "/cruddur-avatars-local/avatars/"),
                    upload.body());

            HttpResponse<String> preflight = http.send(
                    HttpRequest.newBuilder(api.resolve("/api/activities/home"))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", frontend)
                            .header("Access-Control-Request-Method", "GET")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    frontend,
                    preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Origin")
                            .orElse(null),
                    "the frontend's forwarded origin is allowed");

            List<ProcessHandle> children = launcher.descendants().toList();
            assertTrue(children.size() >= 7, "emulators, services and edge run as children: " + children.size());
            if (stop.equals("SIGTERM")) {
                launcher.destroy();
                assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
            } else {
                launcher.destroyForcibly();
                launcher.waitFor(10, TimeUnit.SECONDS);
            }
            assertAllGone(children);
        } finally {
            if (launcher.isAlive()) {
                launcher.destroy();
                launcher.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void withoutAServiceItRunsTheRestAndPrintsTheDevModeCommandThatStartsIt() throws Exception {
        Path state = Files.createTempDirectory(ROOT.resolve("services/system-tests/target"), "dev-");
        Process launcher = launch(state, "--without", "messages");
        Process messages = null;
        try {
            Properties env = awaitLocalEnv(launcher, state);
            URI groups = URI.create(env.getProperty("CRUDDUR_API_URL") + "/api/message_groups");
            String command = awaitLine(launcher, state, "env ");
            List<String> words = shellWords(command);
            Map<String, String> environment = new LinkedHashMap<>();
            int i = 1;
            for (; words.get(i).matches("[A-Z][A-Z0-9_]*=.*"); i++) {
                String[] pair = words.get(i).split("=", 2);
                environment.put(pair[0], pair[1]);
            }
            assertEquals(
                    List.of("./mvnw", "quarkus:dev", "-pl", "services/messages", "-am", "-Dcruddur.dev"),
                    words.subList(i, words.size()));
            assertEquals(env.getProperty("COGNITO_USER_POOL_ID"), environment.get("COGNITO_USER_POOL_ID"));

            HttpResponse<String> absent = get(groups);
            assertEquals(502, absent.statusCode(), "messages is left out: " + absent.body());
            assertEquals("[\"service_unavailable\"]", absent.body());

            // the printed settings, on the packaged application (quarkus:dev compiles for minutes here; the command
            // itself was tried by hand, see README)
            ProcessBuilder builder = new ProcessBuilder(
                            "java",
                            "-jar",
                            LocalPaths.serviceJar(ROOT, "messages").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(state.resolve("messages.log").toFile());
            builder.environment().putAll(environment);
            messages = builder.start();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            HttpResponse<String> answer = get(groups);
            while (answer.statusCode() == 502 && Instant.now().isBefore(deadline)) {
                assertTrue(messages.isAlive(), "messages died: " + Files.readString(state.resolve("messages.log")));
                Thread.sleep(250);
                answer = get(groups);
            }
            // the messages service itself answers now: no token, so its 401
            assertEquals(401, answer.statusCode(), answer.body());
            assertEquals("[\"generic_401\"]", answer.body());
        } finally {
            List<ProcessHandle> children = launcher.descendants().toList();
            if (messages != null) {
                messages.destroy();
                messages.waitFor(30, TimeUnit.SECONDS);
            }
            launcher.destroy();
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
            assertAllGone(children);
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first line of the launcher's output that starts with {@code prefix}, once it is printed. */
    private static String awaitLine(Process launcher, Path state, String prefix) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<String> line = Files.readAllLines(state.resolve("launcher.log")).stream()
                    .filter(candidate -> candidate.startsWith(prefix))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            assertTrue(launcher.isAlive(), "the launcher died: " + Files.readString(state.resolve("launcher.log")));
            Thread.sleep(200);
        }
        throw new AssertionError(
                "no line starting with '" + prefix + "': " + Files.readString(state.resolve("launcher.log")));
    }

    /** A command line split as a POSIX shell splits it, for words without expansions: spaces, single quotes. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
