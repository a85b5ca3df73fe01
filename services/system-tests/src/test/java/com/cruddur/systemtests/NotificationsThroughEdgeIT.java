package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Notifications from real events: the activities service publishes, SQS carries, the notifications service consumes. */
class NotificationsThroughEdgeIT {

    private static List<String> notified(String handle, String kind) {
        JsonPath page = Browser.as(handle)
                .get("/api/activities/notifications?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.getList("findAll { it.kind == '" + kind + "' }.uuid", String.class);
    }

    private static void eventually(Supplier<Boolean> condition, int seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.get()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + seconds + " s");
            Thread.sleep(250);
        }
    }

    private static String crud(String handle, String message) {
        return Browser.as(handle)
                .body(Map.of("message", message, "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
    }

    private static String reply(String handle, String crud, String message) {
        return Browser.as(handle)
                .body(Map.of("message", message))
                .post("/api/activities/" + crud + "/reply")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
    }

    @Test
    void aReplyThatMentionsSomeoneNotifiesTheAuthorAndTheMentionedButNotTheReplier() throws Exception {
        String crud = crud("andrewbrown", "What should I build next?");
        String reply = reply("bayko", crud, "A notifications service, @londo agrees");
        Browser.preflight("GET", "/api/activities/notifications");
        eventually(() -> notified("andrewbrown", "reply").contains(reply), 20);
        eventually(() -> notified("londo", "mention").contains(reply), 20);
        assertTrue(!notified("bayko", "reply").contains(reply)
                && !notified("bayko", "mention").contains(reply));
        Browser.as("andrewbrown").get("/api/notifications/unread_count").then().statusCode(200);
    }

    @Test
    void whileTheNotificationsServiceIsDownNothingIsLostAndNothingDoubles() throws Exception {
        String crud = crud("altbrown", "Who is there?");
        SystemUnderTest.backend().stopService("notifications");
        String first;
        String second;
        try {
            first = reply("londo", crud, "me");
            second = reply("bayko", crud, "me too");
            Browser.as("londo").post("/api/activities/" + crud + "/like").then().statusCode(200);
        } finally {
            SystemUnderTest.backend().startService("notifications");
        }
        eventually(
                () -> notified("altbrown", "reply").containsAll(List.of(first, second))
                        && notified("altbrown", "like").contains(crud),
                60);
        List<String> replies = notified("altbrown", "reply");
        assertEquals(1, Collections.frequency(replies, first));
        assertEquals(1, Collections.frequency(replies, second));
        assertEquals(1, Collections.frequency(notified("altbrown", "like"), crud));
    }

    @Test
    void whileSqsIsUnreachableCrudsAreStillCreatedAndTheirNotificationsFollow() throws Exception {
        String crud = crud("bayko", "Is SQS there?");
        SystemUnderTest.backend().sqsProxy().cut();
        String reply;
        try {
            reply = reply("andrewbrown", crud, "It will be back");
            Thread.sleep(1500); // the publisher retries meanwhile
        } finally {
            SystemUnderTest.backend().sqsProxy().restore();
        }
        String created = reply;
        eventually(() -> notified("bayko", "reply").contains(created), 60);
        assertEquals(1, Collections.frequency(notified("bayko", "reply"), created));
    }
}
