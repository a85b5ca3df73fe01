package com.cruddur.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.testing.Api;
import com.cruddur.testing.InMemoryTracing;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** A feed request is one trace: the server span, and the cache and users-service calls as its children. */
@QuarkusTest
@TestProfile(InMemoryTracing.Profile.class)
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class TracingTest {

    @Inject
    InMemorySpanExporter exporter;

    private List<SpanData> traceOf(String serverSpanName) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (SpanData span : exporter.getFinishedSpanItems()) {
                if (span.getKind() == SpanKind.SERVER && span.getName().equals(serverSpanName)) {
                    String trace = span.getTraceId();
                    Thread.sleep(300); // the children end first, but let the batch land
                    return exporter.getFinishedSpanItems().stream()
                            .filter(s -> s.getTraceId().equals(trace))
                            .toList();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span " + serverSpanName + " in " + exporter.getFinishedSpanItems());
    }

    @Test
    void aHomeFeedRequestIsOneTraceWithCacheAndUsersServiceSpans() throws Exception {
        Cruds.post("andrewbrown", "trace me", "1-day");
        exporter.reset();
        Api.anonymous().get("/api/activities/home").then().statusCode(200);
        List<SpanData> trace = traceOf("GET /api/activities/home");

        SpanData server = trace.stream()
                .filter(s -> s.getKind() == SpanKind.SERVER)
                .findFirst()
                .orElseThrow();
        Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        List<SpanData> cacheGets =
                trace.stream().filter(s -> s.getName().equals("cache get")).toList();
        assertFalse(cacheGets.isEmpty(), "cache reads are spans: " + trace);
        for (SpanData get : cacheGets) {
            assertTrue(ids.contains(get.getParentSpanId()), "a cache span is a child within the request's trace");
            assertTrue(get.getAttributes().get(AttributeKey.booleanKey("cache.hit")) != null, "with its hit or miss");
        }
        assertTrue(cacheGets.stream()
                .anyMatch(
                        s -> "v1:feed:home".equals(s.getAttributes().get(AttributeKey.stringKey("cache.namespace")))));
        assertEquals(server.getTraceId(), cacheGets.get(0).getTraceId());
        assertTrue(
                trace.stream()
                        .allMatch(s -> s.getAttributes().asMap().values().stream()
                                .noneMatch(v -> String.valueOf(v).contains("Bearer"))),
                "no token in any attribute");
        List<SpanData> dynamo =
                trace.stream().filter(s -> s.getName().startsWith("DynamoDb.")).toList();
        assertFalse(dynamo.isEmpty(), "DynamoDB calls are spans of the request: " + trace);
        assertTrue(dynamo.stream().allMatch(s -> s.getKind() == SpanKind.CLIENT && ids.contains(s.getParentSpanId())));
        // the feed's shard queries, by the extension's OpenTelemetry support (quarkus.dynamodb.telemetry.enabled)
        assertTrue(dynamo.stream().anyMatch(s -> s.getName().equals("DynamoDb.Query")), "a Query span: " + dynamo);
    }

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    ActivityRepository activities;

    /**
     * A crud that mentions nobody is whole when it is answered: its search tokens (one BatchWriteItem), then its item
     * (one PutItem), and nothing left to the outbox relay (docs/events.md). Before, the crud came first, carrying the
     * outbox, and the relay wrote its tokens again and cleared the outbox: five calls instead of two.
     */
    @Test
    void aCrudThatMentionsNobodyIsItsTokensThenItsItemAndLeavesTheRelayNothing() throws Exception {
        exporter.reset();
        String crud = Cruds.post("andrewbrown", "plain crud " + System.nanoTime(), "1-day");
        List<SpanData> calls = traceOf("POST /api/activities").stream()
                .filter(s -> s.getName().startsWith("DynamoDb."))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
        assertEquals(
                List.of("DynamoDb.BatchWriteItem", "DynamoDb.PutItem"),
                calls.stream().map(SpanData::getName).toList());
        assertTrue(
                calls.get(0).getEndEpochNanos() <= calls.get(1).getStartEpochNanos(),
                "the tokens are written before the crud");
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(activities.table())
                        .key(Map.of("pk", AttributeValue.fromS("ACT#" + crud), "sk", AttributeValue.fromS("A")))
                        .consistentRead(true))
                .item();
        assertEquals(crud, item.get("uuid").s());
        assertFalse(item.containsKey("outbox"), "nothing pending for the relay: " + item);
    }

    @Inject
    SqsClient sqs;

    @Test
    void anEventCarriesTheTraceOfTheRequestThatMadeIt() throws Exception {
        String crud = Cruds.post("andrewbrown", "reply to trace", "1-day");
        exporter.reset();
        Api.as("bayko")
                .body(Map.of("message", "traced reply"))
                .post("/api/activities/" + crud + "/reply")
                .then()
                .statusCode(200);
        String trace =
                traceOf("POST /api/activities/{activity_uuid}/reply").get(0).getTraceId();
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (Message message : sqs.receiveMessage(
                            r -> r.queueUrl(SharedStack.get().queues().queue())
                                    .maxNumberOfMessages(10)
                                    .waitTimeSeconds(1)
                                    .visibilityTimeout(0)
                                    .messageAttributeNames("All"))
                    .messages()) {
                if (message.body().contains(crud) && message.body().contains("activity.replied")) {
                    String traceparent =
                            message.messageAttributes().get("traceparent").stringValue();
                    assertEquals(trace, traceparent.split("-", -1)[1], "the event continues the request's trace");
                    assertSendSpan();
                    return;
                }
            }
        }
        throw new AssertionError("no activity.replied event for " + crud);
    }

    /**
     * The outbox relay's SendMessageBatch is a producer span, by the extension's telemetry
     * (quarkus.sqs.telemetry.enabled); a batch's span names no single message, so it is found by its queue and call.
     */
    private void assertSendSpan() throws InterruptedException {
        String queueUrl = SharedStack.get().queues().queue();
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (SpanData span : exporter.getFinishedSpanItems()) {
                if (span.getKind() == SpanKind.PRODUCER
                        && queueUrl.equals(span.getAttributes().get(AttributeKey.stringKey("aws.sqs.queue.url")))) {
                    assertEquals(queueUrl.substring(queueUrl.lastIndexOf('/') + 1) + " publish", span.getName());
                    assertEquals("SendMessageBatch", span.getAttributes().get(AttributeKey.stringKey("rpc.method")));
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no SendMessageBatch span in " + exporter.getFinishedSpanItems());
    }
}
