package com.cruddur.testing;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What every Cruddur service shares, proved for each one: it serves exactly the {@code /api} routes the contract
 * gives it (none the contract lacks, none missing), answers the health checks, answers every failure in JSON, and
 * applies the CORS policy. A service's test extends this class and is annotated
 * {@code @QuarkusTest @WithTestResource(LocalStackResource.class)}.
 */
public abstract class ServiceConventionsTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    /** The service's name in the contract's {@code x-cruddur-service}; its code lives in {@code com.cruddur.<name>}. */
    protected abstract String service();

    @Test
    void everyApiRouteItServesIsInTheContractAndTheOtherWayRound() {
        Set<String> served = ServedRoutes.servedBy("com.cruddur." + service());
        Set<String> owned = ServedRoutes.inContractFor(service());
        Set<String> unknown = new TreeSet<>(served);
        unknown.removeAll(owned);
        assertTrue(unknown.isEmpty(), service() + " serves routes the contract lacks: " + unknown);
        Set<String> missing = new TreeSet<>(owned);
        missing.removeAll(served);
        assertTrue(missing.isEmpty(), service() + " does not serve routes the contract gives it: " + missing);
    }

    @Test
    void healthChecks() {
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/health-check")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("ver", equalTo(1));
        Api.anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownPathsAndMethodsAnswerInJson() {
        Api.anonymous()
                .get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("$", contains("not_found"));
        Api.anonymous()
                .get("/nothing/here")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("$", contains("not_found"));
        Api.anonymous()
                .delete("/api/health-check")
                .then()
                .statusCode(405)
                .contentType("application/json")
                .body("$", contains("method_not_allowed"));
    }

    @Test
    void anOversizedBodyIs413InJson() {
        Api.anonymous()
                .body("\"" + "x".repeat(70_000) + "\"")
                .post("/api/health-check")
                .then()
                .statusCode(413)
                .contentType("application/json")
                .body("$", contains("body_too_large"));
        // refused before the CORS filter runs, yet readable by the frontend (a browser hides answers without it)
        Api.anonymous()
                .header("Origin", "http://localhost:3000")
                .body("\"" + "x".repeat(70_000) + "\"")
                .post("/api/health-check")
                .then()
                .statusCode(413)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        // another origin learns nothing more than that it is not allowed
        Api.anonymous()
                .header("Origin", "https://evil.example")
                .body("\"" + "x".repeat(70_000) + "\"")
                .post("/api/health-check")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413InJson() throws Exception {
        for (int size : new int[] {70_000, 10 * 1024 * 1024}) {
            HttpResponse<String> response = Raw.send(Raw.request("/api/health-check")
                    .header("Content-Type", "application/json")
                    .POST(Raw.chunked(size))
                    .build());
            assertEquals(413, response.statusCode(), "a chunked body of " + size + " bytes");
            assertEquals(List.of("body_too_large"), Raw.codes(response));
        }
    }

    @Test
    void headersAndUrlsOverTheLimitsAreRefusedInJson() {
        Api.anonymous()
                .header("X-Padding", "x".repeat(21_000))
                .get("/api/health-check")
                .then()
                .statusCode(431)
                .contentType("application/json")
                .body("$", contains("headers_too_large"));
        Api.anonymous()
                .get("/api/health-check?padding=" + "x".repeat(5_000))
                .then()
                .statusCode(414)
                .contentType("application/json")
                .body("$", contains("uri_too_long"));
        // just under both limits: answered as usual
        Api.anonymous()
                .header("X-Padding", "x".repeat(15_000))
                .get("/api/health-check?padding=" + "x".repeat(3_000))
                .then()
                .statusCode(200);
    }

    @Test
    void aUrlThatIsNotAUriIs400InJson() throws Exception {
        for (String target : List.of("/api/%", "/api/activities/%zz", "/api/health-check?q=%E0%", "/api/a%20b|c")) {
            Raw.Answer answer = Raw.getVerbatim(target);
            assertEquals(400, answer.status(), target);
            assertEquals(List.of("uri_invalid"), Raw.codes(answer), target);
        }
        // the same path, well escaped: routed as usual
        assertEquals(404, Raw.getVerbatim("/api/%25").status());
    }

    @Test
    void aBodyWithoutContentTypeIs415InJson() throws Exception {
        HttpResponse<String> response = Raw.send(Raw.request("/api/health-check")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertEquals(415, response.statusCode());
        assertEquals(List.of("unsupported_media_type"), Raw.codes(response));
    }

    @Test
    void securityHeadersOnEveryResponse() {
        Api.anonymous().get("/api/health-check").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        Api.anonymous().get("/nothing/here").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        Api.withToken("not.a.token")
                .header("Origin", "http://localhost:3000")
                .get("/api/health-check")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Vary", org.hamcrest.Matchers.containsStringIgnoringCase("origin"));
    }

    @Test
    void corsRefusalsAreJson() {
        Api.anonymous()
                .header("Origin", "https://evil.example")
                .get("/api/health-check")
                .then()
                .statusCode(403)
                .contentType("application/json")
                .body("$", contains("origin_not_allowed"))
                .header("Access-Control-Allow-Origin", nullValue());
        Api.anonymous()
                .header("Origin", "http://localhost:3000")
                .patch("/api/health-check")
                .then()
                .statusCode(403)
                .contentType("application/json")
                .body("$", contains("origin_not_allowed"));
    }

    @Test
    void corsAllowsTheFrontendOriginOnly() {
        Api.anonymous()
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/health-check")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,OPTIONS,HEAD")
                .header("Access-Control-Allow-Headers", "Authorization,Content-Type,Idempotency-Key");
        Api.anonymous()
                .header("Origin", "http://localhost:3000")
                .filter(CONTRACT)
                .get("/api/health-check")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header(
                        "Access-Control-Expose-Headers",
                        "Link,Location,Retry-After,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset");
        Api.anonymous()
                .header("Origin", "https://evil.example")
                .get("/api/health-check")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
