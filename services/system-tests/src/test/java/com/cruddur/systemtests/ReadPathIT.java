package com.cruddur.systemtests;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.CognitoSetup;
import com.cruddur.testing.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The read path as the frontend meets it: a profile change shows at once everywhere, reads stay up while the users
 * service is down, every notification links to a page that exists, a crud's replies come in pages, the unread
 * count matches the list, and an anonymous lookup provisions nobody.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadPathIT {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static URI secondActivities;

    /** A second instance of the activities service, each with its own in-process cache (CRUDDUR_CACHE unset). */
    private static synchronized URI secondActivities() {
        if (secondActivities == null) {
            secondActivities = SystemUnderTest.backend().startAnotherInstance("activities");
        }
        return secondActivities;
    }

    private static RequestSpecification direct(URI service) {
        return Api.anonymous().baseUri(service.toString()).port(service.getPort());
    }

    /** A user of its own (a demo user's rename would reach the other tests), signed in. */
    private record User(String handle, String sub, String token) {
        RequestSpecification browser() {
            return Browser.anonymous().header("Authorization", "Bearer " + token);
        }
    }

    private static User newUser(String name) {
        String handle = "reader" + UUID.randomUUID().toString().substring(0, 8);
        try (CognitoSetup cognito =
                new CognitoSetup(SystemUnderTest.backend().emulators().cognito())) {
            String sub = cognito.createUser(
                    SystemUnderTest.backend().pool(),
                    handle + "@example.com",
                    handle,
                    name,
                    SystemUnderTest.password());
            return new User(
                    handle,
                    sub,
                    cognito.signIn(
                                    SystemUnderTest.backend().pool(),
                                    handle + "@example.com",
                                    SystemUnderTest.password())
                            .accessToken());
        }
    }

    private static void eventually(Supplier<Boolean> condition, int seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.get()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + seconds + " s");
            Thread.sleep(100);
        }
    }

    private static String crud(RequestSpecification author, String message) {
        return author.body(Map.of("message", message, "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
    }

    private static String crud(String demoUser, String message) {
        return crud(Browser.as(demoUser), message);
    }

    private static String reply(RequestSpecification author, String crud, String message) {
        return replied(author, crud, message).getString("uuid");
    }

    /** The new reply as the service answered it. */
    private static JsonPath replied(RequestSpecification author, String crud, String message) {
        return author.body(Map.of("message", message))
                .post("/api/activities/" + crud + "/reply")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String displayNameIn(JsonPath list, String uuid) {
        return list.getString("find { it.uuid == '" + uuid + "' }.display_name");
    }

    /** Every item of a paginated list, following the Link headers as the frontend would. */
    private static List<Map<String, Object>> all(RequestSpecification caller, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String next = path;
        while (next != null) {
            Response page = caller.get(next).then().statusCode(200).extract().response();
            items.addAll(page.jsonPath().getList("$"));
            next = nextLink(page);
        }
        return items;
    }

    private static String nextLink(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertTrue(matcher.find(), "a next link: " + link);
        return matcher.group(1);
    }

    @Test
    void aRenameShowsAtOnceOnTheProfilePageHomeFeedMessageGroupsAndNotificationsOfEveryInstance() throws Exception {
        URI second = secondActivities();
        User user = newUser("Before Rename");
        String crud = crud(user.browser(), "my name is about to change");
        String reply = reply(user.browser(), crud("bayko", "tell me your name"), "I will, soon");
        user.browser()
                .body(Map.of("message", "hello from me", "handle", "bayko"))
                .post("/api/messages")
                .then()
                .statusCode(200);
        eventually(
                () -> Browser.as("bayko")
                        .get("/api/activities/notifications?limit=100")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("uuid")
                        .contains(reply),
                30);
        // both instances have read (and, before this change, cached) the old profile
        for (RequestSpecification activities : List.of(Browser.anonymous(), direct(second))) {
            assertEquals(
                    "Before Rename",
                    displayNameIn(
                            activities
                                    .get("/api/activities/home")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath(),
                            crud));
            activities.get("/api/activities/@" + user.handle()).then().statusCode(200);
        }
        Browser.as("bayko").get("/api/message_groups").then().statusCode(200);

        user.browser()
                .body(Map.of("display_name", "After Rename", "bio", "renamed just now"))
                .put("/api/profile/update")
                .then()
                .statusCode(200);

        eventually(
                () -> {
                    for (RequestSpecification activities : List.of(Browser.anonymous(), direct(second))) {
                        JsonPath profile = activities
                                .get("/api/activities/@" + user.handle())
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath();
                        if (!"After Rename".equals(profile.getString("profile.display_name"))
                                || !"renamed just now".equals(profile.getString("profile.bio"))
                                || !"After Rename"
                                        .equals(displayNameIn(
                                                activities
                                                        .get("/api/activities/home")
                                                        .then()
                                                        .statusCode(200)
                                                        .extract()
                                                        .jsonPath(),
                                                crud))) {
                            return false;
                        }
                    }
                    JsonPath groups = Browser.as("bayko")
                            .get("/api/message_groups")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    JsonPath notifications = Browser.as("bayko")
                            .get("/api/activities/notifications?limit=100")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    return "After Rename"
                                    .equals(groups.getString(
                                            "find { it.handle == '" + user.handle() + "' }.display_name"))
                            && "After Rename".equals(displayNameIn(notifications, reply));
                },
                1);
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: after the outage the callers' circuit breakers stay open a few seconds
    void withTheUsersServiceStoppedHomeProfileShowNotificationsAndMessageGroupsAnswer() throws Exception {
        URI second = secondActivities();
        String crud = crud("andrewbrown", "still here when users is not");
        String reply = reply(Browser.as("londo"), crud, "me too");
        Browser.as("bayko")
                .body(Map.of("message", "are you there?", "handle", "andrewbrown"))
                .post("/api/messages")
                .then()
                .statusCode(200);
        eventually(
                () -> Browser.as("andrewbrown")
                        .get("/api/activities/notifications?limit=100")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("uuid")
                        .contains(reply),
                30);
        // a crud that only the other instance has rendered: its author is new to the edge's instance
        User strangerUser = newUser("Stranger");
        String stranger = crud(
                direct(second).header("Authorization", "Bearer " + strangerUser.token()), "known to one instance only");
        String name = Browser.anonymous()
                .get("/api/activities/@andrewbrown")
                .then()
                .statusCode(200)
                .extract()
                .path("profile.display_name");
        Browser.anonymous()
                .get("/api/activities/@andrewbrown/status/" + crud)
                .then()
                .statusCode(200);
        Browser.as("andrewbrown").get("/api/message_groups").then().statusCode(200);

        SystemUnderTest.backend().stopService("users");
        try {
            // past the circuit breaker's delay (5 s), and past what a profile cache would have kept
            Instant until = Instant.now().plusSeconds(8);
            do {
                JsonPath home = Browser.as("bayko")
                        .get("/api/activities/home?limit=100")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertEquals(name, displayNameIn(home, crud), "last known authors are shown");
                assertFalse(home.getList("uuid").contains(stranger), "an author never seen is left out");
                // its page cannot be rendered without its author, who exists: unavailable, not "not found"
                Browser.anonymous()
                        .get("/api/activities/@" + strangerUser.handle() + "/status/" + stranger)
                        .then()
                        .statusCode(503)
                        .header("Retry-After", notNullValue())
                        .body("$", contains("service_unavailable"));
                Browser.anonymous().get("/api/activities/@andrewbrown").then().statusCode(200);
                // signed in, the page also asks whether the caller follows: unanswered, it says not
                Browser.as("bayko").get("/api/activities/@andrewbrown").then().statusCode(200);
                Browser.anonymous()
                        .get("/api/activities/@andrewbrown/status/" + crud)
                        .then()
                        .statusCode(200);
                Browser.as("andrewbrown")
                        .get("/api/activities/notifications")
                        .then()
                        .statusCode(200);
                Browser.as("andrewbrown")
                        .get("/api/notifications/unread_count")
                        .then()
                        .statusCode(200);
                Browser.as("andrewbrown").get("/api/message_groups").then().statusCode(200);
            } while (Instant.now().isBefore(until));
        } finally {
            SystemUnderTest.backend().startService("users");
            awaitUsersServiceAskedAgain();
        }
    }

    /**
     * Until the callers' circuit breakers let calls through again: an unknown handle answers as unknown (404, 422),
     * not 503, once the users service is asked.
     */
    private static void awaitUsersServiceAskedAgain() throws InterruptedException {
        String nobody = "nobody" + UUID.randomUUID().toString().substring(0, 8);
        eventually(
                () -> Browser.anonymous().get("/api/activities/@" + nobody).statusCode() == 404
                        && Browser.as("bayko")
                                        .body(Map.of("message", "anyone?", "handle", nobody))
                                        .post("/api/messages")
                                        .statusCode()
                                == 422,
                30);
    }

    @Test
    void aCrudWith250RepliesComesInPagesOf20WithWorkingLinks() throws Exception {
        String crud = crud("altbrown", "reply to me, all of you");
        List<Future<JsonPath>> posted = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(12); // posted 12 at a time, not one after another
        try {
            for (int i = 0; i < 250; i++) {
                RequestSpecification author = Browser.as(i % 2 == 0 ? "bayko" : "londo");
                String message = "reply " + i;
                posted.add(pool.submit(() -> replied(author, crud, message)));
            }
        } finally {
            pool.shutdown();
        }
        List<JsonPath> answered = new ArrayList<>();
        for (Future<JsonPath> reply : posted) {
            answered.add(reply.get());
        }
        // oldest first as the service orders replies (their sort key, created_at then uuid), by what it answered
        List<String> replies = answered.stream()
                .sorted(Comparator.comparing((JsonPath reply) -> Instant.parse(reply.getString("created_at")))
                        .thenComparing(reply -> reply.getString("uuid")))
                .map(reply -> reply.getString("uuid"))
                .toList();
        List<String> seen = new ArrayList<>();
        String next = "/api/activities/@altbrown/status/" + crud;
        int pages = 0;
        while (next != null) {
            Response page = Browser.anonymous()
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .response();
            assertEquals(crud, page.jsonPath().getString("activity.uuid"), "every page carries the crud");
            List<String> uuids = page.jsonPath().getList("replies.uuid");
            assertTrue(uuids.size() == 20 || nextLink(page) == null, "a full page unless it is the last");
            seen.addAll(uuids);
            next = nextLink(page);
            pages++;
        }
        assertEquals(13, pages);
        assertEquals(replies, seen, "every reply once, oldest first");
        assertEquals(
                100,
                Browser.anonymous()
                        .get("/api/activities/@altbrown/status/" + crud + "?limit=100")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("replies")
                        .size());
        direct(SystemUnderTest.backend().api())
                .get("/api/activities/@altbrown/status/" + crud + "?limit=101")
                .then()
                .statusCode(422); // not through Browser: its contract check refuses to send an out-of-range limit
    }

    @Test
    void everyKindOfNotificationLinksToAPageThatShowsWhatItIsAbout() throws Exception {
        User me = newUser("Linked");
        String crud = crud(me.browser(), "notify me of everything");
        String reply = reply(Browser.as("bayko"), crud, "a reply");
        String mention = crud(Browser.as("londo"), "hello @" + me.handle());
        Browser.as("bayko").post("/api/activities/" + crud + "/like").then().statusCode(200);
        Browser.as("londo").post("/api/activities/" + crud + "/repost").then().statusCode(200);
        Browser.as("bayko")
                .body(Map.of("message", "a message", "handle", me.handle()))
                .post("/api/messages")
                .then()
                .statusCode(200);
        eventually(
                () -> {
                    List<Map<String, Object>> items = all(me.browser(), "/api/activities/notifications");
                    return items.stream().map(i -> i.get("kind")).distinct().count() == 4;
                },
                30);
        List<Map<String, Object>> items = all(me.browser(), "/api/activities/notifications");
        assertEquals(
                List.of("repost", "like", "mention", "reply"),
                items.stream().map(i -> i.get("kind")).toList(),
                "message notifications are not listed: no crud page shows a message");
        assertEquals(
                List.of(crud, crud, mention, reply),
                items.stream().map(i -> i.get("uuid")).toList());
        assertEquals(
                List.of("londo", "bayko", "londo", "bayko"),
                items.stream().map(i -> i.get("actor_handle")).toList());
        for (Map<String, Object> item : items) {
            // the link the React frontend builds for an item of its notifications feed
            JsonPath page = me.browser()
                    .get("/api/activities/@" + item.get("handle") + "/status/" + item.get("uuid"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(item.get("uuid"), page.getString("activity.uuid"));
            assertEquals(item.get("message"), page.getString("activity.message"));
            assertEquals(item.get("handle"), page.getString("activity.handle"));
        }
    }

    /** An event as the activities service publishes it, straight onto the queue. */
    private static void publish(String type, String actorSub, String recipientSub, String activity, String message) {
        String now = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(Instant.now());
        String body = String.format(
                "{\"id\":\"%s\",\"type\":\"%s\",\"schema_version\":1,\"time\":\"%s\","
                        + "\"actor_sub\":\"%s\",\"recipient_sub\":\"%s\",\"subject\":{\"activity_uuid\":\"%s\","
                        + "\"message\":\"%s\",\"created_at\":\"%s\",\"replies_count\":0,\"reposts_count\":0,"
                        + "\"likes_count\":0}}",
                UUID.randomUUID(), type, now, actorSub, recipientSub, activity, message, now);
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(SystemUnderTest.backend().emulators().sqs())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            sqs.sendMessage(
                    r -> r.queueUrl(SystemUnderTest.backend().queues().queue()).messageBody(body));
        }
    }

    @Test
    void theUnreadCountIsTheNumberOfUnreadItemsTheListShows() throws Exception {
        User me = newUser("Counter");
        String crud = crud(me.browser(), "count on me");
        // a reply by someone the users service does not know (a deleted user): the list leaves it out
        publish(
                "activity.replied",
                UUID.randomUUID().toString(),
                me.sub(),
                UUID.randomUUID().toString(),
                "from nobody");
        reply(Browser.as("bayko"), crud, "one");
        Browser.as("londo").post("/api/activities/" + crud + "/like").then().statusCode(200);
        Browser.as("londo")
                .body(Map.of("message", "not a crud", "handle", me.handle()))
                .post("/api/messages")
                .then()
                .statusCode(200);
        eventually(() -> all(me.browser(), "/api/activities/notifications").size() == 2, 30);
        long unreadInList = all(me.browser(), "/api/activities/notifications").stream()
                .filter(i -> Boolean.FALSE.equals(i.get("read")))
                .count();
        assertEquals(2, unreadInList);
        assertEquals(
                unreadInList,
                me.browser()
                        .get("/api/notifications/unread_count")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Number>path("unread")
                        .longValue());
    }

    @Test
    void anAnonymousLookupOfAnUnconfirmedSignUpsHandleProvisionsNothing() {
        String handle = "unconfirmed" + UUID.randomUUID().toString().substring(0, 8);
        try (CognitoSetup cognito =
                new CognitoSetup(SystemUnderTest.backend().emulators().cognito())) {
            cognito.signUp(
                    SystemUnderTest.backend().pool(),
                    handle + "@example.com",
                    handle,
                    "Not Yet",
                    SystemUnderTest.password());
        }
        Browser.anonymous().get("/api/activities/@" + handle).then().statusCode(404);
        Browser.anonymous().get("/api/users/@" + handle + "/short").then().statusCode(404);
    }
}
