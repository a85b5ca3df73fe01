package com.cruddur.edge;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.contract.RoutingTable;
import com.cruddur.testing.Api;
import com.cruddur.testing.EventStream;
import com.cruddur.testing.Raw;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Server-sent events through the edge ({@code Accept: text/event-stream}, what a browser's EventSource sends): each
 * event reaches the caller as the service writes it, a stream outlives the idle timeout as long as its heartbeats
 * flow, while an ordinary request that gets no answer is still cut; and open streams never take the connections that
 * ordinary requests need. The idle timeout is 1 s here (60 s by default, against a 15-s heartbeat).
 */
@QuarkusTest
@WithTestResource(EdgeStreamTest.StreamingBackend.class)
class EdgeStreamTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void eachEventReachesTheCallerAsTheServiceWritesIt() throws Exception {
        // the service writes the second event only once the caller has read the first: a buffering edge deadlocks
        try (EventStream stream = EventStream.open("/api/notifications/stream?tag=held&hold=1")) {
            assertEquals(200, stream.response().statusCode());
            assertEquals(
                    "text/event-stream",
                    stream.response().headers().firstValue("Content-Type").orElseThrow());
            assertEquals("event: notification", stream.field(DEADLINE));
            assertEquals("id: 1", stream.field(DEADLINE));
            assertEquals("data: {\"n\":1}", stream.field(DEADLINE));
            StreamingBackend.HELD.release();
            assertEquals(
                    List.of("event: notification", "id: 2", "data: {\"n\":2}"),
                    stream.rest(DEADLINE),
                    "then the stream ends");
        }
    }

    @Test
    void aStreamKeptAliveByHeartbeatsOutlivesTheIdleTimeout() throws Exception {
        // heartbeats every 200 ms for 3 s, three times the idle timeout, then a last event
        try (EventStream stream = EventStream.open("/api/notifications/stream?tag=alive&beats=15&every=200")) {
            assertEquals("event: notification", stream.field(DEADLINE));
            assertEquals(
                    List.of("id: 1", "data: {\"n\":1}", "event: last", "data: {}"),
                    stream.rest(Duration.ofSeconds(10)),
                    "the whole stream, up to the service's end");
        }
    }

    @Test
    void anOrdinaryRequestThatGetsNoAnswerIsStillCut() {
        // the service would answer 200 after 5 s: the edge gives up on the silent connection before
        Api.anonymous()
                .get("/api/users/@slow/short")
                .then()
                .statusCode(502)
                .contentType("application/json")
                .body("$", contains("service_unavailable"));
    }

    @Test
    void openStreamsLeaveTheConnectionsOfOrdinaryRequestsFreeAndOneStreamTooManyIsRefusedAtOnce() throws Exception {
        // more open streams than ordinary connections (2 here), as many as the streams' limit (3 here)
        List<EventStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                streams.add(EventStream.open("/api/notifications/stream?tag=many&beats=100&every=200"));
            }
            await(() -> StreamingBackend.open("many") == 3, "three streams open at the service");
            for (int i = 0; i < 4; i++) {
                Api.anonymous()
                        .get("/api/notifications/unread_count")
                        .then()
                        .statusCode(200)
                        .body("service", equalTo("notifications"));
            }
            java.net.http.HttpResponse<String> refused =
                    Raw.send(Raw.request("/api/notifications/stream?tag=many&beats=100&every=200")
                            .timeout(DEADLINE)
                            .header("Accept", "text/event-stream")
                            .build());
            assertEquals(502, refused.statusCode());
            assertEquals(List.of("service_unavailable"), Raw.codes(refused));
        } finally {
            streams.forEach(EventStream::close);
        }
        await(() -> StreamingBackend.open("many") == 0, "the streams closed at the service when their callers left");
    }

    @Test
    void aCallerWhoHangsUpEndsTheStreamAtTheService() throws Exception {
        EventStream stream = EventStream.open("/api/notifications/stream?tag=gone&beats=100&every=100");
        assertEquals("event: notification", stream.field(DEADLINE));
        assertEquals(1, StreamingBackend.open("gone"));
        stream.close();
        await(() -> StreamingBackend.open("gone") == 0, "the service's stream ended when its caller left");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Every service at once: a request that asks for an event stream gets one, its first event at once ({@code
     * tag} counts the streams open, {@code hold} makes the second event wait for {@link #HELD}, {@code beats}
     * heartbeats {@code every} ms follow the first event); {@code @slow} answers after 5 s; anything else is JSON
     * naming the service at once.
     */
    public static class StreamingBackend implements QuarkusTestResourceLifecycleManager {

        static final Semaphore HELD = new Semaphore(0);
        private static final Map<String, AtomicInteger> OPEN = new ConcurrentHashMap<>();
        private final List<HttpServer> servers = new ArrayList<>();

        static int open(String tag) {
            return OPEN.computeIfAbsent(tag, t -> new AtomicInteger()).get();
        }

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>();
            config.put("cruddur.edge.max-connections", "2");
            config.put("cruddur.edge.max-streams", "3");
            config.put("cruddur.edge.idle-timeout", "1s");
            for (String service : RoutingTable.fromContract().services()) {
                if (service.equals(EdgeRouter.SELF)) {
                    continue;
                }
                HttpServer server = serve(service);
                servers.add(server);
                config.put(
                        "cruddur.edge.services." + service,
                        "http://127.0.0.1:" + server.getAddress().getPort());
            }
            return config;
        }

        private static HttpServer serve(String service) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.setExecutor(Executors.newCachedThreadPool());
                server.createContext("/", exchange -> {
                    String accept = exchange.getRequestHeaders().getFirst("Accept");
                    if (accept != null && accept.contains("text/event-stream")) {
                        stream(exchange);
                        return;
                    }
                    if (exchange.getRequestURI().getPath().contains("@slow")) {
                        pause(5000);
                    }
                    byte[] body = ("{\"service\":\"" + service + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void stream(HttpExchange exchange) throws IOException {
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&", -1)) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts[1]);
            }
            AtomicInteger open = OPEN.computeIfAbsent(query.get("tag"), t -> new AtomicInteger());
            open.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                write(out, "event: notification\nid: 1\ndata: {\"n\":1}\n\n");
                if (query.containsKey("hold")) {
                    if (HELD.tryAcquire(10, TimeUnit.SECONDS)) {
                        write(out, "event: notification\nid: 2\ndata: {\"n\":2}\n\n");
                    }
                }
                int beats = Integer.parseInt(query.getOrDefault("beats", "0"));
                for (int i = 0; i < beats; i++) {
                    pause(Integer.parseInt(query.get("every")));
                    write(out, ":\n\n");
                }
                if (beats > 0) {
                    write(out, "event: last\ndata: {}\n\n");
                }
            } catch (IOException | InterruptedException gone) {
                // the caller (the edge) closed the stream
            } finally {
                open.decrementAndGet();
            }
        }

        private static void write(OutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private static void pause(int millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void stop() {
            servers.forEach(server -> server.stop(0));
        }
    }
}
