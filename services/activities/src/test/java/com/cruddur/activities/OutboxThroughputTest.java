package com.cruddur.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.activities.repository.ActivityRepository.Marker;
import com.cruddur.activities.repository.ActivityRepository.MarkerState;
import com.cruddur.activities.service.ActivityEvents;
import com.cruddur.common.aws.Batches;
import com.cruddur.events.Event;
import com.cruddur.events.Outbox;
import com.cruddur.testing.DynamoDbProxyResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The outbox relay keeps up with a burst of writes while every database call takes a while, as on a busy database:
 * its calls overlap, so the burst's events reach SQS within a bound that a relay making its calls one round step at
 * a time (25 items a round, eight at once, sends one after another) cannot meet.
 */
@QuarkusTest
@WithTestResource(DynamoDbProxyResource.class)
@WithTestResource(UsersServiceResource.class)
class OutboxThroughputTest {

    /** Likes written at once, as a burst of {@code write-mix} leaves them for the relay. */
    private static final int BURST = 400;
    /**
     * What each chunk of a database request waits in the proxy. Measured side by side (load average 24): the relay
     * of session 6 (25 items a round, eight calls at once, its sends one after another) took 24.5 s for the burst,
     * this one 10.7 s.
     */
    private static final Duration LATENCY = Duration.ofMillis(80);

    private static final Duration BOUND = Duration.ofSeconds(16);

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    SqsClient sqs;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    ActivityRepository activities;

    @Inject
    ActivityEvents events;

    @ConfigProperty(name = "cruddur.activities.table")
    String table;

    @Test
    void aBurstOfLikesReachesSqsWithinTheBoundWhileEveryDatabaseCallIsSlow() throws Exception {
        String crud = Cruds.post("londo", "liked by a burst", "1-day");
        Activity activity = activities.find(crud).orElseThrow();
        // the like markers as their requests commit them (the relay counts and sends each), by 400 readers
        Set<String> actors = new HashSet<>();
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String actor = UUID.randomUUID().toString();
            actors.add(actor);
            Map<String, AttributeValue> item =
                    new HashMap<>(events.reacted(new MarkerState(crud, Marker.LIKE, actor, true), activity));
            item.put("pk", AttributeValue.fromS("ACT#" + crud));
            item.put("sk", AttributeValue.fromS("LIKE#" + actor));
            item.put("state", AttributeValue.fromS("ON"));
            puts.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
        }
        Batches.write(dynamoDb, table, puts);
        DynamoDbProxyResource.proxy().delay(LATENCY);
        try {
            Instant start = Instant.now();
            outbox.committed();
            // the relay clears a marker's outbox only once SQS took its event: time the burst by that (the shared
            // queue holds other tests' events too, which would slow down reading it)
            for (long pending = pending(crud); pending > 0; pending = pending(crud)) {
                assertTrue(
                        Instant.now().isBefore(start.plus(BOUND)),
                        "within " + BOUND + " " + pending + " of " + BURST + " likes were still not sent");
                Thread.sleep(50);
            }
        } finally {
            DynamoDbProxyResource.proxy().delay(Duration.ZERO);
        }
        Set<String> received = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!received.containsAll(actors)) {
            assertTrue(Instant.now().isBefore(deadline), received.size() + " of " + BURST + " likes are on the queue");
            received.addAll(liked(crud));
        }
        assertEquals(actors, received);
        assertEquals(BURST, activities.find(crud).orElseThrow().likesCount(), "each like counted once");
    }

    /** How many likes of {@code crud} still carry their outbox. */
    private long pending(String crud) {
        return dynamoDb
                .queryPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :like)")
                        .filterExpression("attribute_exists(outbox)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS("ACT#" + crud), ":like", AttributeValue.fromS("LIKE#")))
                        .select(Select.COUNT))
                .stream()
                .mapToLong(QueryResponse::count)
                .sum();
    }

    /** Everyone whose like of {@code crud} was received just now, the messages deleted. */
    private Set<String> liked(String crud) throws Exception {
        Set<String> actors = new HashSet<>();
        List<Message> messages = sqs.receiveMessage(
                        r -> r.queueUrl(SharedStack.get().queues().queue())
                                .maxNumberOfMessages(10)
                                .waitTimeSeconds(1)
                                // another test's message comes back soon for it to read
                                .visibilityTimeout(5))
                .messages();
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (Message message : messages) {
            JsonNode event = json.readTree(message.body());
            if (event.path("type").asText().equals(Event.ACTIVITY_LIKED)
                    && event.path("subject").path("activity_uuid").asText().equals(crud)) {
                actors.add(event.path("actor_sub").asText());
                deletes.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(deletes.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
        }
        if (!deletes.isEmpty()) {
            sqs.deleteMessageBatch(
                    r -> r.queueUrl(SharedStack.get().queues().queue()).entries(deletes));
        }
        return actors;
    }
}
