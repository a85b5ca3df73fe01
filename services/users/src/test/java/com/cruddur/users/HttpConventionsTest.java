package com.cruddur.users;

import static org.hamcrest.Matchers.contains;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.Raw;
import com.cruddur.testing.ServiceConventionsTest;
import com.cruddur.testing.SharedStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class HttpConventionsTest extends ServiceConventionsTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    @Override
    protected String service() {
        return "users";
    }

    @Test
    void aWrongMethodOnAKnownPathIs405InJson() {
        Api.anonymous()
                .delete("/api/users/@bayko/short")
                .then()
                .statusCode(405)
                .contentType("application/json")
                .body("$", contains("method_not_allowed"));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutDetails() {
        Api.anonymous()
                .get("/test-only/boom")
                .then()
                .statusCode(500)
                .contentType("application/json")
                .body("$", contains("generic_500"));
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsUsual() throws Exception {
        java.net.http.HttpResponse<String> response = Raw.send(Raw.request("/api/profile/update")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + SharedStack.get().accessToken("bayko"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"display_name\": \"Andrew Bayko\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build());
        org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void handlesThatCannotBeAUsersAreUnknownWithoutReachingAStore() {
        for (String handle : new String[] {"a".repeat(2_100), "a".repeat(129), "%25", "a%2Fb", "a%20b"}) {
            Api.anonymous()
                    .filter(CONTRACT)
                    .get("/api/users/@" + handle + "/short")
                    .then()
                    .statusCode(404)
                    .contentType("application/json")
                    .body("$", contains("user_not_found"));
            Api.anonymous()
                    .get("/internal/users/by-handle/" + handle)
                    .then()
                    .statusCode(404)
                    .body("$", contains("user_not_found"));
        }
    }

    @Test
    void anAuthenticatedBodyOver64KbIs413() {
        Api.as("bayko")
                .body("{\"display_name\": \"" + "x".repeat(70_000) + "\"}")
                .put("/api/profile/update")
                .then()
                .statusCode(413)
                .contentType("application/json")
                .body("$", contains("body_too_large"));
    }
}
