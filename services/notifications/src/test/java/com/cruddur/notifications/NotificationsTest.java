package com.cruddur.notifications;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.common.time.Timestamps;
import com.cruddur.events.Event;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class NotificationsTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();
    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();

    @Inject
    SqsClient sqs;

    @Inject
    ObjectMapper json;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Puts an event on the queue, as the activities and messages services do. */
    private void send(Event event) throws Exception {
        String body = json.writeValueAsString(event);
        sqs.sendMessage(r -> r.queueUrl(SharedStack.get().queues().queue()).messageBody(body));
    }

    private static Event event(
            String type, String actor, String recipient, String activity, Instant at, Instant expires) {
        return Event.of(
                type,
                Timestamps.format(at),
                SharedStack.get().sub(actor),
                SharedStack.get().sub(recipient),
                new Event.Subject(
                        activity,
                        null,
                        null,
                        null,
                        "the text of " + activity,
                        Timestamps.format(at.minusSeconds(60)),
                        Timestamps.format(expires),
                        1L,
                        2L,
                        3L));
    }

    private static Event event(String type, String actor, String recipient, String activity) {
        Instant now = Instant.now();
        return event(type, actor, recipient, activity, now, now.plus(Duration.ofDays(7)));
    }

    private static JsonPath notifications(String handle) {
        return Api.as(handle)
                .filter(CONTRACT)
                .get("/api/activities/notifications?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits (bounded) until the condition holds; the consumer works asynchronously. */
    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.get()) {
            assertTrue(Instant.now().isBefore(deadline), "not within 15 s");
            Thread.sleep(100);
        }
    }

    /** Waits until every event sent before has been processed: a marker event sent last has arrived. */
    private void drain(String recipient) throws Exception {
        String marker = UUID.randomUUID().toString();
        send(event(Event.ACTIVITY_MENTIONED, "londo", recipient, marker));
        eventually(() -> notifications(recipient).getList("uuid").contains(marker));
    }

    @Test
    void aReplyBecomesANotificationTheFrontendCanRender() throws Exception {
        String me = SharedStack.get().createUser("notified", "Notified");
        String crud = UUID.randomUUID().toString();
        Event reply = event(Event.ACTIVITY_REPLIED, "bayko", me, crud);
        send(reply);
        eventually(() -> notifications(me).getList("uuid").contains(crud));
        Api.as(me)
                .filter(CONTRACT)
                .get("/api/activities/notifications")
                .then()
                .statusCode(200)
                .body("[0].uuid", equalTo(crud))
                .body("[0].kind", equalTo("reply"))
                .body("[0].actor_handle", equalTo("bayko"))
                .body("[0].handle", equalTo("bayko"))
                .body("[0].display_name", equalTo("Andrew Bayko"))
                .body("[0].message", equalTo("the text of " + crud))
                .body("[0].activity_uuid", equalTo(crud))
                .body("[0].likes_count", equalTo(3))
                .body("[0].read", equalTo(false))
                .body("[0].created_at", equalTo(reply.time()));
    }

    /**
     * A follow through the users service (its outbox, the queue, this consumer) reaches the followed user as a
     * {@code follow} notification naming the follower; one per follower, also after an unfollow and a new follow.
     */
    @Test
    void aFollowReachesTheFollowedUserOncePerFollower() throws Exception {
        String me = SharedStack.get().createUser("followed", "Followed");
        String fan = SharedStack.get().createUser("fan", "Fan");
        follow(fan, me, true);
        eventually(() -> notifications(me).getList("kind").contains("follow"));
        JsonPath list = notifications(me);
        assertEquals(List.of("follow"), list.getList("kind"));
        assertEquals(fan, list.getString("[0].actor_handle"));
        assertEquals(fan, list.getString("[0].handle"));
        assertEquals("Fan", list.getString("[0].display_name"));
        assertEquals(SharedStack.get().sub(fan), list.getString("[0].uuid"));
        assertEquals("", list.getString("[0].message"));
        assertNull(list.getString("[0].activity_uuid"));
        assertNull(list.getString("[0].expires_at"));
        assertEquals(
                1, Api.as(me).get("/api/notifications/unread_count").jsonPath().getInt("unread"));
        assertEquals(List.of(), notifications(fan).getList("kind"));

        String first = list.getString("[0].created_at");
        follow(fan, me, false);
        follow(fan, me, true);
        // the new follow replaces the notification: the old one is deleted, then the new one stored, so a read in
        // between finds none (which made this test fail now and then)
        eventually(() -> {
            JsonPath now = notifications(me);
            return now.getList("kind").equals(List.of("follow")) && !first.equals(now.getString("[0].created_at"));
        });
    }

    private static void follow(String follower, String followed, boolean follow) {
        var request = Api.as(follower).baseUri(SharedStack.get().usersService().toString());
        (follow
                        ? request.post("/api/users/@" + followed + "/follow")
                        : request.delete("/api/users/@" + followed + "/follow"))
                .then()
                .statusCode(200);
    }

    @Test
    void theSameEventTwiceMakesOneNotificationAndSelfActionsNone() throws Exception {
        String me = SharedStack.get().createUser("dedup", "Dedup");
        String crud = UUID.randomUUID().toString();
        Event reply = event(Event.ACTIVITY_REPLIED, "bayko", me, crud);
        send(reply);
        send(reply);
        Event self = Event.of(
                Event.ACTIVITY_LIKED,
                Timestamps.format(Instant.now()),
                SharedStack.get().sub(me),
                SharedStack.get().sub(me),
                new Event.Subject(
                        UUID.randomUUID().toString(),
                        null,
                        null,
                        null,
                        "mine",
                        Timestamps.format(Instant.now()),
                        Timestamps.format(Instant.now().plusSeconds(3600)),
                        0L,
                        0L,
                        1L));
        send(self);
        drain(me);
        List<String> uuids = notifications(me).getList("uuid");
        assertEquals(1, uuids.stream().filter(crud::equals).count());
        assertEquals(2, uuids.size(), "the reply and the drain marker, not the self-like");
    }

    @Test
    void newestFirstWithPages() throws Exception {
        String me = SharedStack.get().createUser("ordered", "Ordered");
        Instant base = Instant.now();
        for (int i = 0; i < 5; i++) {
            send(event(
                    Event.ACTIVITY_MENTIONED,
                    "altbrown",
                    me,
                    "00000000-0000-4000-8000-00000000000" + i,
                    base.plusSeconds(i),
                    base.plus(Duration.ofDays(1))));
        }
        eventually(() -> notifications(me).getList("uuid").size() == 5);
        var first = Api.as(me).filter(CONTRACT).get("/api/activities/notifications?limit=3");
        first.then()
                .statusCode(200)
                .body(
                        "uuid",
                        contains(
                                "00000000-0000-4000-8000-000000000004",
                                "00000000-0000-4000-8000-000000000003",
                                "00000000-0000-4000-8000-000000000002"));
        String link = first.header("Link");
        Api.as(me)
                .filter(CONTRACT)
                .get(link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                .then()
                .statusCode(200)
                .body("uuid", contains("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000000"));
    }

    @Test
    void anUnlikeRemovesTheLikeEvenWhenTheEventsArriveOutOfOrder() throws Exception {
        String me = SharedStack.get().createUser("liked", "Liked");
        String crud = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofDays(1));
        send(event(Event.ACTIVITY_LIKED, "bayko", me, crud, now, expires));
        send(event(Event.ACTIVITY_UNLIKED, "bayko", me, crud, now.plusSeconds(1), expires));
        drain(me);
        assertTrue(!notifications(me).getList("uuid").contains(crud), "unliked: no notification left");

        String other = UUID.randomUUID().toString();
        send(event(Event.ACTIVITY_UNLIKED, "londo", me, other, now.plusSeconds(5), expires)); // arrives first
        send(event(Event.ACTIVITY_LIKED, "londo", me, other, now.plusSeconds(4), expires)); // the older like
        send(event(Event.ACTIVITY_LIKED, "altbrown", me, other, now.plusSeconds(6), expires));
        send(event(Event.ACTIVITY_LIKED, "altbrown", me, other, now.plusSeconds(7), expires)); // liked again: still one
        drain(me);
        JsonPath list = notifications(me);
        assertEquals(List.of("altbrown"), list.getList("findAll { it.uuid == '" + other + "' }.actor_handle"));
    }

    @Test
    void aLikeLinksToTheLikedCrudUnderItsAuthorsHandleAndNamesTheLiker() throws Exception {
        String me = SharedStack.get().createUser("likedcrud", "Liked Crud");
        String crud = UUID.randomUUID().toString();
        send(event(Event.ACTIVITY_LIKED, "bayko", me, crud));
        send(event(Event.ACTIVITY_REPOSTED, "londo", me, crud));
        eventually(() -> notifications(me).getList("uuid").size() == 2);
        JsonPath list = notifications(me);
        for (String kind : List.of("like", "repost")) {
            String item = "find { it.kind == '" + kind + "' }";
            assertEquals(crud, list.getString(item + ".uuid"), "the link's uuid is the liked crud");
            assertEquals(me, list.getString(item + ".handle"), "the link's handle is the crud's author");
            assertEquals("Liked Crud", list.getString(item + ".display_name"));
            assertEquals("the text of " + crud, list.getString(item + ".message"));
        }
        assertEquals("bayko", list.getString("find { it.kind == 'like' }.actor_handle"));
        assertEquals("londo", list.getString("find { it.kind == 'repost' }.actor_handle"));
    }

    @Test
    void aMessageNotificationIsNeitherListedNorCountedSinceNoCrudPageShowsIt() throws Exception {
        String me = SharedStack.get().createUser("messaged", "Messaged");
        String message = UUID.randomUUID().toString();
        String group = UUID.randomUUID().toString();
        Instant now = Instant.now();
        send(Event.of(
                Event.MESSAGE_SENT,
                Timestamps.format(now),
                SharedStack.get().sub("londo"),
                SharedStack.get().sub(me),
                new Event.Subject(
                        null, null, message, group, "hello there", Timestamps.format(now), null, null, null, null)));
        drain(me);
        assertEquals(1, notifications(me).getList("uuid").size(), "only the drain marker");
        Api.as(me)
                .filter(CONTRACT)
                .get("/api/notifications/unread_count")
                .then()
                .statusCode(200)
                .body("unread", equalTo(1));
    }

    @Test
    void theUnreadCountLeavesOutWhatTheListLeavesOut() throws Exception {
        String me = SharedStack.get().createUser("counted", "Counted");
        Instant now = Instant.now();
        String gone = UUID.randomUUID().toString(); // an actor the users service does not know (a deleted user)
        send(Event.of(
                Event.ACTIVITY_REPLIED,
                Timestamps.format(now),
                gone,
                SharedStack.get().sub(me),
                new Event.Subject(
                        UUID.randomUUID().toString(),
                        null,
                        null,
                        null,
                        "from nobody",
                        Timestamps.format(now),
                        Timestamps.format(now.plus(Duration.ofDays(1))),
                        0L,
                        0L,
                        0L)));
        send(event(Event.ACTIVITY_REPLIED, "bayko", me, UUID.randomUUID().toString()));
        drain(me);
        int listed = notifications(me).getList("uuid").size();
        assertEquals(2, listed, "bayko's reply and the drain marker");
        Api.as(me)
                .filter(CONTRACT)
                .get("/api/notifications/unread_count")
                .then()
                .statusCode(200)
                .body("unread", equalTo(listed));
    }

    @Test
    void unreadCountAndMarkingRead() throws Exception {
        String me = SharedStack.get().createUser("reader", "Reader");
        Instant base = Instant.now();
        for (int i = 0; i < 3; i++) {
            send(event(
                    Event.ACTIVITY_REPLIED,
                    "bayko",
                    me,
                    UUID.randomUUID().toString(),
                    base.plusSeconds(i),
                    base.plus(Duration.ofDays(1))));
        }
        eventually(() -> notifications(me).getList("uuid").size() == 3);
        Api.as(me)
                .filter(CONTRACT)
                .get("/api/notifications/unread_count")
                .then()
                .statusCode(200)
                .body("unread", equalTo(3));
        String middle = notifications(me).getString("[1].notification_uuid");
        Api.as(me)
                .filter(CONTRACT)
                .body(Map.of("up_to", middle))
                .post("/api/notifications/read")
                .then()
                .statusCode(200)
                .body("unread", equalTo(1));
        assertEquals(List.of(false, true, true), notifications(me).getList("read"));
        Api.as(me)
                .filter(CONTRACT)
                .body(Map.of())
                .post("/api/notifications/read")
                .then()
                .statusCode(200)
                .body("unread", equalTo(0));
        Api.as(me)
                .filter(RESPONSES)
                .body(Map.of("up_to", "nope"))
                .post("/api/notifications/read")
                .then()
                .statusCode(422)
                .body("$", contains("up_to_invalid"));
        Api.as(me)
                .filter(CONTRACT)
                .body(Map.of("up_to", UUID.randomUUID().toString()))
                .post("/api/notifications/read")
                .then()
                .statusCode(404)
                .body("$", contains("notification_not_found"));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/notifications/unread_count")
                .then()
                .statusCode(401);
    }

    @Test
    void aNotificationNeverOutlivesItsCrud() throws Exception {
        String me = SharedStack.get().createUser("fleeting", "Fleeting");
        String crud = UUID.randomUUID().toString();
        Instant now = Instant.now();
        send(event(Event.ACTIVITY_REPLIED, "bayko", me, crud, now, now.plus(Duration.ofHours(1))));
        eventually(() -> notifications(me).getList("uuid").contains(crud));
        clock.advance(Duration.ofMinutes(61));
        assertEquals(List.of(), notifications(me).getList("uuid"));
        Api.as(me)
                .filter(CONTRACT)
                .get("/api/notifications/unread_count")
                .then()
                .statusCode(200)
                .body("unread", equalTo(0));
    }

    @Test
    void aPoisonMessageInABatchHoldsUpNoneOfTheOthersWhichAreEachProcessedAndDeleted() throws Exception {
        // one SendMessageBatch, so one receive most likely takes them together: nine events and a poison among them
        String poison = "{\"this is\": \"not an event " + UUID.randomUUID() + "\"}";
        List<String> recipients = new ArrayList<>();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String me = SharedStack.get().createUser("batched" + i, "Batched " + i);
            recipients.add(me);
            String body = json.writeValueAsString(
                    event(Event.ACTIVITY_REPLIED, "bayko", me, UUID.randomUUID().toString()));
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id("e" + i)
                    .messageBody(body)
                    .build());
            if (i == 4) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("poison")
                        .messageBody(poison)
                        .build());
            }
        }
        assertEquals(
                List.of(),
                sqs.sendMessageBatch(r ->
                                r.queueUrl(SharedStack.get().queues().queue()).entries(entries))
                        .failed());
        for (String me : recipients) {
            eventually(() -> notifications(me).getList("uuid").size() == 1);
        }
        // processed ones are deleted: once the poison is dead-lettered, nothing is left in flight or waiting
        eventually(() -> {
            Map<QueueAttributeName, String> queue = sqs.getQueueAttributes(
                            r -> r.queueUrl(SharedStack.get().queues().queue())
                                    .attributeNames(
                                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            return queue.values().stream().allMatch("0"::equals);
        });
        for (String me : recipients) {
            assertEquals(1, notifications(me).getList("uuid").size(), "each event made one notification");
        }
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueue() throws Exception {
        String poison = "{\"this is\": \"not an event " + UUID.randomUUID() + "\"}";
        sqs.sendMessage(r -> r.queueUrl(SharedStack.get().queues().queue()).messageBody(poison));
        Instant deadline = Instant.now().plusSeconds(20);
        boolean deadLettered = false;
        while (!deadLettered && Instant.now().isBefore(deadline)) {
            deadLettered = sqs
                    .receiveMessage(r -> r.queueUrl(SharedStack.get().queues().deadLetters())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1))
                    .messages()
                    .stream()
                    .anyMatch(m -> m.body().equals(poison));
        }
        assertTrue(deadLettered, "the poison message reached the dead-letter queue");
    }
}
