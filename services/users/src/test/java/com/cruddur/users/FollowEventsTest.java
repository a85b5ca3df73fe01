package com.cruddur.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.cruddur.events.Event;
import com.cruddur.events.Outbox;
import com.cruddur.testing.Api;
import com.cruddur.testing.EventSchema;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A new follow publishes one {@code user.followed} event to the followed user through the durable outbox (the
 * users table has no sort key); a repeated follow and an unfollow publish nothing; a follow whose service died
 * before it was relayed is delivered by the relay's next round.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class FollowEventsTest {

    @Inject
    SqsClient sqs;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "cruddur.users.table")
    String table;

    @Test
    void aNewFollowIsPublishedOnceAndARepeatedFollowOrAnUnfollowNever() {
        String fan = SharedStack.get().createUser("efan", "Fan");
        String star = SharedStack.get().createUser("estar", "Star");
        for (int i = 0; i < 2; i++) {
            Api.as(fan).post("/api/users/@" + star + "/follow").then().statusCode(200);
        }
        Api.as(fan).delete("/api/users/@" + star + "/follow").then().statusCode(200);

        List<JsonNode> events = eventsTo(SharedStack.get().sub(star), 1);
        assertEquals(1, events.size(), events.toString());
        JsonNode event = events.get(0);
        assertEquals(Event.USER_FOLLOWED, event.get("type").asText());
        assertEquals(SharedStack.get().sub(fan), event.get("actor_sub").asText());
        assertEquals(0, event.get("subject").size());
    }

    /** As if the service died right after the follow's put: nothing nudged the relay, its round finds the item. */
    @Test
    void aFollowStoredButNeverRelayedIsDeliveredAndItsMarkersCleared() throws InterruptedException {
        String follower = SharedStack.get().sub(SharedStack.get().createUser("dfan", "Fan"));
        String followed = SharedStack.get().sub(SharedStack.get().createUser("dstar", "Star"));
        String pk = "FOLLOW#" + follower + "#" + followed;
        Map<String, AttributeValue> item = new HashMap<>(outbox.pending(List.of(Event.of(
                Event.USER_FOLLOWED,
                "2026-01-01T00:00:00.000000Z",
                follower,
                followed,
                new Event.Subject(null, null, null, null, null, null, null, null, null, null)))));
        item.put("pk", AttributeValue.fromS(pk));
        dynamoDb.putItem(r -> r.tableName(table).item(item));

        assertEquals(1, eventsTo(followed, 1).size());
        Instant deadline = Instant.now().plusSeconds(10);
        while (dynamoDb.getItem(
                        r -> r.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS(pk))))
                .item()
                .containsKey("outbox")) {
            assertFalse(Instant.now().isAfter(deadline), "the markers were not cleared within 10 s");
            Thread.sleep(50);
        }
    }

    /**
     * The events on the queue to this recipient, each validated against the schema (and deleted); after the
     * expected number arrived, one more second of polling catches any extra.
     */
    private List<JsonNode> eventsTo(String recipient, int expected) {
        List<JsonNode> found = new ArrayList<>();
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
                if (recipient.equals(event.path("recipient_sub").asText())) {
                    found.add(event);
                    sqs.deleteMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue()).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return found;
    }
}
