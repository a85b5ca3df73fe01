package com.cruddur.users;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.Api;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Errors reach Rollbar and traces reach the OTLP endpoint, each through its real client, to local receivers. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(TelemetryReceivers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryTest {

    private static List<LoggedRequest> rollbarItems() {
        return TelemetryReceivers.server.findAll(postRequestedFor(urlPathEqualTo("/api/1/item/")));
    }

    /** The route of each reported item, in the order Rollbar received them. */
    private static List<String> routes(List<LoggedRequest> items) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> routes = new ArrayList<>();
        for (LoggedRequest item : items) {
            routes.add(json.readTree(item.getBodyAsString())
                    .path("data")
                    .path("request")
                    .path("url")
                    .asText());
        }
        return routes;
    }

    private static List<LoggedRequest> awaitItems(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (rollbarItems().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return rollbarItems();
    }

    @Test
    void aServerErrorIsReportedOnceWithRoutePersonAndTraceButNoSecrets() throws Exception {
        TelemetryReceivers.server.resetRequests();
        String token = SharedStack.get().accessToken("bayko");
        Api.withToken(token).get("/test-only/boom").then().statusCode(500);
        List<LoggedRequest> items = awaitItems(1);
        Thread.sleep(500);
        assertEquals(1, rollbarItems().size(), "reported once");
        String body = items.get(0).getBodyAsString();
        JsonNode data = new ObjectMapper().readTree(body).path("data");
        assertEquals("GET", data.path("request").path("method").asText());
        assertEquals("/test-only/boom", data.path("request").path("url").asText());
        assertEquals(
                SharedStack.get().sub("bayko"), data.path("person").path("id").asText());
        assertEquals(500, data.path("custom").path("status").asInt());
        assertEquals(32, data.path("custom").path("trace_id").asText().length(), "the trace id links to Honeycomb");
        assertFalse(body.contains(token), "no access token");
        assertFalse(body.contains("Bearer"), "no Authorization header");
        assertFalse(data.path("person").has("email"), "the person is the sub only");
    }

    @Test
    void aCallerWhoHangsUpBeforeTheAnswerIsNoServerError() throws Exception {
        TelemetryReceivers.server.resetRequests();
        // a caller who hangs up while its body is on the way (as the edge resets the request of a client who left)
        try (Socket caller = new Socket("localhost", RestAssured.port)) {
            caller.getOutputStream()
                    .write(("PUT /api/profile/update HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 1000\r\n\r\n{\"display_name\": ")
                            .getBytes(StandardCharsets.US_ASCII));
            caller.getOutputStream().flush();
        }
        // a real server error after it: once its report has arrived, one for the hang-up would have too
        Api.as("bayko").get("/test-only/boom").then().statusCode(500);
        assertEquals(List.of("/test-only/boom"), routes(awaitItems(1)), "a caller who hung up is not reported");
    }

    @Test
    void clientErrorsAreNotReported() throws Exception {
        Api.as("bayko")
                .body(Map.of("display_name", " "))
                .put("/api/profile/update")
                .then()
                .statusCode(422);
        Api.anonymous().get("/api/profile").then().statusCode(401);
        Api.anonymous().get("/api/users/@nobody-at-all/short").then().statusCode(404);
        Thread.sleep(700);
        for (String route : routes(rollbarItems())) {
            assertEquals("/test-only/boom", route, "only the forced server errors are reported");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: its slow deliveries arrive late
    void aSlowRollbarNeverSlowsARequest() {
        TelemetryReceivers.server.stubFor(post(urlPathEqualTo("/api/1/item/"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        try {
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                Api.as("bayko").get("/test-only/boom").then().statusCode(500);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "answered in " + took);
            }
        } finally {
            TelemetryReceivers.server.stubFor(post(urlPathEqualTo("/api/1/item/"))
                    .willReturn(aResponse().withStatus(200).withBody("{\"err\":0}")));
        }
    }

    @Test
    void spansReachTheOtlpEndpointWithTheHoneycombHeader() throws Exception {
        Api.anonymous().get("/api/health-check").then().statusCode(200);
        Instant deadline = Instant.now().plusSeconds(10);
        while (TelemetryReceivers.server
                        .findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))
                        .isEmpty()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        TelemetryReceivers.server.verify(postRequestedFor(urlPathEqualTo("/v1/traces"))
                .withHeader("x-honeycomb-team", equalTo("honeycomb-test-key")));
    }
}
