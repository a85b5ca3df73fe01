package com.cruddur.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A crud's life as the frontend drives it through the edge: create, home, show, reply, like, profile, search. */
class ActivitiesThroughEdgeIT {

    @Test
    void createHomeShowReplyLikeProfileSearch() {
        String tag = "systest" + UUID.randomUUID().toString().substring(0, 8);

        Browser.preflight("POST", "/api/activities");
        String crud = Browser.as("andrewbrown")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("message", "Deploying Cruddur #" + tag, "ttl", "7-days"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .body("handle", equalTo("andrewbrown"))
                .extract()
                .path("uuid");

        Browser.preflight("GET", "/api/activities/home");
        Browser.as("bayko").get("/api/activities/home").then().statusCode(200).body("uuid", hasItem(crud));

        Browser.preflight("GET", "/api/activities/@andrewbrown/status/" + crud);
        Browser.anonymous()
                .get("/api/activities/@andrewbrown/status/" + crud)
                .then()
                .statusCode(200)
                .body("activity.message", equalTo("Deploying Cruddur #" + tag))
                .body("replies.size()", equalTo(0));

        Browser.preflight("POST", "/api/activities/" + crud + "/reply");
        String reply = Browser.as("bayko")
                .body(Map.of("activity_uuid", crud, "message", "Nice, @andrewbrown!"))
                .post("/api/activities/" + crud + "/reply")
                .then()
                .statusCode(200)
                .body("reply_to_activity_uuid", equalTo(crud))
                .extract()
                .path("uuid");

        Browser.preflight("POST", "/api/activities/" + crud + "/like");
        Browser.as("londo")
                .post("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200)
                .body("likes_count", equalTo(1))
                .body("liked", equalTo(true));
        Browser.preflight("DELETE", "/api/activities/" + crud + "/repost");

        Browser.anonymous()
                .get("/api/activities/@andrewbrown/status/" + crud)
                .then()
                .statusCode(200)
                .body("activity.replies_count", equalTo(1))
                .body("activity.likes_count", equalTo(1))
                .body("replies.uuid", equalTo(List.of(reply)));

        Browser.preflight("GET", "/api/activities/@andrewbrown");
        List<String> profile = Browser.anonymous()
                .get("/api/activities/@andrewbrown")
                .then()
                .statusCode(200)
                .body("profile.handle", equalTo("andrewbrown"))
                .extract()
                .jsonPath()
                .getList("activities.uuid", String.class);
        assertTrue(profile.contains(crud));
        assertTrue(!profile.contains(reply), "replies are not on the profile feed");

        Browser.preflight("GET", "/api/activities/search?term=%23" + tag);
        assertEquals(
                List.of(crud),
                Browser.anonymous()
                        .get("/api/activities/search?term=%23" + tag)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("uuid", String.class));
    }
}
