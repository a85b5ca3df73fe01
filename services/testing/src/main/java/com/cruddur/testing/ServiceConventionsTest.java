package com.cruddur.testing;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
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
        Api.anonymous().filter(CONTRACT).get("/api/health-check").then().statusCode(200)
                .body("success", equalTo(true)).body("ver", equalTo(1));
        Api.anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownPathsAndMethodsAnswerInJson() {
        Api.anonymous().get("/api/no-such-thing").then().statusCode(404).contentType("application/json")
                .body("$", contains("not_found"));
        Api.anonymous().get("/nothing/here").then().statusCode(404).contentType("application/json")
                .body("$", contains("not_found"));
        Api.anonymous().delete("/api/health-check").then().statusCode(405).contentType("application/json")
                .body("$", contains("method_not_allowed"));
    }

    @Test
    void anOversizedBodyIs413InJson() {
        Api.anonymous().body("\"" + "x".repeat(70_000) + "\"").post("/api/health-check").then()
                .statusCode(413).contentType("application/json").body("$", contains("body_too_large"));
        // refused before the CORS filter runs, yet readable by the frontend (a browser hides answers without it)
        Api.anonymous().header("Origin", "http://localhost:3000").body("\"" + "x".repeat(70_000) + "\"")
                .post("/api/health-check").then().statusCode(413)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        Api.anonymous().header("Origin", "https://evil.example").body("\"" + "x".repeat(70_000) + "\"")
                .post("/api/health-check").then().statusCode(413)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void corsAllowsTheFrontendOriginOnly() {
        Api.anonymous().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/health-check")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,OPTIONS,HEAD")
                .header("Access-Control-Allow-Headers", "Authorization,Content-Type,Idempotency-Key");
        Api.anonymous().header("Origin", "http://localhost:3000").filter(CONTRACT).get("/api/health-check").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", "Link,Location,Retry-After");
        Api.anonymous().header("Origin", "https://evil.example").get("/api/health-check").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
