package com.cruddur.activities;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.activities.repository.ActivityRepository.Marker;
import com.cruddur.activities.repository.ActivityRepository.MarkerState;
import com.cruddur.activities.service.ActivityEvents;
import com.cruddur.events.Event;
import com.cruddur.events.Outbox;
import com.cruddur.testing.Api;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The outbox relay: an event SQS refuses for good is set aside, counted, and holds up nothing behind it; a like or
 * repost whose request died right after its marker was stored is counted and delivered once by the relay.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    SqsClient sqs;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    @Inject
    ActivityRepository activities;

    @Inject
    ActivityEvents events;

    @ConfigProperty(name = "cruddur.activities.table")
    String table;

    private String outboxOf(Event event) {
        AttributeValue outbox = dynamoDb.getItem(r -> r.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                "pk", AttributeValue.fromS("OUTBOX#" + event.id()), "sk", AttributeValue.fromS("E"))))
                .item()
                .get("outbox");
        return outbox == null ? null : outbox.s();
    }

    private static Event event(String message) {
        return Event.of(
                Event.ACTIVITY_LIKED,
                "2026-12-01T00:00:00.000000Z",
                SharedStack.get().sub("bayko"),
                SharedStack.get().sub("londo"),
                new Event.Subject(
                        UUID.randomUUID().toString(),
                        null,
                        null,
                        null,
                        message,
                        "2026-12-01T00:00:00.000000Z",
                        "2026-12-02T00:00:00.000000Z",
                        0L,
                        0L,
                        1L));
    }

    /** An item of the table carrying only {@code event}, with {@code overrides} of its outbox attributes. */
    private void store(Event event, Map<String, AttributeValue> overrides) {
        Map<String, AttributeValue> item = new HashMap<>(outbox.pending(List.of(event)));
        item.putAll(overrides);
        item.put("pk", AttributeValue.fromS("OUTBOX#" + event.id()));
        item.put("sk", AttributeValue.fromS("E"));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    @Test
    void anEventSqsRefusesIsSetAsideAndTheNextOneIsDelivered() throws Exception {
        double before = metrics.counter("cruddur.events.set.aside").count();
        // an item whose message SQS refuses for good: an attribute value holding a noncharacter, which no retry cures
        Event refused = event("refused");
        store(
                refused,
                Map.of("outbox_trace", AttributeValue.fromM(Map.of("tracestate", AttributeValue.fromS("x=\uffff")))));
        Event normal = event("a normal like, after it \ud83c\udf29");
        store(normal, Map.of());
        outbox.committed();

        Set<String> received = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(15);
        while (!received.contains(normal.id())) {
            assertTrue(Instant.now().isBefore(deadline), "the event after the refused one was not delivered");
            for (Message message : sqs.receiveMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue())
                                    .maxNumberOfMessages(10)
                                    .waitTimeSeconds(1)
                                    .visibilityTimeout(0))
                    .messages()) {
                if (message.body().contains(normal.id())) {
                    received.add(normal.id());
                    assertTrue(
                            message.body().chars().allMatch(c -> c < 0x80),
                            "non-ASCII travels escaped: " + message.body());
                    assertEquals(
                            normal.subject().message(),
                            json.readTree(message.body())
                                    .path("subject")
                                    .path("message")
                                    .asText());
                    sqs.deleteMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue()).receiptHandle(message.receiptHandle()));
                }
            }
        }
        Instant asideBy = Instant.now().plusSeconds(10);
        // the relay marks the item, then counts it: wait for both
        while (!"SET_ASIDE".equals(outboxOf(refused))
                || metrics.counter("cruddur.events.set.aside").count() < before + 1) {
            assertTrue(Instant.now().isBefore(asideBy), "the refused event was not set aside: " + outboxOf(refused));
            Thread.sleep(100);
        }
        assertEquals(before + 1, metrics.counter("cruddur.events.set.aside").count());
    }

    @Test
    void aRefusedEventAmongBatchesOfOthersIsSetAsideAndEveryOtherIsDeliveredOnce() throws Exception {
        // more events than two SendMessageBatch calls take, the refused one in the middle of them
        List<Event> normal = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Event event = event("one of many " + i);
            normal.add(event);
            store(event, Map.of());
            if (i == 5) {
                store(
                        event("refused among many"),
                        Map.of(
                                "outbox_trace",
                                AttributeValue.fromM(Map.of("tracestate", AttributeValue.fromS("x=\uffff")))));
            }
        }
        outbox.committed();
        Set<String> wanted = new HashSet<>(normal.stream().map(Event::id).toList());
        Map<String, Integer> received = new HashMap<>();
        Instant deadline = Instant.now().plusSeconds(15);
        while (!received.keySet().containsAll(wanted)) {
            assertTrue(Instant.now().isBefore(deadline), "not every event was delivered: " + received.keySet());
            for (Message message : sqs.receiveMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue())
                                    .maxNumberOfMessages(10)
                                    .waitTimeSeconds(1)
                                    .visibilityTimeout(0))
                    .messages()) {
                String id = json.readTree(message.body()).path("id").asText();
                if (wanted.contains(id)) {
                    received.merge(id, 1, Integer::sum);
                    sqs.deleteMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue()).receiptHandle(message.receiptHandle()));
                }
            }
        }
        for (Event event : normal) {
            Instant clearedBy = Instant.now().plusSeconds(10);
            while (outboxOf(event) != null) {
                assertTrue(Instant.now().isBefore(clearedBy), "still pending after delivery: " + outboxOf(event));
                Thread.sleep(100);
            }
        }
        assertEquals(wanted.stream().collect(Collectors.toMap(id -> id, id -> 1)), received, "each delivered once");
    }

    /** The events of {@code type} about {@code activity} received within {@code seconds}, deleted from the queue. */
    private List<String> received(String type, String activity, int seconds) throws Exception {
        List<String> ids = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(seconds);
        while (Instant.now().isBefore(until)) {
            for (Message message : sqs.receiveMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue())
                                    .maxNumberOfMessages(10)
                                    .waitTimeSeconds(1)
                                    .visibilityTimeout(0))
                    .messages()) {
                JsonNode event = json.readTree(message.body());
                if (event.path("type").asText().equals(type)
                        && event.path("subject").path("activity_uuid").asText().equals(activity)) {
                    ids.add(event.path("id").asText());
                    sqs.deleteMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue()).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return ids;
    }

    private Map<String, AttributeValue> marker(String uuid, String sub) {
        return dynamoDb.getItem(r -> r.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                "pk", AttributeValue.fromS("ACT#" + uuid), "sk", AttributeValue.fromS("LIKE#" + sub))))
                .item();
    }

    private long likes(String uuid) {
        return Api.as("bayko")
                .get("/api/activities/@londo/status/" + uuid)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("activity.likes_count");
    }

    @Test
    void aLikeWhoseRequestDiedAfterItsMarkerIsCountedAndDeliveredOnceAndARetryConverges() throws Exception {
        String crud = Cruds.post("londo", "liked by a request that dies", "1-day");
        String bayko = SharedStack.get().sub("bayko");
        Activity activity = activities.find(crud).orElseThrow();
        // the request's commit point, and nothing after it: the process died before counting or nudging anything
        MarkerState like = new MarkerState(crud, Marker.LIKE, bayko, true);
        activities.putMarker(activity, Marker.LIKE, bayko, events.reacted(like, activity));

        Instant deadline = Instant.now().plusSeconds(15);
        while (likes(crud) != 1) {
            assertTrue(Instant.now().isBefore(deadline), "the relay did not count the stored like");
            Thread.sleep(100);
        }
        assertEquals(1, received(Event.ACTIVITY_LIKED, crud, 3).size(), "its event, delivered once");
        assertTrue(events.counted(like).isEmpty(), "a second derivation counts nothing");
        // the client retries the like it saw fail: the same like, counted once, nothing published again
        Api.as("bayko")
                .filter(Cruds.CONTRACT)
                .post("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200)
                .body("likes_count", equalTo(1))
                .body("liked", equalTo(true));
        assertEquals(List.of(), received(Event.ACTIVITY_LIKED, crud, 2));

        // taken back: a tombstone carries the unlike until it is delivered, then it is gone
        Api.as("bayko")
                .filter(Cruds.CONTRACT)
                .delete("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200)
                .body("likes_count", equalTo(0))
                .body("liked", equalTo(false));
        Api.as("bayko")
                .filter(Cruds.CONTRACT)
                .delete("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200)
                .body("likes_count", equalTo(0))
                .body("liked", equalTo(false));
        assertEquals(1, received(Event.ACTIVITY_UNLIKED, crud, 3).size(), "the unlike, delivered once");
        Instant goneBy = Instant.now().plusSeconds(10);
        while (!marker(crud, bayko).isEmpty()) {
            assertTrue(Instant.now().isBefore(goneBy), "the tombstone stays: " + marker(crud, bayko));
            Thread.sleep(100);
        }
        assertEquals(0, likes(crud));
        assertTrue(
                events.counted(new MarkerState(crud, Marker.LIKE, bayko, false)).isEmpty(), "an unlike counted once");
    }

    @Test
    void failingItemsAreWarnedOfOncePerBurstNotOncePerItem() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger relayLog = java.util.logging.Logger.getLogger("com.cruddur.events.OutboxRelay");
        relayLog.addHandler(handler);
        List<String> broken = new ArrayList<>();
        try {
            // activities whose derivation fails every time (no author, no text): each is retried, none is dropped
            for (int i = 0; i < 3; i++) {
                String uuid = UUID.randomUUID().toString();
                broken.add(uuid);
                Map<String, AttributeValue> item = new HashMap<>(outbox.pending(List.of()));
                item.put("pk", AttributeValue.fromS("ACT#" + uuid));
                item.put("sk", AttributeValue.fromS("A"));
                dynamoDb.putItem(r -> r.tableName(table).item(item));
            }
            outbox.committed();
            Instant deadline = Instant.now().plusSeconds(15);
            while (!broken.stream().allMatch(uuid -> attempts(uuid) >= 1)) {
                assertTrue(Instant.now().isBefore(deadline), "the broken items were not tried");
                Thread.sleep(100);
            }
            assertTrue(
                    warnings.size() <= 1,
                    "one warning for the burst, not one per item: "
                            + warnings.stream().map(LogRecord::getMessage).toList());
        } finally {
            relayLog.removeHandler(handler);
            broken.forEach(uuid -> dynamoDb.deleteItem(r -> r.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("ACT#" + uuid), "sk", AttributeValue.fromS("A")))));
        }
    }

    private int attempts(String uuid) {
        AttributeValue attempts = dynamoDb.getItem(r -> r.tableName(table)
                        .consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS("ACT#" + uuid), "sk", AttributeValue.fromS("A"))))
                .item()
                .get("outbox_attempts");
        return attempts == null ? 0 : Integer.parseInt(attempts.n());
    }
}
