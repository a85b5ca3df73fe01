package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Live notifications over two notifications instances: the stream is held by one that consumes no events, so the
 * notification it sends was stored by the other, which woke it (docs/live-notifications.md).
 */
class LiveNotificationsIT {

    @Test
    void aNotificationStoredByOneInstanceReachesAStreamHeldByAnother() throws Exception {
        // no consumer, and a heartbeat too rare to catch up by itself within the test: only the wake can deliver
        URI second = SystemUnderTest.backend()
                .startAnotherInstance(
                        "notifications",
                        Map.of("NOTIFICATIONS_POLLERS", "0", "CRUDDUR_NOTIFICATIONS_STREAM_HEARTBEAT", "10m"));
        String author = SystemUnderTest.newUser("streamer");
        String crud = Browser.as(author)
                .body(Map.of("message", "Anyone there?", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
        // the ticket is issued through the edge (by the first instance) and redeemed by the second
        String ticket = Browser.as(author)
                .post("/api/notifications/stream_ticket")
                .then()
                .statusCode(200)
                .extract()
                .path("ticket");
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(second.resolve("/api/notifications/stream?ticket=" + ticket))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed it
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertEquals(200, stream.statusCode());
            assertEquals("unread", nextEvent(lines).get("event"), "the stream opened with the unread count");
            String reply = Browser.as("bayko")
                    .body(Map.of("message", "Here!"))
                    .post("/api/activities/" + crud + "/reply")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("uuid");
            Map<String, String> event;
            do {
                event = nextEvent(lines);
            } while (!"notification".equals(event.get("event"))); // (an unread count may come first)
            assertTrue(event.containsKey("id"), "a notification carries its position");
            JsonNode notification = new ObjectMapper().readTree(event.get("data"));
            assertEquals(reply, notification.path("uuid").asText(), "the reply's notification");
            assertEquals("reply", notification.path("kind").asText());
        } finally {
            stream.body().close();
        }
    }

    /** The fields of the next event (comments skipped), within 30 s. */
    private static Map<String, String> nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, String> fields = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null || line.startsWith(":")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    return fields;
                }
                continue;
            }
            int colon = line.indexOf(':');
            fields.put(
                    colon < 0 ? line : line.substring(0, colon),
                    colon < 0 ? "" : line.substring(colon + 1).trim());
        }
        throw new AssertionError("no event within 30 s");
    }
}
