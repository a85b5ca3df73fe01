package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.LocalPaths;
import com.cruddur.localstack.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A packaged service logs JSON lines (for CloudWatch) unless told otherwise. */
class ProductionLogsIT {

    @Test
    void aPackagedServiceLogsJsonLines() throws Exception {
        Path root = LocalPaths.root();
        ProcessBuilder builder = new ProcessBuilder(
                        "java", "-jar", LocalPaths.serviceJar(root, "users").toString())
                .redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "QUARKUS_HTTP_PORT", String.valueOf(Ports.free()),
                        "COGNITO_USER_POOL_ID", "us-east-1_example",
                        "COGNITO_CLIENT_ID", "example",
                        "FRONTEND_URL", "http://localhost:3000",
                        "AVATARS_BUCKET", "example",
                        "EVENTS_QUEUE_URL", "http://localhost:1/queue/cruddur-events"));
        Process service = builder.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            Instant deadline = Instant.now().plusSeconds(30);
            String line;
            while ((line = out.readLine()) != null && Instant.now().isBefore(deadline)) {
                if (line.contains("started in")) {
                    JsonNode json = new ObjectMapper().readTree(line);
                    assertTrue(json.has("level") && json.has("message") && json.has("timestamp"), line);
                    return;
                }
            }
            throw new AssertionError("no start-up line");
        } finally {
            service.destroyForcibly().waitFor();
        }
    }
}
