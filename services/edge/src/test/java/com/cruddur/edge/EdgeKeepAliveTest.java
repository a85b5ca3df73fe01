package com.cruddur.edge;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.contract.RoutingTable;
import com.cruddur.testing.Api;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The race of keep-alive: a service closes a connection the edge has pooled at the moment the edge sends the next
 * request on it. The backend here loses that race every time: it answers the first request of each connection and
 * closes the connection, unanswered, when the second one arrives (keep-alive advertised all along).
 */
@QuarkusTest
@WithTestResource(EdgeKeepAliveTest.ClosingBackend.class)
class EdgeKeepAliveTest {

    @Test
    void idempotentRequestsOnAConnectionTheServiceClosedAreSentAgain() {
        int failures = 0;
        for (int i = 0; i < 2_000; i++) {
            int status = Api.anonymous()
                    .get("/api/users/@bayko/short")
                    .then()
                    .extract()
                    .statusCode();
            if (status != 200) {
                failures++;
            }
        }
        assertEquals(0, failures, "requests not answered 200 out of 2,000");
    }

    @Test
    void aPostThatReachedTheServiceIsNeverSentAgain() {
        // the first request of a connection is answered; the POST comes second on it
        Api.anonymous().get("/api/users/@bayko/short").then().statusCode(200);
        int before = ClosingBackend.POSTS.get();
        Api.anonymous()
                .body("{\"message\":\"once\"}")
                .post("/api/activities")
                .then()
                .statusCode(502)
                .contentType("application/json")
                .body("$", contains("service_unavailable"));
        assertEquals(before + 1, ClosingBackend.POSTS.get(), "the POST reached the service exactly once");
        // and the next one, on a new connection, is answered
        Api.anonymous()
                .body("{\"message\":\"again\"}")
                .post("/api/activities")
                .then()
                .statusCode(200)
                .body("answered", equalTo(true));
    }

    public static class ClosingBackend implements QuarkusTestResourceLifecycleManager {

        static final AtomicInteger POSTS = new AtomicInteger();
        private ServerSocket server;

        @Override
        public Map<String, String> start() {
            try {
                server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                Socket socket = server.accept();
                                Thread connection = new Thread(() -> serve(socket));
                                connection.setDaemon(true);
                                connection.start();
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    },
                    "closing-backend");
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, String> config = new HashMap<>();
            // one connection, so that every request after the first is sent on a pooled one
            config.put("cruddur.edge.max-connections", "1");
            for (String service : RoutingTable.fromContract().services()) {
                config.put("cruddur.edge.services." + service, "http://127.0.0.1:" + server.getLocalPort());
            }
            return config;
        }

        private static void serve(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                for (int request = 1; ; request++) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    readBody(in, head);
                    if (head.startsWith("POST")) {
                        POSTS.incrementAndGet();
                    }
                    if (request > 1) {
                        return; // closed while the request was on its way: no answer
                    }
                    byte[] body = "{\"answered\":true}".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException gone) {
                // the edge closed the connection
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int c;
            int last4 = 0;
            while ((c = in.read()) != -1) {
                head.write(c);
                last4 = last4 << 8 | c;
                if (last4 == 0x0d0a0d0a) {
                    return head.toString(StandardCharsets.US_ASCII);
                }
            }
            return null;
        }

        private static void readBody(InputStream in, String head) throws IOException {
            for (String line : head.split("\r\n", -1)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    in.readNBytes(Integer.parseInt(line.substring(15).trim()));
                }
            }
        }

        @Override
        public void stop() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
