package com.cruddur.activities;

import static com.cruddur.activities.Cruds.CONTRACT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.testing.Api;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class RepliesAndReactionsTest {

    private static void inParallel(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Object> result : pool.invokeAll(calls)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void showHasTheCrudAndItsRepliesOldestFirst() {
        String crud = Cruds.post("andrewbrown", "show me", "1-day");
        String first = Cruds.reply("bayko", crud, "first reply");
        String second = Cruds.reply("londo", crud, "second reply");
        JsonPath show = Api.as("bayko")
                .filter(CONTRACT)
                .get("/api/activities/@andrewbrown/status/" + crud)
                .then()
                .statusCode(200)
                .body("activity.uuid", equalTo(crud))
                .body("activity.replies_count", equalTo(2))
                .body("replies.uuid", contains(first, second))
                .body("replies.handle", contains("bayko", "londo"))
                .body("replies.reply_to_activity_uuid", contains(crud, crud))
                .extract()
                .jsonPath();
        assertEquals(
                show.getString("activity.expires_at"),
                show.getString("replies[0].expires_at"),
                "a reply expires with its crud");
    }

    @Test
    void showIsNotFoundForAnotherHandleAnUnknownIdOrANonUuid() {
        String crud = Cruds.post("andrewbrown", "whose is it", "1-day");
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@bayko/status/" + crud)
                .then()
                .statusCode(404)
                .body("$", contains("activity_not_found"));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@andrewbrown/status/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("$", contains("activity_not_found"));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@andrewbrown/status/not-a-uuid")
                .then()
                .statusCode(404)
                .body("$", contains("activity_not_found"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "x"))
                .post("/api/activities/not-a-uuid/reply")
                .then()
                .statusCode(404)
                .body("$", contains("activity_not_found"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "x"))
                .post("/api/activities/" + java.util.UUID.randomUUID() + "/reply")
                .then()
                .statusCode(404)
                .body("$", contains("activity_not_found"));
    }

    @Test
    void replyValidation() {
        String crud = Cruds.post("andrewbrown", "reply to me", "1-day");
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "x".repeat(1025)))
                .post("/api/activities/" + crud + "/reply")
                .then()
                .statusCode(422)
                .body("$", contains("message_exceed_max_chars_1024"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body("{\"message\": \"x \\uffff\"}")
                .post("/api/activities/" + crud + "/reply")
                .then()
                .statusCode(422)
                .body("$", contains("message_invalid_characters"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "x".repeat(1024), "activity_uuid", crud))
                .post("/api/activities/" + crud + "/reply")
                .then()
                .statusCode(200)
                .body("reply_to_activity_uuid", equalTo(crud));
    }

    @Test
    void fiftyUsersLikingInParallelCountFiftyAndLikingTwiceCountsOnce() throws Exception {
        String crud = Cruds.post("andrewbrown", "like me", "1-day");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(SharedStack.get().accessToken(SharedStack.get().createUser("liker", "Liker " + i)));
        }
        List<Callable<Object>> likes = new ArrayList<>();
        for (String token : tokens) {
            for (int twice = 0; twice < 2; twice++) {
                likes.add(() -> Api.withToken(token)
                        .post("/api/activities/" + crud + "/like")
                        .then()
                        .statusCode(200));
            }
        }
        inParallel(likes);
        Api.as("bayko")
                .filter(CONTRACT)
                .get("/api/activities/@andrewbrown/status/" + crud)
                .then()
                .statusCode(200)
                .body("activity.likes_count", equalTo(50))
                .body("activity.liked", equalTo(false));
    }

    @Test
    void twentyParallelRepliesCountTwenty() throws Exception {
        String crud = Cruds.post("andrewbrown", "reply storm", "1-day");
        List<Callable<Object>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            replies.add(() -> Api.as("bayko")
                    .body(Map.of("message", "reply " + n))
                    .post("/api/activities/" + crud + "/reply")
                    .then()
                    .statusCode(200));
        }
        inParallel(replies);
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@andrewbrown/status/" + crud)
                .then()
                .statusCode(200)
                .body("activity.replies_count", equalTo(20))
                .body("replies.size()", equalTo(20));
    }

    @Test
    void likeAndRepostAreIdempotentPerUserAndPersonal() {
        String crud = Cruds.post("andrewbrown", "react to me", "1-day");
        Api.as("bayko")
                .filter(CONTRACT)
                .delete("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200)
                .body("likes_count", equalTo(0))
                .body("liked", equalTo(false));
        Api.as("bayko")
                .filter(CONTRACT)
                .post("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200)
                .body("likes_count", equalTo(1))
                .body("liked", equalTo(true));
        Api.as("bayko")
                .filter(CONTRACT)
                .post("/api/activities/" + crud + "/repost")
                .then()
                .statusCode(200)
                .body("reposts_count", equalTo(1))
                .body("reposted", equalTo(true))
                .body("liked", equalTo(true));
        Api.as("bayko")
                .filter(CONTRACT)
                .post("/api/activities/" + crud + "/repost")
                .then()
                .statusCode(200)
                .body("reposts_count", equalTo(1));

        // bayko's flags never reach londo
        JsonPath asLondo = Api.as("londo")
                .filter(CONTRACT)
                .get("/api/activities/@andrewbrown/status/" + crud)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(false, asLondo.getBoolean("activity.liked"));
        assertEquals(false, asLondo.getBoolean("activity.reposted"));
        assertEquals(1, asLondo.getInt("activity.likes_count"));
        JsonPath asBayko = Api.as("bayko")
                .filter(CONTRACT)
                .get("/api/activities/@andrewbrown/status/" + crud)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(true, asBayko.getBoolean("activity.liked"));

        Api.as("bayko")
                .filter(CONTRACT)
                .delete("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200)
                .body("likes_count", equalTo(0))
                .body("liked", equalTo(false));
        Api.as("bayko")
                .filter(CONTRACT)
                .delete("/api/activities/" + crud + "/repost")
                .then()
                .statusCode(200)
                .body("reposts_count", equalTo(0));
        Api.anonymous()
                .filter(CONTRACT)
                .post("/api/activities/" + crud + "/like")
                .then()
                .statusCode(401);
    }

    @Inject
    DynamoDbClient dynamoDb;

    @ConfigProperty(name = "cruddur.activities.table")
    String table;

    @Test
    void aLikeStoredWithoutItsCountIsCountedOnceWhenRetried() {
        String crud = Cruds.post("londo", "a like that lost its count", "1-day");
        // the marker item of a like whose request died before anything else (written as the first write of a like is)
        dynamoDb.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "pk",
                        AttributeValue.fromS("ACT#" + crud),
                        "sk",
                        AttributeValue.fromS("LIKE#" + SharedStack.get().sub("bayko")),
                        "ttl",
                        AttributeValue.fromN(
                                Long.toString(Instant.now().plusSeconds(86400).getEpochSecond())))));
        for (int retry = 0; retry < 2; retry++) {
            Api.as("bayko")
                    .filter(CONTRACT)
                    .post("/api/activities/" + crud + "/like")
                    .then()
                    .statusCode(200)
                    .body("likes_count", equalTo(1))
                    .body("liked", equalTo(true));
        }
        Api.as("bayko")
                .filter(CONTRACT)
                .delete("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200)
                .body("likes_count", equalTo(0))
                .body("liked", equalTo(false));
    }
}
