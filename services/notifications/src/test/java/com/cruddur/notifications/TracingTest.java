package com.cruddur.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.common.time.Timestamps;
import com.cruddur.events.Event;
import com.cruddur.testing.InMemoryTracing;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** An event carried over SQS continues, in the consumer, the trace of the request that published it. */
@QuarkusTest
@TestProfile(InMemoryTracing.Profile.class)
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class TracingTest {

    @Inject
    InMemorySpanExporter exporter;

    @Inject
    SqsClient sqs;

    @Inject
    ObjectMapper json;

    @Test
    void theConsumerSpanIsAChildOfThePublishersSpan() throws Exception {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String parent = trace.substring(0, 16);
        Instant now = Instant.now();
        Event event = Event.of(
                Event.ACTIVITY_REPLIED,
                Timestamps.format(now),
                SharedStack.get().sub("bayko"),
                SharedStack.get().sub("londo"),
                new Event.Subject(
                        UUID.randomUUID().toString(),
                        null,
                        null,
                        null,
                        "hi",
                        Timestamps.format(now),
                        Timestamps.format(now.plusSeconds(3600)),
                        0L,
                        0L,
                        0L));
        String body = json.writeValueAsString(event);
        sqs.sendMessage(r -> r.queueUrl(SharedStack.get().queues().queue())
                .messageBody(body)
                .messageAttributes(Map.of(
                        "traceparent",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("00-" + trace + "-" + parent + "-01")
                                .build())));
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (SpanData span : exporter.getFinishedSpanItems()) {
                if (span.getName().equals("cruddur-events process")
                        && span.getTraceId().equals(trace)) {
                    assertEquals(SpanKind.CONSUMER, span.getKind());
                    assertEquals(parent, span.getParentSpanId());
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no consumer span in trace " + trace + ": " + exporter.getFinishedSpanItems());
    }
}
