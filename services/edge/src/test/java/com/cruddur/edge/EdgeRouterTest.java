package com.cruddur.edge;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.contract.Route;
import com.cruddur.contract.RoutingTable;
import com.cruddur.testing.Api;
import com.cruddur.testing.Raw;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@WithTestResource(StubBackends.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeRouterTest {

    private static final String FRONTEND = "http://localhost:3000";
    private static final List<Route> ROUTES = RoutingTable.fromContract().routes();

    /** A concrete path the route's pattern matches, as the frontend would request it. */
    private static String sample(Route route) {
        return route.pattern().replace("*", "0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    @Test
    void aClientThatOffersHttp2IsAnsweredOverHttp11() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .build()
                .send(
                        Raw.request("/api/users/@bayko/short")
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, response.version());
    }

    @Test
    void aUrlThatIsNotAUriIs400InJsonAndNeverReachesAService() throws Exception {
        Raw.Answer answer = Raw.getVerbatim("/api/activities/%zz");
        assertEquals(400, answer.status());
        assertEquals(List.of("uri_invalid"), Raw.codes(answer));
    }

    @Test
    @Order(1)
    void everyRouteOfTheContractReachesItsOwnerWithHeadersAndBody() {
        for (Route route : ROUTES) {
            if (route.service().equals(EdgeRouter.SELF)) {
                continue;
            }
            Api.withToken("abc.def.ghi")
                    .body("{\"message\":\"hi\"}")
                    .post(sample(route))
                    .then()
                    .statusCode(200)
                    .body("service", equalTo(route.service()))
                    .body("method", equalTo("POST"))
                    .body("path", equalTo(sample(route)))
                    .body("authorization", equalTo("Bearer abc.def.ghi"))
                    .body("body", equalTo("{'message':'hi'}"));
        }
    }

    @Test
    @Order(1)
    void aChunkedBodyReachesTheServiceWhole() throws Exception {
        java.net.http.HttpResponse<String> response = Raw.send(Raw.request("/api/activities")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"message\":\"chunked\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "{'message':'chunked'}",
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(response.body())
                        .get("body")
                        .asText());
    }

    @Test
    @Order(1)
    void aChunkedBodyOverTheLimitIs413InJsonFromTheEdge() throws Exception {
        for (int size : new int[] {70_000, 10 * 1024 * 1024}) {
            java.net.http.HttpResponse<String> response = Raw.send(Raw.request("/api/activities")
                    .header("Content-Type", "application/json")
                    .POST(Raw.chunked(size))
                    .build());
            assertEquals(413, response.statusCode(), "a chunked body of " + size + " bytes");
            assertEquals(List.of("body_too_large"), Raw.codes(response));
        }
    }

    @Test
    @Order(1)
    void theHealthCheckIsTheEdgesOwn() {
        Api.anonymous()
                .get("/api/health-check")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("ver", equalTo(1));
    }

    @Test
    @Order(1)
    void internalAndUnknownPathsAreNeverRouted() {
        Api.anonymous()
                .get("/internal/users?sub=x")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("$", contains("not_found"));
        Api.anonymous()
                .get("/api/users/bob/short")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("$", contains("not_found"));
        Api.anonymous()
                .get("/api/nothing")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("$", contains("not_found"));
        // metrics are not the API's callers' to read
        Api.anonymous()
                .get("/q/metrics")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("$", contains("not_found"));
    }

    @Test
    @Order(1)
    void preflightIsAnsweredForEveryRoute() {
        for (Route route : ROUTES) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                Api.anonymous()
                        .header("Origin", FRONTEND)
                        .header("Access-Control-Request-Method", method)
                        .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                        .options(sample(route))
                        .then()
                        .statusCode(200)
                        .header("Access-Control-Allow-Origin", FRONTEND)
                        .header("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,OPTIONS,HEAD")
                        .header("Access-Control-Allow-Headers", "Authorization,Content-Type,Idempotency-Key");
            }
        }
    }

    @Test
    @Order(1)
    void proxiedResponsesCarryTheEdgesCorsHeadersOnly() {
        Route route = ROUTES.stream()
                .filter(r -> r.service().equals("users"))
                .findFirst()
                .orElseThrow();
        Response response = Api.anonymous().header("Origin", FRONTEND).get(sample(route));
        assertEquals(List.of(FRONTEND), response.headers().getValues("Access-Control-Allow-Origin"));
        assertEquals(
                List.of("Link,Location,Retry-After,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset"),
                response.headers().getValues("Access-Control-Expose-Headers"));
    }

    @Test
    @Order(1)
    void callersWhoHangUpDoNotExhaustTheConnectionsToAService() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI slow = java.net.URI.create(
                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/users/@slow/short");
        // three times the pool at once, each hanging up long before the slow answer: some wait in the pool's queue
        java.util.List<java.util.concurrent.CompletableFuture<?>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(http.sendAsync(
                            java.net.http.HttpRequest.newBuilder(slow)
                                    .timeout(java.time.Duration.ofMillis(300))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .exceptionally(hungUp -> null));
        }
        calls.forEach(java.util.concurrent.CompletableFuture::join);
        long started = System.nanoTime();
        Api.anonymous().get("/api/users/@bayko/short").then().statusCode(200).body("service", equalTo("users"));
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
        org.junit.jupiter.api.Assertions.assertTrue(
                took.compareTo(java.time.Duration.ofSeconds(3)) < 0,
                "answered without waiting for the abandoned requests: " + took);
    }

    @Test
    void theEdgeKeepsNoMeterPerPathItForwards() {
        // nobody can read the edge's metrics (above): it kept a request meter per distinct path until Micrometer's
        // limit of 100 URI tags, and logged a warning under every load
        for (int i = 0; i < 120; i++) {
            Api.anonymous().get("/api/users/@user" + i + "/short").then().statusCode(200);
        }
        assertEquals(
                0, Metrics.globalRegistry.find("http.server.requests").meters().size());
    }

    @Test
    @Order(2)
    void aServiceThatIsDownIsA502InJson() {
        StubBackends.stop("messages");
        Api.anonymous()
                .get("/api/message_groups")
                .then()
                .statusCode(502)
                .contentType("application/json")
                .body("$", contains("service_unavailable"));
        // the others still answer
        Api.anonymous().get("/api/users/@bayko/short").then().statusCode(200).body("service", equalTo("users"));
    }
}
