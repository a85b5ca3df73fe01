package com.cruddur.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.events.Event;
import com.cruddur.events.Outbox;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The outbox relay: an event SQS refuses for good is set aside, counted, and holds up nothing behind it. */
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

    @ConfigProperty(name = "cruddur.activities.table")
    String table;

    private String outboxOf(Event event) {
        AttributeValue outbox = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("OUTBOX#" + event.id()), "sk", AttributeValue.fromS("E")))).item().get("outbox");
        return outbox == null ? null : outbox.s();
    }

    private static Event event(String message) {
        return Event.of(Event.ACTIVITY_LIKED, "2026-12-01T00:00:00.000000Z", SharedStack.get().sub("bayko"),
                SharedStack.get().sub("londo"), new Event.Subject(UUID.randomUUID().toString(), null, null, null, message,
                        "2026-12-01T00:00:00.000000Z", "2026-12-02T00:00:00.000000Z", 0L, 0L, 1L));
    }

    @Test
    void anEventSqsRefusesIsSetAsideAndTheNextOneIsDelivered() throws Exception {
        double before = metrics.counter("cruddur.events.set.aside").count();
        // an item whose message SQS refuses for good: an attribute value holding a noncharacter, which no retry cures
        Event refused = event("refused");
        Map<String, AttributeValue> item = new HashMap<>(outbox.pending(List.of(refused)));
        item.put("outbox_trace", AttributeValue.fromM(Map.of("tracestate", AttributeValue.fromS("x=\uffff"))));
        item.put("pk", AttributeValue.fromS("OUTBOX#" + refused.id()));
        item.put("sk", AttributeValue.fromS("E"));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
        Event normal = event("a normal like, after it \ud83c\udf29");
        outbox.publish(normal);

        Set<String> received = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(15);
        while (!received.contains(normal.id())) {
            assertTrue(Instant.now().isBefore(deadline), "the event after the refused one was not delivered");
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(SharedStack.get().queues().queue())
                    .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(0)).messages()) {
                if (message.body().contains(normal.id())) {
                    received.add(normal.id());
                    assertTrue(message.body().chars().allMatch(c -> c < 0x80), "non-ASCII travels escaped: " + message.body());
                    assertEquals(normal.subject().message(), json.readTree(message.body()).path("subject").path("message").asText());
                    sqs.deleteMessage(r -> r.queueUrl(SharedStack.get().queues().queue()).receiptHandle(message.receiptHandle()));
                }
            }
        }
        Instant asideBy = Instant.now().plusSeconds(10);
        while (!"SET_ASIDE".equals(outboxOf(refused))) {
            assertTrue(Instant.now().isBefore(asideBy), "the refused event was not set aside: " + outboxOf(refused));
            Thread.sleep(100);
        }
        assertEquals(before + 1, metrics.counter("cruddur.events.set.aside").count());
    }
}
