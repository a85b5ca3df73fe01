package com.cruddur.activities;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user disabled or deleted in Cognito keeps a valid access token; this service learns of it from the users service
 * (which asks Cognito) at most once per {@code cruddur.auth.account-status-ttl} (30 s) and refuses the token then.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class AccountRevocationTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUserDisabledInCognitoCanNoLongerPostWithinTheBound() {
        String handle = SharedStack.get().createUser("disabled", "Soon Disabled");
        Cruds.post(handle, "before", "1-day");
        SharedStack.get().disableUser(handle);
        clock.advance(Duration.ofSeconds(31));
        Api.as(handle)
                .filter(CONTRACT)
                .body(Map.of("message", "after", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(401)
                .body("$", contains("generic_401"));
        // where sign-in is optional, the token counts for nothing: served as to anyone
        List<Map<String, Object>> home = Api.as(handle)
                .filter(CONTRACT)
                .get("/api/activities/home")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertTrue(home.stream().noneMatch(item -> item.containsKey("liked")), "not served as a signed-in user");
    }

    @Test
    void aUserDeletedFromCognitoCanNoLongerPostWithinTheBound() {
        String handle = SharedStack.get().createUser("deleted", "Soon Deleted");
        Cruds.post(handle, "before", "1-day");
        SharedStack.get().deleteUser(handle);
        clock.advance(Duration.ofSeconds(31));
        Api.as(handle)
                .filter(CONTRACT)
                .body(Map.of("message", "after", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(401)
                .body("$", contains("generic_401"));
    }
}
