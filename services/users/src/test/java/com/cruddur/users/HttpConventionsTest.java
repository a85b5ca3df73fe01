package com.cruddur.users;

import static org.hamcrest.Matchers.contains;

import com.cruddur.testing.Api;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.ServiceConventionsTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class HttpConventionsTest extends ServiceConventionsTest {

    @Override
    protected String service() {
        return "users";
    }

    @Test
    void aWrongMethodOnAKnownPathIs405InJson() {
        Api.anonymous().delete("/api/users/@bayko/short").then().statusCode(405).contentType("application/json")
                .body("$", contains("method_not_allowed"));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutDetails() {
        Api.anonymous().get("/test-only/boom").then().statusCode(500).contentType("application/json")
                .body("$", contains("generic_500"));
    }

    @Test
    void anAuthenticatedBodyOver64KbIs413() {
        Api.as("bayko").body("{\"display_name\": \"" + "x".repeat(70_000) + "\"}").put("/api/profile/update")
                .then().statusCode(413).contentType("application/json").body("$", contains("body_too_large"));
    }
}
