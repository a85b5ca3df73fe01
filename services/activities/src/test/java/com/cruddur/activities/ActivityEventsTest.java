package com.cruddur.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.testing.Api;
import com.cruddur.testing.EventSchema;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The events the activities service publishes: valid against the schema, to the right people, never to the actor. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class ActivityEventsTest {

    @Inject
    SqsClient sqs;

    /**
     * The events about these activities on the queue, each validated against the schema, as sorted
     * "type recipient" lines; after the expected number arrived, one more second of polling catches any extra.
     */
    private List<String> eventsAbout(Set<String> activities, int expected) {
        List<String> found = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(15);
        Instant settled = null;
        while (Instant.now().isBefore(settled == null ? deadline : settled)) {
            if (settled == null && found.size() >= expected) {
                settled = Instant.now().plusSeconds(1);
            }
            List<Message> messages = sqs.receiveMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue())
                                    .maxNumberOfMessages(10)
                                    .waitTimeSeconds(1)
                                    .visibilityTimeout(0))
                    .messages();
            for (Message message : messages) {
                JsonNode event = EventSchema.validate(message.body());
                if (activities.contains(
                        event.path("subject").path("activity_uuid").asText())) {
                    found.add(event.get("type").asText() + " "
                            + handleOf(event.get("recipient_sub").asText()));
                    sqs.deleteMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue()).receiptHandle(message.receiptHandle()));
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static String handleOf(String sub) {
        for (String handle : List.of("andrewbrown", "altbrown", "bayko", "londo")) {
            if (SharedStack.get().sub(handle).equals(sub)) {
                return handle;
            }
        }
        return sub;
    }

    @Test
    void aReplyThatMentionsNotifiesTheAuthorAndTheMentionedOnlyOnce() {
        Api.as("londo")
                .get(SharedStack.get().usersService() + "/api/profile")
                .then()
                .statusCode(200);
        String crud = Cruds.post("andrewbrown", "Plans for the weekend?", "1-day");
        String reply = Cruds.reply("bayko", crud, "Hiking with @londo and @andrewbrown, and @nobody_here_at_all");
        assertEquals(
                List.of("activity.mentioned londo", "activity.replied andrewbrown"), eventsAbout(Set.of(reply), 2));
    }

    @Test
    void theMentionsOfACrudAreResolvedInOneCall() {
        for (String handle : List.of("londo", "altbrown", "bayko")) {
            Api.as(handle)
                    .get(SharedStack.get().usersService() + "/api/profile")
                    .then()
                    .statusCode(200);
        }
        long singleBefore = Cruds.usersServiceCalls("/internal/users/by-handle/{handle}");
        long batchBefore = Cruds.usersServiceCalls("/internal/users/by-handles");
        String crud = Cruds.post("andrewbrown", "Dinner with @londo, @altbrown and @bayko", "1-day");
        assertEquals(
                List.of("activity.mentioned altbrown", "activity.mentioned bayko", "activity.mentioned londo"),
                eventsAbout(Set.of(crud), 3));
        assertEquals(
                singleBefore, Cruds.usersServiceCalls("/internal/users/by-handle/{handle}"), "no lookup per handle");
        assertEquals(
                batchBefore + 1, Cruds.usersServiceCalls("/internal/users/by-handles"), "one lookup for all three");
    }

    @Test
    void likesAndRepostsAndTheirUndoingArePublishedOnlyWhenTheyChangeSomething() {
        String crud = Cruds.post("altbrown", "Like this", "1-day");
        Api.as("bayko").post("/api/activities/" + crud + "/like").then().statusCode(200);
        Api.as("bayko").post("/api/activities/" + crud + "/like").then().statusCode(200); // no change
        Api.as("bayko").delete("/api/activities/" + crud + "/like").then().statusCode(200);
        Api.as("bayko").post("/api/activities/" + crud + "/repost").then().statusCode(200);
        Api.as("altbrown").post("/api/activities/" + crud + "/like").then().statusCode(200); // their own: not published
        assertEquals(
                List.of("activity.liked altbrown", "activity.reposted altbrown", "activity.unliked altbrown"),
                eventsAbout(Set.of(crud), 3));
    }
}
