package com.cruddur.activities;

import static com.cruddur.activities.Cruds.CONTRACT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.common.idempotency.IdempotencyKeys;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class PostingTest {

    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();

    @Inject
    ActivityRepository repository;

    @Inject
    MovableClock clock;

    @Inject
    IdempotencyKeys keys;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCrudIsCreatedWithItsAuthorAndExpiry() {
        Instant before = Instant.now();
        JsonPath crud = Api.as("andrewbrown")
                .filter(CONTRACT)
                .body(Map.of("message", "  Cloud is fun!  ", "ttl", "3-hours"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .body("handle", equalTo("andrewbrown"))
                .body("display_name", equalTo("Andrew Brown"))
                .body("message", equalTo("Cloud is fun!"))
                .body("replies_count", equalTo(0))
                .body("likes_count", equalTo(0))
                .body("reposts_count", equalTo(0))
                .body("liked", equalTo(false))
                .body("reposted", equalTo(false))
                .body("reply_to_activity_uuid", nullValue())
                .extract()
                .jsonPath();
        Instant created = Instant.parse(crud.getString("created_at"));
        Instant expires = Instant.parse(crud.getString("expires_at"));
        assertEquals(Duration.ofHours(3), Duration.between(created, expires));
        assertEquals(true, !created.isBefore(before.minusSeconds(1)) && !created.isAfter(Instant.now()));
    }

    @Test
    void everyFailingCheckIsReportedTogether() {
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "   ", "ttl", ""))
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("message_blank", "ttl_blank"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "x".repeat(281), "ttl", "2-weeks"))
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("message_exceed_max_chars", "ttl_invalid"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of())
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("message_blank", "ttl_blank"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "\u200b\u200d\u2060\ufeff", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", contains("message_blank"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "bell\u0007", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", contains("message_invalid_characters"));
    }

    @Test
    void textSqsCannotCarryIsRefused() {
        for (String text : List.of(
                "x \\uffff", "x \\ufffe", "x \\ufdd0", "x \\ud83f\\udffe", "lone \\ud800 high", "lone \\udc00 low")) {
            Api.as("bayko")
                    .filter(CONTRACT)
                    .body("{\"message\": \"" + text + "\", \"ttl\": \"1-day\"}")
                    .post("/api/activities")
                    .then()
                    .statusCode(422)
                    .body("$", contains("message_invalid_characters"));
        }
        Api.as("bayko")
                .filter(CONTRACT)
                .body("{\"message\": \"a pair \\ud83c\\udf29 is fine\", \"ttl\": \"1-day\"}")
                .post("/api/activities")
                .then()
                .statusCode(200)
                .body("message", equalTo("a pair \ud83c\udf29 is fine"));
    }

    @Test
    void theLimitCountsCharactersNotBytes() {
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "🌩".repeat(280), "ttl", "1-hour"))
                .post("/api/activities")
                .then()
                .statusCode(200);
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("message", "line one\nline two", "ttl", "1-hour"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .body("message", equalTo("line one\nline two"));
    }

    @Test
    void badBodiesAre4xxWithCodes() {
        Api.as("bayko")
                .filter(RESPONSES)
                .body("not json")
                .post("/api/activities")
                .then()
                .statusCode(400)
                .body("$", contains("json_malformed"));
        Api.as("bayko")
                .filter(RESPONSES)
                .body("{\"message\": [1], \"ttl\": \"1-day\"}")
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", contains("message_invalid"));
        Api.as("bayko")
                .filter(RESPONSES)
                .body("{\"message\": \"" + "x".repeat(70_000) + "\", \"ttl\": \"1-day\"}")
                .post("/api/activities")
                .then()
                .statusCode(413)
                .body("$", contains("body_too_large"));
        Api.as("bayko")
                .filter(RESPONSES)
                .contentType("text/plain")
                .body("hello")
                .post("/api/activities")
                .then()
                .statusCode(415)
                .body("$", contains("unsupported_media_type"));
    }

    @Test
    void postingRequiresSignIn() {
        Api.anonymous()
                .filter(CONTRACT)
                .body(Map.of("message", "hi", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(401)
                .body("$", contains("generic_401"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameCrud() {
        String key = UUID.randomUUID().toString();
        String message = "retry me " + UUID.randomUUID();
        String first = Api.as("londo")
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(Map.of("message", message, "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
        String second = Api.as("londo")
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(Map.of("message", message, "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
        assertEquals(first, second);
        List<String> messages = Api.as("londo")
                .filter(CONTRACT)
                .get("/api/activities/@londo?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("activities.message", String.class);
        assertEquals(1, Collections.frequency(messages, message));

        // the same key from another user is another request
        String other = Api.as("bayko")
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(Map.of("message", message, "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
        assertEquals(false, other.equals(first));
    }

    @Test
    void aMalformedIdempotencyKeyIsRefusedWithTheOtherCodes() {
        Api.as("altbrown")
                .filter(RESPONSES)
                .header("Idempotency-Key", "x".repeat(256))
                .body(Map.of("message", " ", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("message_blank", "idempotency_key_invalid"));
        Api.as("altbrown")
                .filter(RESPONSES)
                .header("Idempotency-Key", "has space")
                .body(Map.of("message", "x", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", contains("idempotency_key_invalid"));

        Api.as("altbrown")
                .filter(RESPONSES)
                .header("Idempotency-Key", "")
                .body(Map.of("message", "x", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", contains("idempotency_key_invalid"));
    }

    @Test
    void aClaimWhoseRequestDiedIsTakenOverAfterItsLeaseAndOnlyThen() {
        String key = UUID.randomUUID().toString();
        String message = "after a crash " + UUID.randomUUID();
        // the claim and the refusal happen 16 s in the past, so that the crud taking the key over is written at the
        // real time: one dated ahead would top the global home feed, in other tests, until real time caught up
        clock.advance(Duration.ofSeconds(-16));
        Instant now = clock.instant();
        // a request claimed the key, then died before writing its crud
        assertEquals(
                Optional.empty(),
                keys.claim(
                        repository.table(),
                        sub("londo"),
                        key,
                        sha256("crud\n1-day\n" + message),
                        new IdempotencyKeys.Ticket(UUID.randomUUID().toString(), now)));
        Api.as("londo")
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(Map.of("message", message, "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(409)
                .body("$", contains("idempotency_key_in_progress"));

        clock.reset(); // 16 s after the claim: past its lease
        String taken = Api.as("londo")
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(Map.of("message", message, "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
        String created = Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@londo/status/" + taken)
                .then()
                .statusCode(200)
                .extract()
                .path("activity.created_at");
        assertFalse(Instant.parse(created).isAfter(Instant.now()), "not dated ahead of real time: " + created);
        clock.advance(Duration.ofSeconds(60));
        String retried = Api.as("londo")
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(Map.of("message", message, "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
        assertEquals(taken, retried, "the request that took the key over owns it now");
    }

    @Test
    void aRequestsOwnRetriedClaimIsItsOwn() {
        String key = UUID.randomUUID().toString();
        String uuid = UUID.randomUUID().toString();
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertEquals(
                    Optional.empty(),
                    keys.claim(repository.table(), sub("bayko"), key, "hash", new IdempotencyKeys.Ticket(uuid, now)),
                    "the SDK's retry of the same put");
        }
        assertEquals(
                uuid,
                keys.claim(
                                repository.table(),
                                sub("bayko"),
                                key,
                                "hash",
                                new IdempotencyKeys.Ticket(UUID.randomUUID().toString(), now))
                        .orElseThrow()
                        .ticket()
                        .uuid(),
                "another request's claim");
    }

    private static String sub(String handle) {
        return SharedStack.get().sub(handle);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIdempotencyKeyCannotBeReusedForAnotherCrud() {
        String key = UUID.randomUUID().toString();
        Cruds.post("altbrown", "first", "1-day");
        Api.as("altbrown")
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(Map.of("message", "one", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200);
        Api.as("altbrown")
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(Map.of("message", "two", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(422)
                .body("$", contains("idempotency_key_reused"));
    }
}
