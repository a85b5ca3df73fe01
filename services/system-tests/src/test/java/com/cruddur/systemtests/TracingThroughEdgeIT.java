package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.CognitoSetup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One user request is one trace across the packaged edge, activities and users services, with its DynamoDB and cache spans. */
class TracingThroughEdgeIT {

    @Test
    void aFeedRequestIsOneTraceAcrossEdgeActivitiesAndUsers() throws Exception {
        // a new author, so that the profile feed's lookup of the handle reaches the users service (not a cached
        // profile: posting caches the author by sub, for the post's own response, but not by handle)
        String handle = "tracer" + UUID.randomUUID().toString().substring(0, 8);
        String token;
        try (CognitoSetup cognito =
                new CognitoSetup(SystemUnderTest.backend().emulators().cognito())) {
            cognito.createUser(
                    SystemUnderTest.backend().pool(),
                    handle + "@cruddur.test",
                    handle,
                    "Tracer",
                    SystemUnderTest.password());
            token = cognito.signIn(
                            SystemUnderTest.backend().pool(), handle + "@cruddur.test", SystemUnderTest.password())
                    .accessToken();
        }
        Browser.anonymous()
                .header("Authorization", "Bearer " + token)
                .body(Map.of("message", "follow me", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(200);
        Browser.anonymous().get("/api/activities/@" + handle).then().statusCode(200);

        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<OtlpReceiver.ReceivedSpan> spans = SystemUnderTest.traces().spans();
            for (OtlpReceiver.ReceivedSpan home : spans) {
                if (!home.service().equals("activities") || !home.name().equals("GET /api/activities/@{handle}")) {
                    continue;
                }
                List<OtlpReceiver.ReceivedSpan> trace = spans.stream()
                        .filter(s -> s.traceId().equals(home.traceId()))
                        .toList();
                Set<String> services =
                        trace.stream().map(OtlpReceiver.ReceivedSpan::service).collect(Collectors.toSet());
                Set<String> names =
                        trace.stream().map(OtlpReceiver.ReceivedSpan::name).collect(Collectors.toSet());
                if (services.containsAll(Set.of("edge", "activities", "users"))
                        && names.contains("DynamoDb.Query")
                        && names.contains("cache get")) {
                    Set<String> ids = trace.stream()
                            .map(OtlpReceiver.ReceivedSpan::spanId)
                            .collect(Collectors.toSet());
                    assertTrue(
                            trace.stream()
                                    .filter(s -> !s.service().equals("edge"))
                                    .allMatch(s -> ids.contains(s.parentSpanId())),
                            "every service span hangs off the edge's: " + trace);
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no trace across edge, activities and users with DynamoDB and cache spans in "
                + SystemUnderTest.traces().spans());
    }
}
