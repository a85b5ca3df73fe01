package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.EventStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
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
        try (EventStream stream = EventStream.open(second.resolve("/api/notifications/stream?ticket=" + ticket))) {
            assertEquals(200, stream.response().statusCode());
            stream.event("unread", Duration.ofSeconds(30)); // the stream opened with the unread count
            String reply = Browser.as("bayko")
                    .body(Map.of("message", "Here!"))
                    .post("/api/activities/" + crud + "/reply")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("uuid");
            Map<String, String> event = stream.event("notification", Duration.ofSeconds(30));
            assertTrue(event.containsKey("id"), "a notification carries its position");
            JsonNode notification = new ObjectMapper().readTree(event.get("data"));
            assertEquals(reply, notification.path("uuid").asText(), "the reply's notification");
            assertEquals("reply", notification.path("kind").asText());
        }
    }
}
