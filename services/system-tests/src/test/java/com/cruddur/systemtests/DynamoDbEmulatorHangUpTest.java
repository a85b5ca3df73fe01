package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.Emulators;
import com.cruddur.localstack.LocalPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client of the DynamoDB emulator that hangs up before its answer (a service stopped mid-call) must not take the
 * emulator down for every other client: dynalite alone ended its process on such a hang-up.
 */
class DynamoDbEmulatorHangUpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Emulators emulators;

    @BeforeAll
    static void start() {
        Path root = LocalPaths.root();
        emulators = Emulators.start(
                root, Emulators.Ports.anyFree(), root.resolve("services/system-tests/target/emulator-logs/hang-up"));
    }

    @AfterAll
    static void stop() {
        emulators.close();
    }

    @Test
    void aClientThatHangsUpMidRequestLeavesTheEmulatorServingTheOthers() throws Exception {
        assertEquals(200, listTables().statusCode());

        URI endpoint = emulators.dynamoDb();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            // the headers promise a body that never comes: the request is still open when the socket closes
            out.write(("POST / HTTP/1.1\r\nHost: " + endpoint.getAuthority() + "\r\n"
                            + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                            + "Content-Length: 100\r\n\r\n{\"Lim")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        // the hang-up's effect is asynchronous: keep asking for a while, every answer must come
        Instant until = Instant.now().plus(Duration.ofSeconds(2));
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> response = listTables();
            assertEquals(200, response.statusCode());
            JsonNode body = JSON.readTree(response.body());
            assertTrue(body.path("TableNames").isArray(), response.body());
            Thread.sleep(100);
        }
        assertTrue(emulators.dynamoDbProcess().isAlive());
    }

    private static HttpResponse<String> listTables() throws Exception {
        return DynaliteCalls.call(emulators.dynamoDb(), "ListTables", "{}");
    }
}
