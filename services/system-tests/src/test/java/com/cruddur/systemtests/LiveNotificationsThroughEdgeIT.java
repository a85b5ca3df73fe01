package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.testing.EventStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notification stream as a browser's EventSource uses it, through the edge: a ticket got with the access token,
 * then {@code GET /api/notifications/stream?ticket=...} with nothing but {@code Accept: text/event-stream}.
 */
class LiveNotificationsThroughEdgeIT {

    /** The promise: a notification is on the stream within a second of the write that caused it. */
    private static final Duration LIVE = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EventStream open(String handle) throws Exception {
        Browser.preflight("POST", "/api/notifications/stream_ticket");
        String ticket = Browser.as(handle)
                .post("/api/notifications/stream_ticket")
                .then()
                .statusCode(200)
                .extract()
                .path("ticket");
        URI api = SystemUnderTest.backend().api();
        EventStream stream = EventStream.open(api.resolve("/api/notifications/stream?ticket=" + ticket));
        assertEquals(200, stream.response().statusCode());
        // the stream opens with the unread count: from here on it is live
        stream.event("unread", Duration.ofSeconds(10));
        return stream;
    }

    /** The next notification event's data about {@code uuid}, which must come within {@code deadline}. */
    private static JsonNode notificationAbout(EventStream stream, String uuid, Duration deadline) throws Exception {
        long until = System.nanoTime() + deadline.toNanos();
        while (true) {
            JsonNode data =
                    JSON.readTree(stream.event("notification", Duration.ofNanos(Math.max(1, until - System.nanoTime())))
                            .get("data"));
            if (data.path("uuid").asText().equals(uuid)) {
                return data;
            }
        }
    }

    @Test
    void aReplyReachesTheRepliedToUsersOpenStreamWithinASecond() throws Exception {
        String crud = Browser.as("altbrown")
                .body(Map.of("message", "Anyone live?", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
        try (EventStream stream = open("altbrown")) {
            String reply = Browser.as("londo")
                    .body(Map.of("message", "Live, here"))
                    .post("/api/activities/" + crud + "/reply")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("uuid");
            JsonNode notification = notificationAbout(stream, reply, LIVE);
            assertEquals("reply", notification.path("kind").asText());
            assertEquals("londo", notification.path("handle").asText());
            assertEquals("Live, here", notification.path("message").asText());
            assertEquals(crud, notification.path("reply_to_activity_uuid").asText());
            // exactly as the list shows it
            JsonNode listed = JSON.readTree(Browser.as("altbrown")
                    .get("/api/activities/notifications?limit=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            JsonNode same = null;
            for (JsonNode item : listed) {
                if (item.path("notification_uuid").equals(notification.path("notification_uuid"))) {
                    same = item;
                }
            }
            assertEquals(same, notification);
        }
    }
}
