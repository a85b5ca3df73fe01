package com.cruddur.messages;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.common.idempotency.IdempotencyKeys;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class ConversationsTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();
    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();

    @Inject
    MovableClock clock;

    @Inject
    IdempotencyKeys keys;

    @ConfigProperty(name = "cruddur.messages.table")
    String table;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A user the users service knows (so they can be messaged by handle). */
    private static String user(String prefix) {
        String handle = SharedStack.get().createUser(prefix, prefix + " person");
        Api.as(handle)
                .get(SharedStack.get().usersService() + "/api/profile")
                .then()
                .statusCode(200);
        return handle;
    }

    private static String start(String from, String to, String message) {
        return Api.as(from)
                .filter(CONTRACT)
                .body(Map.of("message", message, "handle", to))
                .post("/api/messages")
                .then()
                .statusCode(200)
                .extract()
                .path("message_group_uuid");
    }

    private static Response send(String from, String group, String message) {
        return Api.as(from)
                .filter(CONTRACT)
                .body(Map.of("message", message, "message_group_uuid", group))
                .post("/api/messages");
    }

    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aConversationStartsListsAndContinues() {
        String a = user("ann");
        String b = user("bob");
        String group = start(a, b, "Hello Bob");
        Api.as(b)
                .filter(CONTRACT)
                .get("/api/message_groups")
                .then()
                .statusCode(200)
                .body("uuid", contains(group))
                .body("[0].handle", equalTo(a))
                .body("[0].display_name", equalTo("ann person"))
                .body("[0].message", equalTo("Hello Bob"));
        Response reply = send(b, group, "Hi Ann");
        reply.then()
                .statusCode(200)
                .body("handle", equalTo(b))
                .body("message", equalTo("Hi Ann"))
                .body("$", not(hasKey("message_group_uuid")));
        String replyUuid = reply.path("uuid");
        assertTrue(
                !replyUuid.equals(group) && !replyUuid.equals(SharedStack.get().sub(b)),
                "the uuid is the message's own");
        Api.as(a)
                .filter(CONTRACT)
                .get("/api/messages/" + group)
                .then()
                .statusCode(200)
                .body("message", contains("Hello Bob", "Hi Ann"))
                .body("handle", contains(a, b))
                .body("[1].uuid", equalTo(replyUuid));
        Api.as(a)
                .filter(CONTRACT)
                .get("/api/message_groups")
                .then()
                .statusCode(200)
                .body("[0].handle", equalTo(b))
                .body("[0].message", equalTo("Hi Ann"));
    }

    @Test
    void aPairNeverGetsTwoConversationsEvenWhenBothStartAtOnce() throws Exception {
        String a = user("pairA");
        String b = user("pairB");
        List<Callable<String>> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            starts.add(() -> start(a, b, "from a"));
            starts.add(() -> start(b, a, "from b"));
        }
        Set<String> groups = new HashSet<>(inParallel(starts));
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(
                groups,
                Set.copyOf(Api.as(a)
                        .get("/api/message_groups")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("uuid", String.class)));
        assertEquals(
                20,
                Api.as(a)
                        .get("/api/messages/" + groups.iterator().next() + "?limit=100")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("uuid")
                        .size());
    }

    @Test
    void onlyMembersReadOrWriteAConversation() {
        String a = user("memberA");
        String b = user("memberB");
        String c = user("stranger");
        String group = start(a, b, "private words");
        Api.as(c)
                .filter(CONTRACT)
                .get("/api/messages/" + group)
                .then()
                .statusCode(403)
                .body("$", contains("generic_403"));
        send(c, group, "let me in").then().statusCode(403).body("$", contains("generic_403"));
        assertEquals(
                List.of(),
                Api.as(c)
                        .filter(CONTRACT)
                        .get("/api/message_groups")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("uuid"));
        Api.as(a)
                .filter(CONTRACT)
                .get("/api/messages/" + group)
                .then()
                .statusCode(200)
                .body("message", contains("private words"));
        Api.as(a)
                .filter(CONTRACT)
                .get("/api/messages/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("$", contains("message_group_not_found"));
        Api.as(a)
                .filter(CONTRACT)
                .get("/api/messages/not-a-uuid")
                .then()
                .statusCode(404)
                .body("$", contains("message_group_not_found"));
        send(a, UUID.randomUUID().toString(), "anyone?")
                .then()
                .statusCode(404)
                .body("$", contains("message_group_not_found"));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/message_groups")
                .then()
                .statusCode(401)
                .body("$", contains("generic_401"));
    }

    @Test
    void everyFailingCheckIsReportedTogether() {
        String a = user("codes");
        Api.as(a)
                .filter(CONTRACT)
                .body(Map.of("message", " "))
                .post("/api/messages")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("message_blank", "user_reciever_handle_blank"));
        Api.as(a)
                .filter(CONTRACT)
                .body(Map.of("message", "x".repeat(1025), "handle", "nobody" + UUID.randomUUID()))
                .post("/api/messages")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("message_exceed_max_chars_1024", "user_reciever_handle_blank"));
        Api.as(a)
                .filter(CONTRACT)
                .body(Map.of("message", "hi me", "handle", a))
                .post("/api/messages")
                .then()
                .statusCode(422)
                .body("$", contains("message_self"));
        Api.as(a)
                .filter(CONTRACT)
                .body(Map.of("message", "", "message_group_uuid", " "))
                .post("/api/messages")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("message_blank", "message_group_uuid_blank"));
        String group = start(a, user("codes-other"), "hello");
        Api.as(a)
                .filter(CONTRACT)
                .body("{\"message\": \"x \\ufffe\", \"message_group_uuid\": \"" + group + "\"}")
                .post("/api/messages")
                .then()
                .statusCode(422)
                .body("$", contains("message_invalid_characters"));
        Api.as(a)
                .filter(RESPONSES)
                .body("{\"message\": 5, \"handle\": \"x\"}")
                .post("/api/messages")
                .then()
                .statusCode(422)
                .body("$", contains("message_invalid"));
    }

    @Test
    void handlesNoUserCanHaveAreRefusedBeforeTheUsersServiceIsAsked() {
        String a = user("oddhandles");
        for (String handle : new String[] {"%", "%zz", "a%2Fb", "../internal", "x".repeat(2_100), "x".repeat(129)}) {
            Api.as(a)
                    .filter(CONTRACT)
                    .body(Map.of("message", "hi", "handle", handle))
                    .post("/api/messages")
                    .then()
                    .statusCode(422)
                    .body("$", contains("user_reciever_handle_blank"));
        }
    }

    @Test
    void aMessageOfOnlyInvisibleCharactersIsBlank() {
        String a = user("invisible");
        for (String message : new String[] {"\u200b", "\u200b\u200c\u200d", "\u2060\ufeff", " \u200b\n\u00ad "}) {
            Api.as(a)
                    .filter(CONTRACT)
                    .body(Map.of("message", message, "handle", "bayko"))
                    .post("/api/messages")
                    .then()
                    .statusCode(422)
                    .body("$", contains("message_blank"));
        }
    }

    @Test
    void thirtyConcurrentMessagesAreAllStoredInOrderAndTheListShowsTheLast() throws Exception {
        String a = user("busyA");
        String b = user("busyB");
        String group = start(a, b, "start");
        List<Callable<String>> sends = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String from = i % 2 == 0 ? a : b;
            int n = i;
            sends.add(() -> send(from, group, "message " + n)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("created_at"));
        }
        inParallel(sends);
        List<Map<String, String>> all = Api.as(a)
                .filter(CONTRACT)
                .get("/api/messages/" + group + "?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(31, all.size());
        List<String> times = all.stream().map(m -> m.get("created_at")).toList();
        assertEquals(times.stream().sorted().toList(), times, "oldest first");
        String newest = all.get(all.size() - 1).get("message");
        for (String member : List.of(a, b)) {
            Api.as(member)
                    .filter(CONTRACT)
                    .get("/api/message_groups")
                    .then()
                    .statusCode(200)
                    .body("[0].message", equalTo(newest));
        }
    }

    @Test
    void pagesGoBackInTimeForMessagesAndConversations() {
        String a = user("pagesA");
        List<String> others = List.of(user("pagesB"), user("pagesC"), user("pagesD"));
        String group = null;
        for (String other : others) {
            group = start(a, other, "hi " + other);
        }
        for (int i = 0; i < 24; i++) {
            send(a, group, "m" + i).then().statusCode(200);
        }
        // conversations: most recent first, two pages
        Response first = Api.as(a).filter(CONTRACT).get("/api/message_groups?limit=2");
        first.then().statusCode(200).body("handle", contains(others.get(2), others.get(1)));
        String link = first.header("Link");
        Api.as(a)
                .filter(CONTRACT)
                .get(link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                .then()
                .statusCode(200)
                .body("handle", contains(others.get(0)));

        // messages: the latest page first, then older ones, each oldest first
        List<String> seen = new ArrayList<>();
        String next = "/api/messages/" + group + "?limit=10";
        List<List<String>> pages = new ArrayList<>();
        while (next != null) {
            Response page = Api.as(a).filter(CONTRACT).get(next);
            page.then().statusCode(200);
            pages.add(page.jsonPath().getList("message", String.class));
            String l = page.header("Link");
            next = l == null ? null : l.substring(l.indexOf('<') + 1, l.indexOf('>'));
        }
        for (int i = pages.size() - 1; i >= 0; i--) {
            seen.addAll(pages.get(i));
        }
        List<String> expected = new ArrayList<>(List.of("hi " + others.get(2)));
        for (int i = 0; i < 24; i++) {
            expected.add("m" + i);
        }
        assertEquals(expected, seen);
        assertEquals(3, pages.size());
    }

    @Test
    void aConversationFromDecemberIsStillListedInJanuary() {
        String a = user("newYearA");
        String b = user("newYearB");
        String c = user("newYearC");
        clock.set(Instant.parse("2026-12-31T23:58:00Z"));
        String december = start(a, b, "happy new year soon");
        clock.set(Instant.parse("2027-01-01T00:03:00Z"));
        String january = start(a, c, "happy new year");
        send(b, december, "and to you").then().statusCode(200);
        Api.as(a)
                .filter(CONTRACT)
                .get("/api/message_groups")
                .then()
                .statusCode(200)
                .body("uuid", contains(december, january));
        Api.as(a)
                .filter(CONTRACT)
                .get("/api/messages/" + december)
                .then()
                .statusCode(200)
                .body("message", contains("happy new year soon", "and to you"));
    }

    private static Response sendWithKey(String from, String key, Map<String, String> body) {
        return Api.as(from)
                .filter(CONTRACT)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/messages");
    }

    @Test
    void aMessageRetriedWithItsIdempotencyKeyIsSentOnce() {
        String a = user("keyA");
        String b = user("keyB");
        String startKey = UUID.randomUUID().toString();
        String group = sendWithKey(a, startKey, Map.of("message", "Hello once", "handle", b))
                .then()
                .statusCode(200)
                .extract()
                .path("message_group_uuid");
        assertEquals(
                group,
                sendWithKey(a, startKey, Map.of("message", "Hello once", "handle", b))
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("message_group_uuid"));
        String key = UUID.randomUUID().toString();
        String first = sendWithKey(a, key, Map.of("message", "Said once", "message_group_uuid", group))
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
        clock.advance(Duration.ofMinutes(5));
        Response retried = sendWithKey(a, key, Map.of("message", "Said once", "message_group_uuid", group));
        retried.then().statusCode(200).body("uuid", equalTo(first)).body("message", equalTo("Said once"));
        Api.as(b)
                .filter(CONTRACT)
                .get("/api/messages/" + group)
                .then()
                .statusCode(200)
                .body("message", contains("Hello once", "Said once"));

        sendWithKey(a, key, Map.of("message", "Something else", "message_group_uuid", group))
                .then()
                .statusCode(422)
                .body("$", contains("idempotency_key_reused"));
        Api.as(a)
                .filter(RESPONSES)
                .header("Idempotency-Key", "")
                .body(Map.of("message", "x", "message_group_uuid", group))
                .post("/api/messages")
                .then()
                .statusCode(422)
                .body("$", contains("idempotency_key_invalid"));
        Api.as(a)
                .filter(RESPONSES)
                .header("Idempotency-Key", "k".repeat(256))
                .body(Map.of("message", " ", "handle", b))
                .post("/api/messages")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("message_blank", "idempotency_key_invalid"));
    }

    @Test
    void aMessageClaimWhoseRequestDiedIsTakenOverAfterItsLeaseAndOnlyThen() {
        String a = user("diedA");
        String b = user("diedB");
        String group = start(a, b, "Before the crash");
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("message", "After the crash", "message_group_uuid", group);
        // a request claimed the key with the same body, then died before storing its message
        assertTrue(keys.claim(
                        table,
                        SharedStack.get().sub(a),
                        key,
                        sha256("send\n" + group + "\nAfter the crash"),
                        new IdempotencyKeys.Ticket(UUID.randomUUID().toString(), clock.instant()))
                .isEmpty());
        sendWithKey(a, key, body).then().statusCode(409).body("$", contains("idempotency_key_in_progress"));
        clock.advance(Duration.ofSeconds(16));
        String taken =
                sendWithKey(a, key, body).then().statusCode(200).extract().path("uuid");
        assertEquals(
                taken,
                sendWithKey(a, key, body).then().statusCode(200).extract().path("uuid"));
        Api.as(b)
                .filter(CONTRACT)
                .get("/api/messages/" + group)
                .then()
                .statusCode(200)
                .body("message", contains("Before the crash", "After the crash"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
