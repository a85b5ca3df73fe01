package com.cruddur.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.ServedRoutes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What every response of the service shares: JSON on every status, CORS, health, and only contract routes. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class HttpConventionsTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    @Test
    void theServiceServesExactlyTheApiRoutesTheContractGivesIt() {
        assertEquals(ServedRoutes.inContractFor("users"), ServedRoutes.servedBy("com.cruddur.users"));
    }

    @Test
    void healthCheck() {
        Api.anonymous().filter(CONTRACT).get("/api/health-check").then().statusCode(200)
                .body("success", equalTo(true)).body("ver", equalTo(1));
        Api.anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void frameworkErrorsAreJsonToo() {
        Api.anonymous().get("/api/no-such-thing").then().statusCode(404).contentType("application/json")
                .body("$", contains("not_found"));
        Api.anonymous().get("/nothing/here").then().statusCode(404).contentType("application/json")
                .body("$", contains("not_found"));
        Api.anonymous().delete("/api/users/@bayko/short").then().statusCode(405).contentType("application/json")
                .body("$", contains("method_not_allowed"));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutDetails() {
        Api.anonymous().get("/test-only/boom").then().statusCode(500).contentType("application/json")
                .body("$", contains("generic_500"));
    }

    @Test
    void aBodyOver64KbIs413() {
        Api.as("bayko").body("{\"display_name\": \"" + "x".repeat(70_000) + "\"}").put("/api/profile/update")
                .then().statusCode(413).contentType("application/json").body("$", contains("body_too_large"));
    }

    @Test
    void preflightIsAnsweredForTheFrontendOriginOnGetsToo() {
        Api.anonymous().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/users/@bayko/short")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,OPTIONS,HEAD")
                .header("Access-Control-Allow-Headers", "Authorization,Content-Type,Idempotency-Key");
    }

    @Test
    void responsesExposeLinkAndLocationToTheFrontendOnly() {
        Api.anonymous().header("Origin", "http://localhost:3000").filter(CONTRACT).get("/api/health-check").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", "Link,Location");
        Api.anonymous().header("Origin", "https://evil.example").get("/api/health-check").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
