package com.cruddur.systemtests;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Direct messages through the edge, as the frontend's Messages pages use them. */
class MessagesThroughEdgeIT {

    @Test
    void andrewbrownMessagesBaykoWhoRepliesAndLondoIsRefused() {
        Browser.preflight("POST", "/api/messages");
        String group = Browser.as("andrewbrown")
                .body(Map.of("message", "Hello Bayko", "handle", "bayko"))
                .post("/api/messages")
                .then()
                .statusCode(200)
                .extract()
                .path("message_group_uuid");

        Browser.preflight("GET", "/api/message_groups");
        Browser.as("bayko")
                .get("/api/message_groups")
                .then()
                .statusCode(200)
                .body("uuid", hasItem(group))
                .body("find { it.uuid == '" + group + "' }.handle", equalTo("andrewbrown"));

        Browser.preflight("GET", "/api/messages/" + group);
        Browser.as("bayko")
                .get("/api/messages/" + group)
                .then()
                .statusCode(200)
                .body("message", contains("Hello Bayko"));
        Browser.as("bayko")
                .body(Map.of("message", "Hi Andrew", "message_group_uuid", group))
                .post("/api/messages")
                .then()
                .statusCode(200)
                .body("handle", equalTo("bayko"))
                .body("message", equalTo("Hi Andrew"));

        Browser.as("andrewbrown")
                .get("/api/message_groups")
                .then()
                .statusCode(200)
                .body("find { it.uuid == '" + group + "' }.message", equalTo("Hi Andrew"));

        Browser.as("londo").get("/api/messages/" + group).then().statusCode(403).body("$", contains("generic_403"));
        Browser.as("londo")
                .body(Map.of("message", "me too", "message_group_uuid", group))
                .post("/api/messages")
                .then()
                .statusCode(403)
                .body("$", contains("generic_403"));
    }
}
